// One change applied to many saved items (accept or reject a review batch) as one undo step.
import { AppError } from '../contract/errors';
import type { QaItemChanges } from '../contract/schemas';
import type { QaDocument } from './qa-document';
import type { Command } from './types';

export const QA_BATCH = 'qa.batch';

const LABELS = { verified: 'Accept', rejected: 'Reject', draft: 'Reopen' } as const;

export function changeItemsCommand(ids: readonly string[], changes: QaItemChanges): Command<QaDocument> {
  const verb = changes.status !== undefined && Object.keys(changes).length === 1 ? LABELS[changes.status] : 'Edit';
  return {
    label: `${verb} ${ids.length} item${ids.length === 1 ? '' : 's'}`,
    kind: QA_BATCH,
    // Unique per batch, so two batches in quick succession stay two undo steps.
    target: `batch:${ids.length}:${ids[0] ?? ''}:${ids[ids.length - 1] ?? ''}`,
    recipe(draft) {
      for (const id of ids) {
        const item = draft.items[id];
        if (!item) throw new AppError('not_found', `no QA item with id ${id}`, { id });
        if (changes.question !== undefined) item.question = changes.question;
        if (changes.answer !== undefined) item.answer = changes.answer;
        if (changes.unit !== undefined) item.unit = changes.unit;
        if (changes.status !== undefined) item.status = changes.status;
      }
    },
  };
}
