// Keyboard shortcuts for the workbench: single keys (ignored with a modifier held) and the undo/redo
// chords. All are ignored while typing in a field, where the field's own undo applies.
import { useEffect, useRef } from 'react';
import { chordOf, type Chord } from './key-chord';

// Keys are lower-case `e.key` values; with Shift held a letter is named `shift+<letter>` (so Shift+F
// is not F), other keys keep their shifted character (e.g. `?`).
export type Shortcuts = Partial<Record<'Escape' | 's' | 'f' | 'c' | Chord | (string & {}), () => void>>;

function keyName(e: KeyboardEvent): string {
  if (e.key === 'Escape') return 'Escape';
  const k = e.key.toLowerCase();
  return e.shiftKey && /^[a-z]$/.test(k) ? `shift+${k}` : k;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const chord = chordOf(e);
      // Holding Ctrl+Z repeats the undo, as in any editor; single keys do not repeat.
      const key = chord ?? (e.ctrlKey || e.metaKey || e.altKey || e.repeat ? null : keyName(e));
      const action = key === null ? undefined : latest.current[key as keyof Shortcuts];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
