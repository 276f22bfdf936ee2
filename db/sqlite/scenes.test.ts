import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { openDatabase, type Store } from '../open';
import type { InstanceInput, SceneUpsert } from '../repositories';

let store: Store;
beforeEach(() => {
  store = openDatabase(':memory:');
});
afterEach(() => store.close());

const scene = (over: Partial<SceneUpsert> = {}): SceneUpsert => ({
  id: 'room-1',
  name: 'Sample room',
  source: 'generated',
  format: 'ply',
  pointCount: 1000,
  instanceCount: 0,
  origin: [412345.125, 5678901.5, 12.25],
  ...over,
});
const inst = (id: number, over: Partial<InstanceInput> = {}): InstanceInput => ({
  id,
  label: 'chair',
  pointCount: 40,
  bbox: { min: [0, 0, 0], max: [0.5, 0.5, 1] },
  centroid: [0.25, 0.25, 0.5],
  ...over,
});
const appError = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

/** What listInstances adds for an instance stored without mask, box or flags. */
const stored = { obb: null, verified: false, modelVersion: null, maskKind: null, maskSize: 0, superpointSetId: null };

describe('SqliteSceneRepository', () => {
  it('upserts, keeps float64 origins exactly, and keeps the first creation time', () => {
    const created = store.scenes.upsert(scene({ contentHash: 'sha256:abc' }), new Date('2025-01-01T00:00:00.000Z'));
    expect(created).toEqual({ ...scene(), contentHash: 'sha256:abc', axisAlignment: null, createdAt: '2025-01-01T00:00:00.000Z' });
    const updated = store.scenes.upsert(scene({ name: 'Renamed', pointCount: 2000 }), new Date('2026-01-01T00:00:00.000Z'));
    expect(updated).toMatchObject({ name: 'Renamed', pointCount: 2000, contentHash: null, createdAt: '2025-01-01T00:00:00.000Z' });
    expect(store.scenes.get('room-1')).toEqual(updated);
    expect(store.scenes.get('nope')).toBeUndefined();
  });

  it('lists summaries by name', () => {
    store.scenes.upsert(scene({ id: 'b', name: 'kitchen' }));
    store.scenes.upsert(scene({ id: 'a', name: 'Bedroom' }));
    expect(store.scenes.list()).toEqual([
      { id: 'a', name: 'Bedroom', source: 'generated', format: 'ply', pointCount: 1000, instanceCount: 0 },
      { id: 'b', name: 'kitchen', source: 'generated', format: 'ply', pointCount: 1000, instanceCount: 0 },
    ]);
  });

  it('rejects a bad scene with a typed error and stores nothing', () => {
    for (const bad of [
      scene({ pointCount: -1 }),
      scene({ origin: [0, Number.NaN, 0] }),
      scene({ id: '' }),
      { ...scene(), origin: [0, 0] } as unknown as SceneUpsert,
    ]) {
      expect(appError(() => store.scenes.upsert(bad)).code).toBe('invalid_input');
    }
    expect(store.scenes.list()).toEqual([]);
  });

  it('replaces instances as a whole and keeps the scene’s instance count in step', () => {
    store.scenes.upsert(scene());
    store.scenes.replaceInstances('room-1', [inst(2, { confidence: 0.9 }), inst(1, { label: 'table', confidence: 0.75 })], 'model', { modelVersion: 'm1' });
    expect(store.scenes.listInstances('room-1')).toEqual([
      { ...inst(1, { label: 'table' }), ...stored, source: 'model', confidence: 0.75, modelVersion: 'm1' },
      { ...inst(2), ...stored, source: 'model', confidence: 0.9, modelVersion: 'm1' },
    ]);
    expect(store.scenes.get('room-1')?.instanceCount).toBe(2);

    store.scenes.replaceInstances('room-1', [inst(5)], 'human');
    expect(store.scenes.listInstances('room-1')).toEqual([{ ...inst(5), ...stored, source: 'human', confidence: null }]);
    expect(store.scenes.list()[0]?.instanceCount).toBe(1);
  });

  it('rejects bad instances and leaves the previous ones in place', () => {
    store.scenes.upsert(scene());
    store.scenes.replaceInstances('room-1', [inst(1)], 'import');
    const cases: [InstanceInput[], string, RegExp][] = [
      [[inst(1), inst(1)], 'model', /unique instance ids; 1 repeats/],
      [[inst(1, { confidence: 2 })], 'model', /confidence/],
      [[inst(1, { bbox: { min: [1, 0, 0], max: [0, 1, 1] } })], 'model', /bbox/],
      [[inst(1)], 'guess', /instance source/],
    ];
    for (const [list, source, message] of cases) {
      const e = appError(() => store.scenes.replaceInstances('room-1', list, source as 'model', { modelVersion: 'm1' }));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(message);
    }
    expect(store.scenes.listInstances('room-1')).toEqual([{ ...inst(1), ...stored, source: 'import', confidence: null }]);
  });

  it('refuses instances for an unknown scene', () => {
    expect(appError(() => store.scenes.replaceInstances('ghost', [inst(1)], 'model', { modelVersion: 'm1' })).code).toBe('not_found');
    expect(store.scenes.listInstances('ghost')).toEqual([]);
  });
});
