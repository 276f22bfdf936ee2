import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, sceneUpsert, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
  t.store.scenes.upsert(sceneUpsert());
  t.store.scenes.upsert(sceneUpsert({ id: 'room-2', contentHash: 'b'.repeat(64) }));
});
afterEach(() => t.dispose());

const doc = (x: number) => JSON.stringify({ objects: [{ id: 'chair-1', position: [x, 0, 0] }] });

describe('SqliteLayoutVersionRepository', () => {
  it('saves versions 1, 2, … with the newest as parent by default, and reads documents back exactly', () => {
    const v1 = t.store.layouts.saveVersion('room-1', 'initial', doc(0), undefined, new Date('2025-04-01T00:00:00Z'));
    const v2 = t.store.layouts.saveVersion('room-1', 'move chair 1 m', doc(1));
    expect(v1).toEqual({ id: expect.any(String), sceneId: 'room-1', version: 1, parentId: null, label: 'initial', createdAt: '2025-04-01T00:00:00.000Z' });
    expect(v2).toMatchObject({ version: 2, parentId: v1.id });
    // A branch from version 1, and a new root.
    const v3 = t.store.layouts.saveVersion('room-1', 'other idea', doc(2), v1.id);
    const v4 = t.store.layouts.saveVersion('room-1', 'from scratch', '[]', null);
    expect([v3.parentId, v4.parentId, v4.version]).toEqual([v1.id, null, 4]);
    const s = t.reopen();
    expect(s.layouts.listVersions('room-1').map((v) => v.label)).toEqual(['initial', 'move chair 1 m', 'other idea', 'from scratch']);
    expect(s.layouts.getVersion(v2.id)?.documentJson).toBe(doc(1));
    expect(s.layouts.latestVersion('room-1')?.id).toBe(v4.id);
    expect(s.layouts.listVersions('room-2')).toEqual([]);
  });

  it('refuses bad documents, labels, scenes and parents from another scene, writing nothing', () => {
    const other = t.store.layouts.saveVersion('room-2', 'initial', doc(0));
    expect(appError(() => t.store.layouts.saveVersion('room-1', 'x', '{"objects": [')).message).toMatch(/layout document: expected JSON text/);
    expect(appError(() => t.store.layouts.saveVersion('room-1', 'x', '42')).message).toMatch(/object or array/);
    expect(appError(() => t.store.layouts.saveVersion('room-1', '', doc(0))).code).toBe('invalid_input');
    expect(appError(() => t.store.layouts.saveVersion('nope', 'x', doc(0))).code).toBe('not_found');
    expect(appError(() => t.store.layouts.saveVersion('room-1', 'x', doc(0), other.id)).message).toMatch(/no layout version .* in scene room-1/);
    expect(t.store.layouts.listVersions('room-1')).toEqual([]);
  });

  it('goes with its scene when the scene is deleted', () => {
    t.store.layouts.saveVersion('room-1', 'initial', doc(0));
    t.store.db.prepare("DELETE FROM scenes WHERE id = 'room-1'").run();
    expect(t.store.layouts.listVersions('room-1')).toEqual([]);
  });
});
