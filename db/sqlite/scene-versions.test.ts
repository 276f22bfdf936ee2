import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, sceneUpsert, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
});
afterEach(() => t.dispose());

describe('SqliteSceneVersionRepository', () => {
  it('numbers distinct contents 1, 2, … and returns the newest for repeated content', () => {
    t.store.scenes.upsert(sceneUpsert());
    const v1 = t.store.sceneVersions.record('room-1', { contentHash: 'h1', pointCount: 10 }, new Date('2025-01-01T00:00:00Z'));
    expect(v1).toEqual({ sceneId: 'room-1', version: 1, contentHash: 'h1', pointCount: 10, note: '', createdAt: '2025-01-01T00:00:00.000Z' });
    expect(t.store.sceneVersions.record('room-1', { contentHash: 'h1', pointCount: 10 })).toEqual(v1);
    const v2 = t.store.sceneVersions.record('room-1', { contentHash: 'h2', pointCount: 12, note: 're-scanned' });
    expect(v2.version).toBe(2);
    // Going back to earlier content is a new version too: the history is what happened.
    expect(t.store.sceneVersions.record('room-1', { contentHash: 'h1', pointCount: 10 }).version).toBe(3);
    const s = t.reopen();
    expect(s.sceneVersions.list('room-1').map((v) => [v.version, v.contentHash, v.note])).toEqual([
      [1, 'h1', ''],
      [2, 'h2', 're-scanned'],
      [3, 'h1', ''],
    ]);
    expect(s.sceneVersions.latest('room-1')?.version).toBe(3);
  });

  it('records version 1 when a scene is imported with its content hash', () => {
    t.store.scenes.insertWithInstances(sceneUpsert({ contentHash: 'f'.repeat(64) }), [], 'import');
    expect(t.store.sceneVersions.list('room-1')).toMatchObject([{ version: 1, contentHash: 'f'.repeat(64), pointCount: 10, note: 'imported' }]);
  });

  it('refuses an unknown scene and bad content with typed errors, writing nothing', () => {
    expect(appError(() => t.store.sceneVersions.record('nope', { contentHash: 'h', pointCount: 1 })).code).toBe('not_found');
    t.store.scenes.upsert(sceneUpsert());
    const e = appError(() => t.store.sceneVersions.record('room-1', { contentHash: '', pointCount: -1 }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/contentHash/);
    expect(e.message).toMatch(/pointCount/);
    expect(t.store.sceneVersions.list('room-1')).toEqual([]);
    expect(t.store.sceneVersions.latest('room-1')).toBeUndefined();
  });
});
