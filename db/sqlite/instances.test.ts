// Instances with masks, oriented boxes, verified flags and model versions; scene axis alignment.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstanceInput } from '../repositories';
import { appError, sceneUpsert, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
  t.store.scenes.upsert(sceneUpsert({ pointCount: 8 }));
});
afterEach(() => t.dispose());

const inst = (id: number, over: Partial<InstanceInput> = {}): InstanceInput => ({
  id,
  label: 'chair',
  pointCount: 3,
  bbox: { min: [0, 0, 0], max: [1, 1, 1] },
  centroid: [0.5, 0.5, 0.5],
  ...over,
});
const obb = { center: [0.5, 0.5, 0.5], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [1, 1, 1] } as InstanceInput['obb'];

describe('instances in SqliteSceneRepository', () => {
  it('accepts model output with its version, masks and boxes, unverified, and reads it back after a reopen', () => {
    t.store.scenes.acceptModelInstances(
      'room-1',
      [
        inst(1, { confidence: 0.9, obb, verified: true, mask: { kind: 'points', ids: new Int32Array([0, 1, 2]) } }),
        inst(2, { label: 'table', mask: { kind: 'points', ids: new Int32Array([5, 6, 7]) } }),
      ],
      'spunet-v3',
    );
    const s = t.reopen();
    const list = s.scenes.listInstances('room-1');
    expect(list.map((i) => [i.id, i.source, i.modelVersion, i.verified, i.maskKind, i.maskSize])).toEqual([
      [1, 'model', 'spunet-v3', false, 'points', 3],
      [2, 'model', 'spunet-v3', false, 'points', 3],
    ]);
    expect(list[0]!.obb).toEqual(obb);
    expect(list[1]!.obb).toBeNull();
    const mask = s.scenes.instanceMask('room-1', 2)!;
    expect(mask.kind).toBe('points');
    expect(Array.from(mask.ids)).toEqual([5, 6, 7]);
    expect(s.scenes.get('room-1')?.instanceCount).toBe(2);
  });

  it('stores superpoint masks against a set of the same scene', () => {
    const set = t.store.superpoints.save('room-1', { k: 0.01 }, new Int32Array([0, 0, 1, 1, 2, 2, 3, 3]));
    t.store.scenes.replaceInstances('room-1', [inst(1, { mask: { kind: 'superpoints', ids: new Int32Array([1, 3]), superpointSetId: set.id } })], 'human');
    expect(t.store.scenes.instanceMask('room-1', 1)).toEqual({ kind: 'superpoints', ids: new Int32Array([1, 3]), superpointSetId: set.id });
    expect(t.store.scenes.listInstances('room-1')[0]).toMatchObject({ source: 'human', modelVersion: null, superpointSetId: set.id, maskSize: 2 });
  });

  it('refuses masks that address no point or superpoint, and model output without a version, keeping what was there', () => {
    t.store.scenes.replaceInstances('room-1', [inst(9)], 'import');
    const bad = (i: InstanceInput, source: 'model' | 'human' = 'human', v?: string) =>
      appError(() => t.store.scenes.replaceInstances('room-1', [inst(1), i], source, v ? { modelVersion: v } : {}));
    expect(bad(inst(2, { mask: { kind: 'points', ids: new Int32Array([0, 8]) } })).message).toMatch(/instances\.1\.mask\.ids\[1\]: expected a point id in 0…7, got 8/);
    expect(bad(inst(2, { mask: { kind: 'points', ids: new Int32Array([-1]) } })).code).toBe('invalid_input');
    expect(bad(inst(2, { mask: { kind: 'superpoints', ids: new Int32Array([0]), superpointSetId: 'nope' } })).message).toMatch(/no superpoint set nope/);
    const set = t.store.superpoints.save('room-1', {}, new Int32Array([0, 0, 0, 0, 1, 1, 1, 1]));
    expect(bad(inst(2, { mask: { kind: 'superpoints', ids: new Int32Array([2]), superpointSetId: set.id } })).message).toMatch(/superpoint id in 0…1, got 2/);
    expect(bad(inst(2), 'model').message).toMatch(/model version/);
    expect(bad(inst(2, { mask: { kind: 'points', ids: [1] as unknown as Int32Array } })).code).toBe('invalid_input');
    expect(t.store.scenes.listInstances('room-1').map((i) => i.id)).toEqual([9]);
  });

  it('marks one instance verified, and refuses an unknown one', () => {
    t.store.scenes.acceptModelInstances('room-1', [inst(1), inst(2)], 'm1');
    expect(t.store.scenes.setInstanceVerified('room-1', 2, true)).toMatchObject({ id: 2, verified: true });
    expect(t.reopen().scenes.listInstances('room-1').map((i) => i.verified)).toEqual([false, true]);
    expect(appError(() => t.store.scenes.setInstanceVerified('room-1', 3, true)).code).toBe('not_found');
  });

  it('keeps the axis alignment across upserts that do not name it, and clears it with null', () => {
    const m = [0, -1, 0, 1.5, 1, 0, 0, -2, 0, 0, 1, 0, 0, 0, 0, 1];
    expect(t.store.scenes.setAxisAlignment('room-1', m).axisAlignment).toEqual(m);
    t.store.scenes.upsert(sceneUpsert({ pointCount: 8, name: 'Renamed' }));
    expect(t.reopen().scenes.get('room-1')).toMatchObject({ name: 'Renamed', axisAlignment: m });
    t.store.scenes.upsert(sceneUpsert({ pointCount: 8, axisAlignment: null }));
    expect(t.store.scenes.get('room-1')?.axisAlignment).toBeNull();
    expect(appError(() => t.store.scenes.setAxisAlignment('room-1', [1, 0, 0])).code).toBe('invalid_input');
    expect(appError(() => t.store.scenes.setAxisAlignment('nope', null)).code).toBe('not_found');
  });
});
