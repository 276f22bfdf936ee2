// A stored segmentation draft (record and basis) goes with its scene: deleting the scene row deletes
// both in the same transaction (db/migrations/0004_scene_drafts.sql), for short ids and for ids long
// enough to be stored under their hash; other scenes' drafts and other settings stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sceneUpsert, tmpStore, type TmpStore } from '../../db/testing/tmp-store';
import { superpointFeatures } from '../../app/segment/features';
import { encodeBasis, sceneContentHash } from './draft-basis';
import { BASIS_SETTING_PREFIX, DRAFT_SETTING_PREFIX, DraftStore, draftKey, superpointHash } from './draft-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
});
afterEach(() => t.dispose());

const LONG_ID = `room-${'x'.repeat(190)}`;

/** A real basis of a 4-point scene with two superpoints. */
function saveDraft(store: DraftStore, sceneId: string) {
  const positions = new Float32Array([0, 0, 0, 1, 0, 0, 5, 5, 1, 6, 5, 1]);
  const superpoints = new Int32Array([0, 0, 1, 1]);
  const neighbours = { offsets: new Int32Array([0, 1, 2]), ids: new Int32Array([1, 0]) };
  const features = superpointFeatures({ positions, superpoints, count: 2, neighbours });
  const hash = superpointHash(superpoints);
  store.save(
    sceneId,
    { origin: 'geometric', modelVersion: 'geometric-fallback v1', pointCount: 4, superpointCount: 2, superpointHash: hash, nextId: 1, instances: [{ id: 0, label: 'chair', confidence: 0.5, source: 'model', superpoints: [1] }] },
    { of: superpoints, encode: () => encodeBasis(sceneId, { superpoints, features, superpointParams: {} }, { sceneHash: sceneContentHash({ positions, colors: new Uint8Array(12) }), superpointHash: hash }) },
  );
}

const keysOf = (sceneId: string) => [draftKey(sceneId), draftKey(sceneId, BASIS_SETTING_PREFIX)];

describe('deleting a scene deletes its stored segmentation draft', () => {
  it('removes record and basis in the delete transaction, for short and hashed keys, and nothing else', () => {
    const { store: s } = t;
    for (const id of ['room-1', 'room-2', LONG_ID]) s.scenes.upsert(sceneUpsert({ id }));
    const drafts = new DraftStore(s.settings, () => true);
    for (const id of ['room-1', 'room-2', LONG_ID]) saveDraft(drafts, id);
    s.settings.set('viewer.theme', 'dark');
    expect(draftKey(LONG_ID).startsWith(`${DRAFT_SETTING_PREFIX}sha256:`)).toBe(true);
    for (const id of ['room-1', 'room-2', LONG_ID]) for (const k of keysOf(id)) expect(s.settings.get(k)).toBeDefined();

    s.db.prepare('DELETE FROM scenes WHERE id = ?').run('room-1');
    for (const k of keysOf('room-1')) expect(s.settings.get(k)).toBeUndefined();
    expect(drafts.load('room-1')).toBeUndefined();

    s.db.prepare('DELETE FROM scenes WHERE id = ?').run(LONG_ID);
    for (const k of keysOf(LONG_ID)) expect(s.settings.get(k)).toBeUndefined();

    // The other scene's draft and unrelated settings are untouched, and survive a reopen.
    const after = t.reopen();
    expect(new DraftStore(after.settings, () => true).load('room-2')).toMatchObject({ ok: true, record: { sceneId: 'room-2', nextId: 1 } });
    expect(new DraftStore(after.settings, () => true).loadBasis('room-2')).toMatchObject({ ok: true });
    expect(after.settings.get('viewer.theme')).toBe('dark');
  });

  it('rolls the draft deletion back with the scene delete', () => {
    const { store: s } = t;
    s.scenes.upsert(sceneUpsert({ id: 'room-1' }));
    saveDraft(new DraftStore(s.settings, () => true), 'room-1');
    expect(() =>
      s.db.transaction(() => {
        s.db.prepare('DELETE FROM scenes WHERE id = ?').run('room-1');
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    for (const k of keysOf('room-1')) expect(s.settings.get(k)).toBeDefined();
  });

  it('does not stop a scene delete over a damaged stored value', () => {
    const { store: s } = t;
    s.scenes.upsert(sceneUpsert({ id: LONG_ID }));
    s.db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)').run(draftKey(LONG_ID), '{not json', '2025-01-01T00:00:00.000Z');
    s.db.prepare('DELETE FROM scenes WHERE id = ?').run(LONG_ID);
    expect(s.scenes.get(LONG_ID)).toBeUndefined();
  });
});
