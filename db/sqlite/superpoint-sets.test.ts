import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, sceneUpsert, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
  t.store.scenes.upsert(sceneUpsert({ pointCount: 6 }));
});
afterEach(() => t.dispose());

const ids = () => new Int32Array([0, 0, 1, 7, -1, 7]);

describe('SqliteSuperpointSetRepository', () => {
  it('stores per-point ids and parameters, and reads the same ids back after a reopen', () => {
    const info = t.store.superpoints.save('room-1', { algorithm: 'segmentator', k: 0.01, minVerts: 20 }, ids(), new Date('2025-02-01T00:00:00Z'));
    expect(info).toMatchObject({ sceneId: 'room-1', pointCount: 6, superpointCount: 3, params: { algorithm: 'segmentator', k: 0.01, minVerts: 20 } });
    const s = t.reopen();
    const back = s.superpoints.get(info.id)!;
    expect(back.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(back.ids)).toEqual([0, 0, 1, 7, -1, 7]);
    expect(back.createdAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('lists newest first without the ids, and latest() returns the newest with them', () => {
    const a = t.store.superpoints.save('room-1', { k: 0.01 }, ids(), new Date('2025-02-01T00:00:00Z'));
    const b = t.store.superpoints.save('room-1', { k: 0.05 }, new Int32Array(6), new Date('2025-02-02T00:00:00Z'));
    const list = t.store.superpoints.list('room-1');
    expect(list.map((x) => x.id)).toEqual([b.id, a.id]);
    expect('ids' in list[0]!).toBe(false);
    expect(t.store.superpoints.latest('room-1')).toMatchObject({ id: b.id, superpointCount: 1 });
    expect(Array.from(t.store.superpoints.latest('room-1')!.ids)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('refuses ids that do not fit the scene, naming what was expected', () => {
    expect(appError(() => t.store.superpoints.save('room-1', {}, new Int32Array(5))).message).toMatch(/expected 6 ids.*got 5/);
    expect(appError(() => t.store.superpoints.save('room-1', {}, new Int32Array([0, 0, 0, -2, 0, 0]))).message).toMatch(/≥ -1, got -2 at point 3/);
    expect(appError(() => t.store.superpoints.save('room-1', { k: Number.NaN }, ids())).message).toMatch(/finite/);
    expect(appError(() => t.store.superpoints.save('missing', {}, ids())).code).toBe('not_found');
    expect(appError(() => t.store.superpoints.save('room-1', {}, [0, 1] as unknown as Int32Array)).code).toBe('invalid_input');
    expect(t.store.superpoints.list('room-1')).toEqual([]);
  });

  it('deletes a set and unlinks instance masks that used it', () => {
    const set = t.store.superpoints.save('room-1', {}, ids());
    t.store.scenes.replaceInstances(
      'room-1',
      [{ id: 1, label: 'chair', pointCount: 3, bbox: { min: [0, 0, 0], max: [1, 1, 1] }, centroid: [0, 0, 0], mask: { kind: 'superpoints', ids: new Int32Array([0, 1]), superpointSetId: set.id } }],
      'human',
    );
    expect(t.store.superpoints.delete(set.id)).toBe(true);
    expect(t.store.superpoints.delete(set.id)).toBe(false);
    expect(t.store.scenes.listInstances('room-1')[0]).toMatchObject({ maskKind: 'superpoints', superpointSetId: null });
    expect(t.store.scenes.instanceMask('room-1', 1)).toBeUndefined();
  });
});
