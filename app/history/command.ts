// Running a command and replaying an entry in either direction.
import { applyPatches, enablePatches, produceWithPatches, type Objectish } from 'immer';
import type { Command, HistoryEntry } from './types';

enablePatches();

export interface Applied<D> {
  doc: D;
  /** Null when the recipe changed nothing: no history entry for a no-op. */
  entry: HistoryEntry | null;
}

export function applyCommand<D extends Objectish>(doc: D, command: Command<D>, now: number): Applied<D> {
  const [next, patches, inverse] = produceWithPatches(doc, command.recipe as (draft: unknown) => void);
  if (patches.length === 0) return { doc, entry: null };
  const { label, kind, target } = command;
  return { doc: next as D, entry: { label, kind, target, patches, inverse, createdAt: now, updatedAt: now } };
}

export type Direction = 'undo' | 'redo';

/** The document as it was before (undo) or after (redo) the entry. */
export function replay<D extends Objectish>(doc: D, entry: HistoryEntry, direction: Direction): D {
  return applyPatches(doc, direction === 'undo' ? entry.inverse : entry.patches);
}
