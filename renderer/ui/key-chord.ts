// Which workbench command a key press with modifiers means. Ctrl on Linux/Windows, ⌘ on macOS.
export type Chord = 'undo' | 'redo' | 'open';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function chordOf(e: KeyPress): Chord | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  if (key === 'o' && !e.shiftKey) return 'open';
  return null;
}
