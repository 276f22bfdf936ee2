// Scenes and their instances in SQLite.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import { Id, InstanceInfo, type SceneSummary } from '../../app/contract/schemas';
import {
  INSTANCE_SOURCES,
  type InstanceInput,
  type InstanceSource,
  type SceneRecord,
  type SceneRepository,
  type SceneUpsert,
  type StoredInstance,
} from '../repositories';
import { parseInput } from '../validate';

const Count = z.number().int().nonnegative();
const Finite3 = z.tuple([z.number(), z.number(), z.number()]);

const SceneUpsertSchema = z.object({
  id: Id,
  name: z.string(),
  source: z.string(),
  format: z.string().min(1),
  contentHash: z.string().min(1).nullish(),
  pointCount: Count,
  instanceCount: Count,
  origin: Finite3,
});

const InstanceInputSchema = InstanceInfo.extend({ confidence: z.number().min(0).max(1).nullish() }).refine(
  (i) => i.bbox.min.every((v, k) => v <= (i.bbox.max[k] ?? Number.NaN)),
  { message: 'expected bbox.min <= bbox.max on every axis', path: ['bbox'] },
);

const InstancesSchema = z.array(InstanceInputSchema).superRefine((list, ctx) => {
  const seen = new Set<number>();
  list.forEach((inst, i) => {
    if (seen.has(inst.id)) ctx.addIssue({ code: 'custom', message: `expected unique instance ids; ${inst.id} repeats`, path: [i, 'id'] });
    seen.add(inst.id);
  });
});

const SourceSchema = z.enum(INSTANCE_SOURCES);

interface SceneRow {
  id: string;
  name: string;
  source: string;
  format: string;
  content_hash: string | null;
  point_count: number;
  instance_count: number;
  origin_x: number;
  origin_y: number;
  origin_z: number;
  created_at: string;
}

interface InstanceRow {
  instance_id: number;
  label: string;
  point_count: number;
  source: InstanceSource;
  confidence: number | null;
  bbox_min_x: number;
  bbox_min_y: number;
  bbox_min_z: number;
  bbox_max_x: number;
  bbox_max_y: number;
  bbox_max_z: number;
  centroid_x: number;
  centroid_y: number;
  centroid_z: number;
}

export class SqliteSceneRepository implements SceneRepository {
  private readonly upsertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly deleteInstancesStmt;
  private readonly insertInstanceStmt;
  private readonly setCountStmt;
  private readonly listInstancesStmt;
  private readonly byHashStmt;

