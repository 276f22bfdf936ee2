// Imported scenes: found by content hash, recorded with their instances all or nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { openDatabase, type Store } from '../open';
import type { InstanceInput, SceneUpsert } from '../repositories';

let store: Store;
beforeEach(() => {
  store = openDatabase(':memory:');
});
afterEach(() => store.close());

const scene: SceneUpsert = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  name: 'office',
  source: '/scans/office.ply',
  format: 'ply',
  contentHash: 'ab'.repeat(32),
  pointCount: 100,
  instanceCount: 0,
  origin: [500000, 4100000, 12],
};
const inst = (id: number, over: Partial<InstanceInput> = {}): InstanceInput => ({
  id,
  label: 'chair',
  pointCount: 10,
  bbox: { min: [0, 0, 0], max: [1, 1, 1] },
  centroid: [0.5, 0.5, 0.5],
  ...over,
});

describe('insertWithInstances and findByContentHash', () => {
  it('records the scene with its instances and finds it by its content hash', () => {
    const stored = store.scenes.insertWithInstances(scene, [inst(1), inst(2, { label: 'desk' })], 'import');
    expect(stored).toMatchObject({ id: scene.id, instanceCount: 2, contentHash: scene.contentHash, origin: [500000, 4100000, 12] });
    expect(store.scenes.listInstances(scene.id).map((i) => [i.id, i.label, i.source])).toEqual([
      [1, 'chair', 'import'],
      [2, 'desk', 'import'],
    ]);
    expect(store.scenes.findByContentHash(scene.contentHash!)?.id).toBe(scene.id);
    expect(store.scenes.findByContentHash('cd'.repeat(32))).toBeUndefined();
  });

  it('writes nothing when an instance is invalid or the id exists', () => {
    const bad = (() => {
      try {
        store.scenes.insertWithInstances(scene, [inst(1), inst(1)], 'import');
      } catch (e) {
        return e;
      }
    })();
    expect(bad).toBeInstanceOf(AppError);
    expect(store.scenes.get(scene.id)).toBeUndefined();

    store.scenes.insertWithInstances(scene, [inst(1)], 'import');
    expect(() => store.scenes.insertWithInstances({ ...scene, name: 'other' }, [], 'import')).toThrow(/exists already/);
    expect(store.scenes.get(scene.id)?.name).toBe('office');
    expect(store.scenes.listInstances(scene.id)).toHaveLength(1);
  });
});
