// Undo and redo through the contract, across a host restart on the same data folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaItemInput, RpcResult } from '../../app/contract';
import { testHost } from './testing/host-fixture';

const t = testHost('sw-undo-');
beforeEach(t.setUp);
afterEach(t.tearDown);

const item: QaItemInput = { sceneId: 'room', kind: 'distance', question: 'How far?', answer: 1.5, unit: 'm', instanceIds: [1, 2], status: 'draft' };
const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

describe('undo and redo over the contract', () => {
  it('undoes a verification and a save, keeps the history over a restart, and redoes them', async () => {
    const saved = await t.host.client.saveQaItem(item);
    const verified = await t.host.client.updateQaItem({ id: saved.id, changes: { status: 'verified' } });
    expect(verified).toMatchObject({ status: 'verified', revision: 2 });

    expect(await t.host.client.undo({ sceneId: 'room' })).toMatchObject({ applied: { label: 'Verify item' }, canUndo: true, canRedo: true });
    expect((await t.host.client.listQaItems({ sceneId: 'room' })).items[0]).toMatchObject({ status: 'draft', revision: 3 });

    await t.restart();
    expect(await t.host.client.listHistory({ sceneId: 'room' })).toMatchObject({
      canUndo: true,
      canRedo: true,
      entries: [
        { seq: 2, label: 'Verify item', undone: true },
        { seq: 1, label: 'Save item', undone: false },
      ],
    });
    await t.host.client.undo({ sceneId: 'room' });
    expect(await t.host.client.listQaItems({ sceneId: 'room' })).toEqual({ items: [], total: 0 });
    await t.host.client.redo({ sceneId: 'room' });
    await t.host.client.redo({ sceneId: 'room' });
    expect((await t.host.client.listQaItems({ sceneId: 'room' })).items).toEqual([
      // save, verify, undo, undo, redo, redo: six revisions, each one kept.
      expect.objectContaining({ id: saved.id, status: 'verified', revision: 6 }),
    ]);
    expect(await t.host.client.redo({ sceneId: 'room' })).toMatchObject({ applied: null, canRedo: false });
  });

  it('answers bad edits with typed errors naming what was expected', async () => {
    const saved = await t.host.client.saveQaItem(item);
    const empty = errorOf(await t.host.dispatch('updateQaItem', { id: saved.id, changes: {} }));
    expect(empty).toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ message: expect.stringContaining('expected at least one of') })] });
    const missing = errorOf(await t.host.dispatch('updateQaItem', { id: '00000000-0000-4000-8000-000000000000', changes: { status: 'verified' } }));
    expect(missing).toMatchObject({ code: 'not_found' });
    const badStatus = errorOf(await t.host.dispatch('updateQaItem', { id: saved.id, changes: { status: 'approved' } }));
    expect(badStatus?.code).toBe('invalid_input');
  });
});