  constructor(private readonly db: Database.Database) {
    // ON CONFLICT … DO UPDATE is shared by SQLite and PostgreSQL; created_at keeps its first value.
    this.upsertStmt = db.prepare(`
      INSERT INTO scenes (id, name, source, format, content_hash, point_count, instance_count,
                          origin_x, origin_y, origin_z, created_at)
      VALUES (@id, @name, @source, @format, @contentHash, @pointCount, @instanceCount,
              @ox, @oy, @oz, @createdAt)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, source = excluded.source, format = excluded.format,
        content_hash = excluded.content_hash, point_count = excluded.point_count,
        instance_count = excluded.instance_count,
        origin_x = excluded.origin_x, origin_y = excluded.origin_y, origin_z = excluded.origin_z`);
    this.getStmt = db.prepare<[string], SceneRow>('SELECT * FROM scenes WHERE id = ?');
    this.listStmt = db.prepare<[], SceneRow>('SELECT * FROM scenes ORDER BY lower(name), id');
    this.deleteInstancesStmt = db.prepare<[string]>('DELETE FROM instances WHERE scene_id = ?');
    this.insertInstanceStmt = db.prepare(`
      INSERT INTO instances (scene_id, instance_id, label, point_count, source, confidence,
                             bbox_min_x, bbox_min_y, bbox_min_z, bbox_max_x, bbox_max_y, bbox_max_z,
                             centroid_x, centroid_y, centroid_z)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.setCountStmt = db.prepare<[number, string]>('UPDATE scenes SET instance_count = ? WHERE id = ?');
    this.listInstancesStmt = db.prepare<[string], InstanceRow>(
      'SELECT * FROM instances WHERE scene_id = ? ORDER BY instance_id',
    );
    this.byHashStmt = db.prepare<[string], SceneRow>('SELECT * FROM scenes WHERE content_hash = ? ORDER BY created_at, id LIMIT 1');
  }

  findByContentHash(contentHash: string): SceneRecord | undefined {
    const row = this.byHashStmt.get(contentHash);
    return row && toRecord(row);
  }

  insertWithInstances(scene: SceneUpsert, instances: readonly InstanceInput[], source: InstanceSource, now: Date = new Date()): SceneRecord {
    // Validate everything before the transaction opens, so a bad instance never leaves a scene row.
    const list = parseInput(InstancesSchema, instances, 'instances');
    parseInput(SourceSchema, source, 'instance source');
    return this.db.transaction(() => {
      if (this.getStmt.get(scene.id)) throw new AppError('invalid_input', `a scene with id ${scene.id} exists already`);
      this.upsert({ ...scene, instanceCount: list.length }, now);
      this.replaceInstances(scene.id, list, source);
      return this.get(scene.id)!;
    }).immediate();
  }

  upsert(scene: SceneUpsert, now: Date = new Date()): SceneRecord {
    const s = parseInput(SceneUpsertSchema, scene, 'scene');
    const [ox, oy, oz] = s.origin;
    this.upsertStmt.run({
      id: s.id,
      name: s.name,
      source: s.source,
      format: s.format,
      contentHash: s.contentHash ?? null,
      pointCount: s.pointCount,
      instanceCount: s.instanceCount,
      ox,
      oy,
      oz,
      createdAt: now.toISOString(),
    });
    const stored = this.get(s.id);
    if (!stored) throw new AppError('internal', `scene ${s.id} was not found right after it was saved`);
    return stored;
  }

  get(id: string): SceneRecord | undefined {
    const row = this.getStmt.get(id);
    return row && toRecord(row);
  }

  list(): SceneSummary[] {
    return this.listStmt.all().map((row) => {
      const { id, name, source, format, pointCount, instanceCount } = toRecord(row);
      return { id, name, source, format, pointCount, instanceCount };
    });
  }

  replaceInstances(sceneId: string, instances: readonly InstanceInput[], source: InstanceSource): void {
    const list = parseInput(InstancesSchema, instances, 'instances');
    const src = parseInput(SourceSchema, source, 'instance source');
    this.db.transaction(() => {
      if (!this.getStmt.get(sceneId)) throw new AppError('not_found', `no scene with id ${sceneId}`);
      this.deleteInstancesStmt.run(sceneId);
      for (const i of list) {
        this.insertInstanceStmt.run(
          sceneId, i.id, i.label, i.pointCount, src, i.confidence ?? null,
          ...i.bbox.min, ...i.bbox.max, ...i.centroid,
        );
      }
      this.setCountStmt.run(list.length, sceneId);
    }).immediate();
  }

  listInstances(sceneId: string): StoredInstance[] {
    return this.listInstancesStmt.all(sceneId).map((r) => ({
      id: r.instance_id,
      label: r.label,
      pointCount: r.point_count,
      bbox: { min: [r.bbox_min_x, r.bbox_min_y, r.bbox_min_z], max: [r.bbox_max_x, r.bbox_max_y, r.bbox_max_z] },
      centroid: [r.centroid_x, r.centroid_y, r.centroid_z],
      source: r.source,
      confidence: r.confidence,
    }));
  }
}

function toRecord(r: SceneRow): SceneRecord {
  return {
    id: r.id,
    name: r.name,
    source: r.source,
    format: r.format,
    contentHash: r.content_hash,
    pointCount: r.point_count,
    instanceCount: r.instance_count,
    origin: [r.origin_x, r.origin_y, r.origin_z],
    createdAt: r.created_at,
  };
}
