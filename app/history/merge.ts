// Rapid changes of one kind on one object (typing a question, nudging a value) become one undo step.
import type { HistoryEntry } from './types';

/** How close in time a change must follow the previous one to merge with it. */
export const MERGE_WINDOW_MS = 500;

/** True when `next` should be folded into `prev`, the newest entry that undo would revert. */
export function canMerge(prev: HistoryEntry, next: HistoryEntry, windowMs = MERGE_WINDOW_MS): boolean {
  const gap = next.createdAt - prev.updatedAt;
  return prev.kind === next.kind && prev.target === next.target && gap >= 0 && gap <= windowMs;
}

/** One entry that does `prev` then `next`, and undoes them in the opposite order. */
export function mergeEntries(prev: HistoryEntry, next: HistoryEntry): HistoryEntry {
  return {
    label: next.label,
    kind: prev.kind,
    target: prev.target,
    patches: [...prev.patches, ...next.patches],
    inverse: [...next.inverse, ...prev.inverse],
    createdAt: prev.createdAt,
    updatedAt: next.updatedAt,
  };
}
