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

const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
const indexes = (table: string) => (db.pragma(`index_list(${table})`) as { name: string }[]).map((i) => i.name);

const scene = (id = 's1') =>
  db
    .prepare(
      `INSERT INTO scenes (id, name, source, format, point_count, instance_count, origin_x, origin_y, origin_z, created_at)
       VALUES (?, 'room', 'gen', 'ply', 10, 0, 0, 0, 0, '2025-01-01T00:00:00.000Z')`,
    )
    .run(id);

const instance = (over: Record<string, unknown> = {}) => {
  const v = { scene_id: 's1', instance_id: 1, source: 'model', confidence: 0.5, point_count: 3, min_x: 0, max_x: 1, ...over };
  return db
    .prepare(
      `INSERT INTO instances (scene_id, instance_id, label, point_count, source, confidence,
         bbox_min_x, bbox_min_y, bbox_min_z, bbox_max_x, bbox_max_y, bbox_max_z, centroid_x, centroid_y, centroid_z)
       VALUES (@scene_id, @instance_id, 'chair', @point_count, @source, @confidence, @min_x, 0, 0, @max_x, 1, 1, 0.5, 0.5, 0.5)`,
    )
    .run(v);
};

const qa = (over: Record<string, unknown> = {}) => {
  const v = { id: 'q1', kind: 'distance', question: 'how far?', status: 'draft', created_at: '2025-01-01T00:00:00.000Z', ...over };
  return db
    .prepare(
      `INSERT INTO qa_items (id, scene_id, kind, question, answer_json, unit, instance_ids_json, status, engine_version, created_at)
       VALUES (@id, 's1', @kind, @question, '1.5', 'm', '[1,2]', @status, '0.1.0', @created_at)`,
    )
    .run(v);
};

describe('migration 0001_init', () => {
  it('sets the schema version to 1', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('creates the three tables with their columns', () => {
    expect(columns('scenes')).toEqual([
      'id', 'name', 'source', 'format', 'content_hash', 'point_count', 'instance_count',
      'origin_x', 'origin_y', 'origin_z', 'created_at',
    ]);
    expect(columns('instances')).toEqual([
      'scene_id', 'instance_id', 'label', 'point_count', 'source', 'confidence',
      'bbox_min_x', 'bbox_min_y', 'bbox_min_z', 'bbox_max_x', 'bbox_max_y', 'bbox_max_z',
      'centroid_x', 'centroid_y', 'centroid_z',
    ]);
    expect(columns('qa_items')).toEqual([
      'id', 'scene_id', 'kind', 'question', 'answer_json', 'unit', 'instance_ids_json', 'status',
      'evidence_json', 'engine_version', 'created_at',
    ]);
  });

  it('indexes QA items for listing by scene and by time', () => {
    expect(indexes('qa_items')).toEqual(expect.arrayContaining(['qa_items_scene_created', 'qa_items_created']));
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM qa_items WHERE scene_id = 's1' ORDER BY created_at DESC LIMIT 10")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('qa_items_scene_created');
  });

  it('rejects an unknown QA status, an empty question and a non-ISO timestamp', () => {
    expect(() => qa({ status: 'approved' })).toThrow(/CHECK constraint/);
    expect(() => qa({ question: '' })).toThrow(/CHECK constraint/);
    expect(() => qa({ created_at: '2025-01-01 00:00:00' })).toThrow(/CHECK constraint/);
    qa();
    expect(() => qa()).toThrow(/UNIQUE constraint/);
  });

  it('rejects bad instance rows and instances of a missing scene', () => {
    expect(() => instance()).toThrow(/FOREIGN KEY/);
    scene();
    expect(() => instance({ source: 'guess' })).toThrow(/CHECK constraint/);
    expect(() => instance({ confidence: 1.5 })).toThrow(/CHECK constraint/);
    expect(() => instance({ point_count: -1 })).toThrow(/CHECK constraint/);
    expect(() => instance({ min_x: 2, max_x: 1 })).toThrow(/CHECK constraint/);
    instance({ confidence: null });
    expect(() => instance()).toThrow(/UNIQUE constraint/);
  });

  it('deletes a scene’s instances with the scene', () => {
    scene();
    instance();
    instance({ instance_id: 2 });
    db.prepare("DELETE FROM scenes WHERE id = 's1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM instances').get()).toEqual({ n: 0 });
  });

  it('rejects negative counts on scenes', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO scenes (id, name, source, format, point_count, instance_count, origin_x, origin_y, origin_z, created_at)
           VALUES ('s', 'n', 's', 'ply', -1, 0, 0, 0, 0, '2025-01-01T00:00:00.000Z')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });
});
