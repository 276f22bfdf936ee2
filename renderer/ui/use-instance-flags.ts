// Hidden, isolated and locked instances as React state, following the viewport engine (which
// owns them: the Show menu and the H / I / U keys change them too).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { InstanceVisibility, Viewport } from '../viewport/viewport';

export interface InstanceFlags {
  locked: ReadonlySet<number>;
  isShown(id: number): boolean;
  toggleHidden(id: number): void;
  toggleLocked(id: number): void;
}

const NONE: InstanceVisibility = { hidden: [], isolated: null, locked: [] };

export function useInstanceFlags(engine: Viewport | null): InstanceFlags | undefined {
  const [v, setV] = useState<InstanceVisibility>(NONE);
  useEffect(() => (engine ? engine.onVisibility(setV) : setV(NONE)), [engine]);
  const hidden = useMemo(() => new Set(v.hidden), [v]);
  const isolated = useMemo(() => (v.isolated ? new Set(v.isolated) : null), [v]);
  const locked = useMemo(() => new Set(v.locked), [v]);
  const toggleHidden = useCallback(
    (id: number) => {
      if (!engine) return;
      // Showing an instance that isolation hides adds it to the isolated set.
      if (isolated && !isolated.has(id)) return engine.isolate([...isolated, id]);
      engine.setHidden(hidden.has(id) ? [...hidden].filter((h) => h !== id) : [...hidden, id]);
    },
    [engine, hidden, isolated],
  );
  const toggleLocked = useCallback(
    (id: number) => engine?.setLocked(locked.has(id) ? [...locked].filter((l) => l !== id) : [...locked, id]),
    [engine, locked],
  );
  return useMemo(
    () => (engine ? { locked, isShown: (id: number) => !hidden.has(id) && (!isolated || isolated.has(id)), toggleHidden, toggleLocked } : undefined),
    [engine, locked, hidden, isolated, toggleHidden, toggleLocked],
  );
}
