// The editor on a real SQLite file: every change, undo and redo is committed at once, and the
// history is read back from the file after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaItemInput } from '../app/contract/schemas';
import { MERGE_WINDOW_MS } from '../app/history/merge';
import { openDatabase, type Store } from './open';

let dir: string;
let file: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-db-editor-'));
  file = join(dir, 'scenewright.db');
  store = openDatabase(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = (over: Partial<QaItemInput> = {}): QaItemInput => ({
  sceneId: 'room',
  kind: 'distance',
  question: 'How far is the chair from the table?',
  answer: 1.25,
  unit: 'm',
  instanceIds: [3, 7],
  status: 'verified',
  ...over,
});
const t0 = Date.parse('2025-05-01T12:00:00.000Z');
const at = (ms: number) => ({ now: new Date(t0 + ms) });
const saveMeta = (ms: number) => ({ engineVersion: '0.1.0', ...at(ms) });
const restart = () => {
  store.close();
  store = openDatabase(file);
};
const labels = (sceneId = 'room') => store.editor.history(sceneId, 50).entries.map((e) => `${e.label}${e.undone ? ' (undone)' : ''}`);

describe('SqliteQaEditor', () => {
  it('records a save in the history; undo hides the item, redo brings it back, and no revision is lost', () => {
    const saved = store.editor.save(input(), saveMeta(0));
    expect(store.qaItems.list({ sceneId: 'room', limit: 10, offset: 0 }).items).toEqual([saved]);
    expect(store.editor.history('room', 10)).toMatchObject({ canUndo: true, canRedo: false, entries: [{ seq: 1, label: 'Save verified item', target: saved.id }] });

    const undone = store.editor.undo('room', at(1000));
    expect(undone).toMatchObject({ applied: { label: 'Save verified item', undone: true }, canUndo: false, canRedo: true });
    expect(store.qaItems.list({ sceneId: 'room', limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
    expect(store.qaItems.get(saved.id)).toBeUndefined();

    const redone = store.editor.redo('room', at(2000));
    expect(redone).toMatchObject({ applied: { label: 'Save verified item', undone: false }, canUndo: true, canRedo: false });
    expect(store.qaItems.get(saved.id)).toMatchObject({ question: saved.question, status: 'verified', revision: 3, createdAt: saved.createdAt });
    expect(store.qaItems.revisions(saved.id).map((r) => [r.revision, r.deleted, r.status])).toEqual([
      [1, false, 'verified'],
      [2, true, 'verified'],
      [3, false, 'verified'],
    ]);
    expect(store.editor.redo('room')).toEqual({ applied: null, canUndo: true, canRedo: false });
  });

  it('makes every edit of a verified item a new revision and keeps the verified one', () => {
    const saved = store.editor.save(input(), saveMeta(0));
    const edited = store.editor.update(saved.id, { answer: 1.3, question: 'Gap between chair and table?' }, at(5000));
    expect(edited).toMatchObject({ revision: 2, answer: 1.3, question: 'Gap between chair and table?', createdAt: saved.createdAt });
    expect(edited.updatedAt).toBe(new Date(t0 + 5000).toISOString());
    expect(store.qaItems.revisions(saved.id).map((r) => [r.revision, r.answer, r.question])).toEqual([
      [1, 1.25, saved.question],
      [2, 1.3, 'Gap between chair and table?'],
    ]);
  });

  it(`merges rapid edits of one item within ${MERGE_WINDOW_MS} ms into one undo step`, () => {
    const saved = store.editor.save(input({ status: 'draft', question: 'H' }), saveMeta(0));
    let text = 'H';
    for (let i = 1; i <= 5; i++) {
      text += 'ow far'[i - 1];
      store.editor.update(saved.id, { question: text }, at(10_000 + i * (MERGE_WINDOW_MS - 100)));
    }
    store.editor.update(saved.id, { status: 'verified' }, at(10_000 + 5 * (MERGE_WINDOW_MS - 100) + 50));
    store.editor.update(saved.id, { question: 'How far?' }, at(60_000));
    expect(labels()).toEqual(['Edit item', 'Verify item', 'Edit item', 'Save item']);

    store.editor.undo('room');
    store.editor.undo('room');
    expect(store.qaItems.get(saved.id)).toMatchObject({ question: 'How fa', status: 'draft' });
    store.editor.undo('room');
    expect(store.qaItems.get(saved.id)).toMatchObject({ question: 'H', status: 'draft' });
    // Eight changes (one save, seven edits) and three undos: eleven revisions, all kept.
    expect(store.qaItems.revisions(saved.id)).toHaveLength(11);
  });

  it('keeps undo and redo across a restart', () => {
    const a = store.editor.save(input({ question: 'A?' }), saveMeta(0));
    store.editor.update(a.id, { status: 'rejected' }, at(5000));
    const b = store.editor.save(input({ question: 'B?', status: 'draft' }), saveMeta(10_000));
    store.editor.undo('room');
    restart();

    expect(labels()).toEqual(['Save item (undone)', 'Reject item', 'Save verified item']);
    expect(store.qaItems.get(b.id)).toBeUndefined();
    store.editor.undo('room');
    expect(store.qaItems.get(a.id)).toMatchObject({ status: 'verified' });
    restart();
    store.editor.redo('room');
    store.editor.redo('room');
    expect(store.qaItems.get(a.id)).toMatchObject({ status: 'rejected' });
    expect(store.qaItems.get(b.id)).toMatchObject({ question: 'B?' });
    expect(store.editor.history('room', 10)).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('drops the redo side when a new change follows an undo, and never merges across the undo', () => {
    const a = store.editor.save(input({ status: 'draft' }), saveMeta(0));
    store.editor.update(a.id, { question: 'one' }, at(1000));
    store.editor.update(a.id, { question: 'two' }, at(1100));
    store.editor.undo('room', at(1200));
    store.editor.update(a.id, { question: 'three' }, at(1300));
    expect(labels()).toEqual(['Edit item', 'Save item']);
    expect(store.editor.history('room', 10).canRedo).toBe(false);
    store.editor.undo('room');
    expect(store.qaItems.get(a.id)?.question).toBe(input().question);
  });

  it('keeps one history per scene', () => {
    store.editor.save(input({ sceneId: 'room' }), saveMeta(0));
    const other = store.editor.save(input({ sceneId: 'office' }), saveMeta(1000));
    store.editor.undo('room');
    expect(store.qaItems.get(other.id)).toBeDefined();
    expect(store.editor.history('office', 10).canUndo).toBe(true);
    expect(store.editor.undo('nowhere')).toEqual({ applied: null, canUndo: false, canRedo: false });
  });

  it('answers an unknown item with not_found, records no entry for a change that changes nothing, and writes nothing for bad input', () => {
    expect(() => store.editor.update('00000000-0000-4000-8000-000000000000', { status: 'verified' })).toThrow(/no QA item with id/);
    const a = store.editor.save(input(), saveMeta(0));
    const same = store.editor.update(a.id, { status: 'verified' }, at(10_000));
    expect(same.revision).toBe(1);
    expect(labels()).toEqual(['Save verified item']);
    expect(() => store.editor.save(input({ answer: Number.NaN }), saveMeta(0))).toThrow(/answer/);
    expect(store.qaItems.list({ limit: 10, offset: 0 }).total).toBe(1);
    expect(labels()).toEqual(['Save verified item']);
  });
});
