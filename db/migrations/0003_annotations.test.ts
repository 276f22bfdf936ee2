import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 2));
});
afterEach(() => db.close());

const toV3 = () => migrate(db, MIGRATIONS.slice(0, 3));
const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
const counts = () =>
  Object.fromEntries((db.prepare('SELECT scene_id, live FROM qa_scene_counts ORDER BY scene_id').all() as { scene_id: string; live: number }[]).map((r) => [r.scene_id, r.live]));
/** What the triggers must always agree with. */
const recount = () =>
  Object.fromEntries(
    (db.prepare('SELECT scene_id, count(*) AS n FROM qa_items WHERE deleted = 0 GROUP BY scene_id ORDER BY scene_id').all() as { scene_id: string; n: number }[]).map(
      (r) => [r.scene_id, r.n],
    ),
  );

const item = (id: string, scene: string, status = 'draft', deleted = 0) =>
  db
    .prepare(
      `INSERT INTO qa_items (id, scene_id, kind, question, answer_json, unit, instance_ids_json, status, engine_version, created_at, deleted)
       VALUES (?, ?, 'distance', 'how far?', '1.5', 'm', '[1,2]', ?, '0.1.0', '2025-01-01T00:00:00.000Z', ?)`,
    )
    .run(id, scene, status, deleted);

describe('migration 0003_annotations', () => {
  it('moves a version 2 database with items to version 3 and counts its listed items per scene', () => {
    item('a', 's1');
    item('b', 's1');
    item('c', 's2');
    item('gone', 's2', 'draft', 1);
    expect(toV3()).toEqual({ from: 2, to: 3 });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(counts()).toEqual({ s1: 2, s2: 1 });
    expect(columns('instances')).toContain('model_version');
  });

  it('keeps the counts equal to a full recount through inserts, hides, unhides, scene moves and deletes', () => {
    toV3();
    item('a', 's1');
    item('b', 's1');
    item('c', 's2', 'draft', 1);
    expect(counts()).toEqual({ s1: 2 });
    db.prepare("UPDATE qa_items SET deleted = 1 WHERE id = 'a'").run();
    db.prepare("UPDATE qa_items SET deleted = 0 WHERE id = 'c'").run();
    expect(counts()).toEqual({ s1: 1, s2: 1 });
    // An unrelated column changing fires nothing.
    db.prepare("UPDATE qa_items SET question = 'edited' WHERE id = 'b'").run();
    db.prepare("UPDATE qa_items SET scene_id = 's3' WHERE id = 'b'").run();
    expect(counts()).toEqual({ s1: 0, s2: 1, s3: 1 });
    db.prepare("DELETE FROM qa_items WHERE id = 'c'").run();
    db.prepare("DELETE FROM qa_items WHERE id = 'a'").run(); // a hidden item was not counted
    expect(counts()).toEqual({ s1: 0, s2: 0, s3: 1 });
    expect(Object.fromEntries(Object.entries(counts()).filter(([, n]) => n > 0))).toEqual(recount());
  });

  it('rolls the count back with the change that failed', () => {
    toV3();
    item('v', 's1', 'verified');
    // The verified item refuses deletion (0002's trigger); its count must stay.
    expect(() => db.prepare("DELETE FROM qa_items WHERE id = 'v'").run()).toThrow(/never deleted/);
    expect(counts()).toEqual({ s1: 1 });
  });
});
