// Single-key shortcuts for the workbench; ignored while typing in a field or with a modifier held.
import { useEffect, useRef } from 'react';

export type Shortcuts = Partial<Record<'Escape' | 's' | 'f' | 'c', () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      const key = e.key === 'Escape' ? 'Escape' : e.key.toLowerCase();
      const action = latest.current[key as keyof Shortcuts];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
