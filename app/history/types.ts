// Undoable document changes. A command is a named recipe run on a document with immer; what it
// did is kept as patches (forward) and inverse patches (backward), which is all undo/redo needs and
// all that is persisted.
import type { Draft, Patch } from 'immer';

export type { Patch } from 'immer';

export interface Command<D> {
  /** What the user sees in the history list, e.g. "Verify item". */
  label: string;
  /** The kind of change; rapid changes of one kind on one target merge into one entry. */
  kind: string;
  /** The object the change is about (an item id). */
  target: string;
  recipe(draft: Draft<D>): void;
}

export interface HistoryEntry {
  label: string;
  kind: string;
  target: string;
  patches: Patch[];
  inverse: Patch[];
  /** Epoch milliseconds of the first change in the entry. */
  createdAt: number;
  /** Epoch milliseconds of the latest change merged into the entry. */
  updatedAt: number;
}
