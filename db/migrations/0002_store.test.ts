import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 1));
});
afterEach(() => db.close());

const toV2 = () => migrate(db, MIGRATIONS.slice(0, 2));
const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

const scene = (id = 's1') =>
  db
    .prepare(
      `INSERT INTO scenes (id, name, source, format, point_count, instance_count, origin_x, origin_y, origin_z, created_at)
       VALUES (?, 'room', 'gen', 'ply', 10, 0, 0, 0, 0, '2025-01-01T00:00:00.000Z')`,
    )
    .run(id);

const v1Item = (id: string, status = 'verified') =>
  db
    .prepare(
      `INSERT INTO qa_items (id, scene_id, kind, question, answer_json, unit, instance_ids_json, status, engine_version, created_at)
       VALUES (?, 's1', 'distance', 'how far?', '1.5', 'm', '[1,2]', ?, '0.1.0', '2025-01-01T00:00:00.000Z')`,
    )
    .run(id, status);

const revision = (itemId: string, rev: number, status = 'verified') =>
  db
    .prepare(
      `INSERT INTO qa_item_revisions (item_id, revision, question, answer_json, unit, instance_ids_json, status, deleted, engine_version, created_at)
       VALUES (?, ?, 'how far now?', '2', 'm', '[1,2]', ?, 0, '0.1.0', '2025-01-02T00:00:00.000Z')`,
    )
    .run(itemId, rev, status);

describe('migration 0002_store', () => {
  it('moves a version 1 database with items to version 2, giving each item its first revision', () => {
    v1Item('a');
    v1Item('b', 'draft');
    expect(toV2()).toEqual({ from: 1, to: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT id, revision, deleted, updated_at FROM qa_items ORDER BY id').all()).toEqual([
      { id: 'a', revision: 1, deleted: 0, updated_at: '2025-01-01T00:00:00.000Z' },
      { id: 'b', revision: 1, deleted: 0, updated_at: '2025-01-01T00:00:00.000Z' },
    ]);
    expect(db.prepare('SELECT item_id, revision, question, status FROM qa_item_revisions ORDER BY item_id').all()).toEqual([
      { item_id: 'a', revision: 1, question: 'how far?', status: 'verified' },
      { item_id: 'b', revision: 1, question: 'how far?', status: 'draft' },
    ]);
  });

  it('adds the store tables and the new scene, instance and QA item columns', () => {
    toV2();
    expect(columns('scenes')).toContain('axis_alignment_json');
    expect(columns('instances')).toEqual(expect.arrayContaining(['mask_kind', 'mask', 'superpoint_set_id', 'obb_json', 'verified']));
    expect(columns('qa_items')).toEqual(
      expect.arrayContaining(['revision', 'deleted', 'query_json', 'viewpoint_json', 'annotator_id', 'model_version', 'updated_at']),
    );
    expect(columns('history_entries')).toEqual([
      'id', 'scene_id', 'seq', 'label', 'kind', 'target', 'patches_json', 'inverse_json', 'created_at', 'updated_at', 'undone',
    ]);
    for (const t of ['scene_versions', 'superpoint_sets', 'annotators', 'settings', 'layout_versions']) expect(columns(t).length).toBeGreaterThan(2);
  });

  it('keeps revisions append-only', () => {
    toV2();
    v1Item('a');
    revision('a', 1);
    expect(() => db.prepare("UPDATE qa_item_revisions SET question = 'x' WHERE item_id = 'a'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM qa_item_revisions WHERE item_id = 'a'").run()).toThrow(/append-only/);
    expect(() => revision('a', 1)).toThrow(/UNIQUE/);
    expect(() => revision('missing', 1)).toThrow(/FOREIGN KEY/);
  });

  it('lets a verified item change only by moving to a newer revision, and never be deleted', () => {
    toV2();
    v1Item('a');
    expect(() => db.prepare("UPDATE qa_items SET question = 'edited' WHERE id = 'a'").run()).toThrow(/new revision/);
    expect(() => db.prepare("DELETE FROM qa_items WHERE id = 'a'").run()).toThrow(/never deleted/);
    revision('a', 2);
    db.prepare("UPDATE qa_items SET question = 'how far now?', revision = 2 WHERE id = 'a'").run();
    expect(db.prepare("SELECT question, revision FROM qa_items WHERE id = 'a'").get()).toEqual({ question: 'how far now?', revision: 2 });
    // A draft may be edited in place (the store still adds revisions; the database does not insist).
    v1Item('d', 'draft');
    db.prepare("UPDATE qa_items SET question = 'draft edit' WHERE id = 'd'").run();
  });

  it('checks instance masks and flags, and keeps one history sequence per scene', () => {
    toV2();
    scene();
    const inst = (over: string) =>
      db
        .prepare(
          `INSERT INTO instances (scene_id, instance_id, label, point_count, source, bbox_min_x, bbox_min_y, bbox_min_z,
             bbox_max_x, bbox_max_y, bbox_max_z, centroid_x, centroid_y, centroid_z, ${over.split('=')[0]})
           VALUES ('s1', 1, 'chair', 3, 'model', 0, 0, 0, 1, 1, 1, 0.5, 0.5, 0.5, ${over.split('=')[1]})`,
        )
        .run();
    expect(() => inst("mask_kind='voxels'")).toThrow(/CHECK/);
    expect(() => inst('verified=2')).toThrow(/CHECK/);
    inst("mask_kind='points'");
    const entry = (seq: number) =>
      db
        .prepare(
          `INSERT INTO history_entries (scene_id, seq, label, kind, target, patches_json, inverse_json, created_at, updated_at)
           VALUES ('s1', ?, 'Save', 'qa.create', 'x', '[]', '[]', 't', 't')`,
        )
        .run(seq);
    entry(1);
    expect(() => entry(1)).toThrow(/UNIQUE/);
    expect(count('SELECT count(*) AS n FROM history_entries WHERE undone = 0')).toBe(1);
  });

  it('deletes superpoint sets, scene versions and layout versions with their scene', () => {
    toV2();
    scene();
    db.prepare(
      "INSERT INTO superpoint_sets VALUES ('sp', 's1', '{}', 3, 2, x'000000000100000001000000', '2025-01-01T00:00:00.000Z')",
    ).run();
    db.prepare("INSERT INTO scene_versions VALUES ('s1', 1, 'h', 3, '', '2025-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO layout_versions VALUES ('l1', 's1', 1, NULL, 'initial', '{}', '2025-01-01T00:00:00.000Z')").run();
    db.prepare("DELETE FROM scenes WHERE id = 's1'").run();
    expect(count('SELECT (SELECT count(*) FROM superpoint_sets) + (SELECT count(*) FROM scene_versions) + (SELECT count(*) FROM layout_versions) AS n')).toBe(0);
  });
});
