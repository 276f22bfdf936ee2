// Undo and redo stacks held in memory (for documents that are not persisted, e.g. a layout preview).
// The persisted history in db/ follows the same rules: a new entry merges or is pushed and clears
// redo; undo moves the newest entry to redo; redo moves it back.
import { canMerge, mergeEntries, MERGE_WINDOW_MS } from './merge';
import type { HistoryEntry } from './types';

export interface HistoryStacks {
  /** Oldest first; the last one is what undo reverts. */
  readonly done: readonly HistoryEntry[];
  /** Oldest undone last; the last one is what redo re-applies. */
  readonly undone: readonly HistoryEntry[];
}

export const emptyStacks: HistoryStacks = { done: [], undone: [] };

export function record(stacks: HistoryStacks, entry: HistoryEntry, windowMs = MERGE_WINDOW_MS): HistoryStacks {
  const top = stacks.done.at(-1);
  if (top && canMerge(top, entry, windowMs)) {
    return { done: [...stacks.done.slice(0, -1), mergeEntries(top, entry)], undone: [] };
  }
  return { done: [...stacks.done, entry], undone: [] };
}

/** The entry to revert and the stacks after reverting it; null when there is nothing to undo. */
export function undo(stacks: HistoryStacks): { entry: HistoryEntry; stacks: HistoryStacks } | null {
  const entry = stacks.done.at(-1);
  if (!entry) return null;
  return { entry, stacks: { done: stacks.done.slice(0, -1), undone: [...stacks.undone, entry] } };
}

export function redo(stacks: HistoryStacks): { entry: HistoryEntry; stacks: HistoryStacks } | null {
  const entry = stacks.undone.at(-1);
  if (!entry) return null;
  return { entry, stacks: { done: [...stacks.done, entry], undone: stacks.undone.slice(0, -1) } };
}
