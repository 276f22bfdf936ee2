// Saved QA items as an undoable document. The store loads only the items a command or an entry
// touches (a "slice" of the document), so undo costs the same with ten items or a million.
import { AppError } from '../contract/errors';
import type { QaItem, QaItemChanges } from '../contract/schemas';
import type { Command, Patch } from './types';

/** An item as the document knows it; revision and updatedAt are the store's bookkeeping. */
export type QaDocItem = Omit<QaItem, 'revision' | 'updatedAt'>;

export interface QaDocument {
  items: Record<string, QaDocItem>;
}

export const QA_CREATE = 'qa.create';
export const QA_EDIT = 'qa.edit';
export const QA_STATUS = 'qa.status';

export function createItemCommand(item: QaDocItem): Command<QaDocument> {
  return {
    label: item.status === 'verified' ? 'Save verified item' : 'Save item',
    kind: QA_CREATE,
    target: item.id,
    recipe(draft) {
      if (draft.items[item.id]) throw new AppError('invalid_input', `QA item ${item.id} already exists`);
      draft.items[item.id] = item;
    },
  };
}

const STATUS_LABELS = { verified: 'Verify item', rejected: 'Reject item', draft: 'Mark item as draft' } as const;

export function changeItemCommand(id: string, changes: QaItemChanges): Command<QaDocument> {
  const statusOnly = Object.keys(changes).length === 1 && changes.status !== undefined;
  return {
    label: statusOnly && changes.status ? STATUS_LABELS[changes.status] : 'Edit item',
    kind: statusOnly ? QA_STATUS : QA_EDIT,
    target: id,
    recipe(draft) {
      const item = draft.items[id];
      if (!item) throw new AppError('not_found', `no QA item with id ${id}`, { id });
      if (changes.question !== undefined) item.question = changes.question;
      if (changes.answer !== undefined) item.answer = changes.answer;
      if (changes.unit !== undefined) item.unit = changes.unit;
      if (changes.status !== undefined) item.status = changes.status;
    },
  };
}

/** The item ids a list of patches reads or writes: what a slice must hold to replay them. */
export function touchedItems(patches: readonly Patch[]): string[] {
  const ids = new Set<string>();
  for (const p of patches) {
    const [root, id] = p.path;
    if (root !== 'items' || typeof id !== 'string') throw new AppError('internal', `history patch has an unexpected path ${JSON.stringify(p.path)}`);
    ids.add(id);
  }
  return [...ids];
}
