// Click-to-pair selection: the first click picks A, the second picks B (which triggers a
// measurement), a third click starts over with a new A. Re-clicking A while alone keeps it.
export function nextSelection(current: readonly number[], clicked: number): number[] {
  if (current.length === 1) return current[0] === clicked ? [clicked] : [current[0]!, clicked];
  return [clicked];
}

/**
 * Ctrl/⌘-click multi-select: adds `clicked` at the end of the selection, or takes it out if it is
 * in. The first two stay the A/B pair (measured); the rest are extra selected instances.
 */
export function toggleSelection(current: readonly number[], clicked: number): number[] {
  return current.includes(clicked) ? current.filter((id) => id !== clicked) : [...current, clicked];
}
