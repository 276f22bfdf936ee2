// Keyboard shortcuts for the workbench: single keys (ignored with a modifier held) and the undo/redo
// chords. All are ignored while typing in a field, where the field's own undo applies.
import { useEffect, useRef } from 'react';
import { chordOf, type Chord } from './key-chord';

export type Shortcuts = Partial<Record<'Escape' | 's' | 'f' | 'c' | Chord, () => void>>;

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
      const key = chord ?? (e.ctrlKey || e.metaKey || e.altKey || e.repeat ? null : e.key === 'Escape' ? 'Escape' : e.key.toLowerCase());
      const action = key === null ? undefined : latest.current[key as keyof Shortcuts];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
