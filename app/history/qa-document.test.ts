import { describe, expect, it } from 'vitest';
import { applyCommand, replay } from './command';
import { changeItemCommand, createItemCommand, QA_EDIT, QA_STATUS, touchedItems, type QaDocItem, type QaDocument } from './qa-document';

const item: QaDocItem = {
  id: '3f0c6f4e-2a8b-4c1d-9e7f-0a1b2c3d4e5f',
  sceneId: 'room',
  kind: 'distance',
  question: 'How far is the chair from the table?',
  answer: 1.25,
  unit: 'm',
  instanceIds: [1, 2],
  status: 'draft',
  createdAt: '2025-01-01T00:00:00.000Z',
  engineVersion: '0.1.0',
};
const empty: QaDocument = { items: {} };

describe('QA document commands', () => {
  it('creates an item, and undoing the creation removes it', () => {
    const { doc, entry } = applyCommand(empty, createItemCommand(item), 0);
    expect(doc.items[item.id]).toEqual(item);
    expect(entry).toMatchObject({ label: 'Save item', target: item.id });
    expect(touchedItems(entry!.inverse)).toEqual([item.id]);
    expect(replay(doc, entry!, 'undo')).toEqual(empty);
  });

  it('names status changes and other edits apart so that they do not merge', () => {
    const doc: QaDocument = { items: { [item.id]: item } };
    const verify = applyCommand(doc, changeItemCommand(item.id, { status: 'verified' }), 0).entry!;
    expect(verify).toMatchObject({ label: 'Verify item', kind: QA_STATUS });
    const edit = applyCommand(doc, changeItemCommand(item.id, { question: 'Distance?', status: 'verified' }), 0).entry!;
    expect(edit).toMatchObject({ label: 'Edit item', kind: QA_EDIT });
    expect(applyCommand(doc, changeItemCommand(item.id, { status: 'draft' }), 0).entry).toBeNull();
  });

  it('refuses to change an item that is not in the document, naming it', () => {
    expect(() => applyCommand(empty, changeItemCommand('nope', { status: 'verified' }), 0)).toThrow(/no QA item with id nope/);
  });

  it('rejects patches outside the items map', () => {
    expect(() => touchedItems([{ op: 'replace', path: ['other'], value: 1 }])).toThrow(/unexpected path/);
  });
});
