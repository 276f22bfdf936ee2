// Click-to-pair selection: the first click picks A, the second picks B (which triggers a
// measurement), a third click starts over with a new A. Re-clicking A while alone keeps it.
export function nextSelection(current: readonly number[], clicked: number): number[] {
  if (current.length === 1) return current[0] === clicked ? [clicked] : [current[0]!, clicked];
  return [clicked];
}
