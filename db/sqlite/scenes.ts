// Scenes and their instances in SQLite.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import { Id, InstanceInfo, type SceneSummary } from '../../app/contract/schemas';
import { blobToInt32, int32ToBlob } from '../blob';
import { encodeJson } from '../json';
import {
  INSTANCE_SOURCES,
  type AxisAlignment,
  type InstanceInput,
  type InstanceMask,
  type InstanceSource,
  type OrientedBox,
  type ReplaceInstancesOptions,
  type SceneRecord,
  type SceneRepository,
  type SceneUpsert,
  type StoredInstance,
} from '../repositories';
import { parseInput } from '../validate';
import { SqliteSceneVersionRepository } from './scene-versions';

const Count = z.number().int().nonnegative();
const Finite3 = z.tuple([z.number(), z.number(), z.number()]);
const Matrix4 = z.array(z.number()).length(16);

const SceneUpsertSchema = z.object({
  id: Id,
  name: z.string(),
  source: z.string(),
  format: z.string().min(1),
  contentHash: z.string().min(1).nullish(),
  pointCount: Count,
  instanceCount: Count,
  origin: Finite3,
  axisAlignment: Matrix4.nullish(),
});

const MaskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('points'), ids: z.instanceof(Int32Array) }),
  z.object({ kind: z.literal('superpoints'), ids: z.instanceof(Int32Array), superpointSetId: z.string().min(1) }),
]);
const ObbSchema = z.object({ center: Finite3, axes: z.tuple([Finite3, Finite3, Finite3]), size: Finite3 });

const InstanceInputSchema = InstanceInfo.extend({
  confidence: z.number().min(0).max(1).nullish(),
  mask: MaskSchema.optional(),
  obb: ObbSchema.optional(),
  verified: z.boolean().optional(),
  source: z.enum(INSTANCE_SOURCES).optional(),
  modelVersion: z.string().min(1).max(200).nullish(),
}).refine(
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
const OptionsSchema = z.object({ modelVersion: z.string().min(1).max(200).optional() });

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
  axis_alignment_json: string | null;
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
  mask_kind: InstanceMask['kind'] | null;
  mask_bytes: number | null;
  superpoint_set_id: string | null;
  obb_json: string | null;
  verified: number;
  model_version: string | null;
}

const INSTANCE_COLUMNS = `instance_id, label, point_count, source, confidence, bbox_min_x, bbox_min_y, bbox_min_z,
  bbox_max_x, bbox_max_y, bbox_max_z, centroid_x, centroid_y, centroid_z, mask_kind, length(mask) AS mask_bytes,
  superpoint_set_id, obb_json, verified, model_version`;

export class SqliteSceneRepository implements SceneRepository {
  private readonly upsertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly deleteInstancesStmt;
  private readonly insertInstanceStmt;
  private readonly setCountStmt;
  private readonly listInstancesStmt;
  private readonly byHashStmt;
  private readonly maskStmt;
  private readonly oneInstanceStmt;
  private readonly setVerifiedStmt;
  private readonly setAxisStmt;
  private readonly superpointSetStmt;
  private readonly versions;

  constructor(private readonly db: Database.Database) {
    this.versions = new SqliteSceneVersionRepository(db);
    // ON CONFLICT … DO UPDATE is shared by SQLite and PostgreSQL; created_at keeps its first value.
    this.upsertStmt = db.prepare(`
      INSERT INTO scenes (id, name, source, format, content_hash, point_count, instance_count,
                          origin_x, origin_y, origin_z, axis_alignment_json, created_at)
      VALUES (@id, @name, @source, @format, @contentHash, @pointCount, @instanceCount,
              @ox, @oy, @oz, @axis, @createdAt)
      ON CONFLICT (id) DO UPDATE SET
        name = excluded.name, source = excluded.source, format = excluded.format,
        content_hash = excluded.content_hash, point_count = excluded.point_count,
        instance_count = excluded.instance_count,
        origin_x = excluded.origin_x, origin_y = excluded.origin_y, origin_z = excluded.origin_z,
        axis_alignment_json = CASE WHEN @keepAxis = 1 THEN scenes.axis_alignment_json ELSE excluded.axis_alignment_json END`);
    this.getStmt = db.prepare<[string], SceneRow>('SELECT * FROM scenes WHERE id = ?');
    this.listStmt = db.prepare<[], SceneRow>('SELECT * FROM scenes ORDER BY lower(name), id');
    this.deleteInstancesStmt = db.prepare<[string]>('DELETE FROM instances WHERE scene_id = ?');
    this.insertInstanceStmt = db.prepare(`
      INSERT INTO instances (scene_id, instance_id, label, point_count, source, confidence,
                             bbox_min_x, bbox_min_y, bbox_min_z, bbox_max_x, bbox_max_y, bbox_max_z,
                             centroid_x, centroid_y, centroid_z,
                             mask_kind, mask, superpoint_set_id, obb_json, verified, model_version)
      VALUES (${Array(21).fill('?').join(', ')})`);
    this.setCountStmt = db.prepare<[number, string]>('UPDATE scenes SET instance_count = ? WHERE id = ?');
    this.listInstancesStmt = db.prepare<[string], InstanceRow>(
      `SELECT ${INSTANCE_COLUMNS} FROM instances WHERE scene_id = ? ORDER BY instance_id`,
    );
    this.oneInstanceStmt = db.prepare<[string, number], InstanceRow>(`SELECT ${INSTANCE_COLUMNS} FROM instances WHERE scene_id = ? AND instance_id = ?`);
    this.maskStmt = db.prepare<[string, number], { mask_kind: InstanceMask['kind'] | null; mask: Buffer | null; superpoint_set_id: string | null }>(
      'SELECT mask_kind, mask, superpoint_set_id FROM instances WHERE scene_id = ? AND instance_id = ?',
    );
    this.setVerifiedStmt = db.prepare<[number, string, number]>('UPDATE instances SET verified = ? WHERE scene_id = ? AND instance_id = ?');
    this.setAxisStmt = db.prepare<[string | null, string]>('UPDATE scenes SET axis_alignment_json = ? WHERE id = ?');
    this.superpointSetStmt = db.prepare<[string], { scene_id: string; superpoint_count: number; ids: Buffer }>(
      'SELECT scene_id, superpoint_count, ids FROM superpoint_sets WHERE id = ?',
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
      const stored = this.upsert({ ...scene, instanceCount: list.length }, now);
      this.replaceInstances(scene.id, list, source);
      if (stored.contentHash) this.versions.record(scene.id, { contentHash: stored.contentHash, pointCount: stored.pointCount, note: 'imported' }, now);
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
      axis: s.axisAlignment ? encodeJson(s.axisAlignment, 'axisAlignment') : null,
      keepAxis: s.axisAlignment === undefined ? 1 : 0,
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

  replaceInstances(sceneId: string, instances: readonly InstanceInput[], source: InstanceSource, options: ReplaceInstancesOptions = {}): void {
    const list = parseInput(InstancesSchema, instances, 'instances');
    const src = parseInput(SourceSchema, source, 'instance source');
    const { modelVersion } = parseInput(OptionsSchema, options, 'instance options');
    // Per instance: its own source and model version override the call's.
    list.forEach((i, k) => {
      if ((i.source ?? src) === 'model' && !(i.modelVersion ?? modelVersion)) {
        throw new AppError('invalid_input', i.source ? `instances.${k}: an instance from a model needs its modelVersion` : 'instances from a model need the model version (options.modelVersion)');
      }
    });
    this.db.transaction(() => {
      const scene = this.getStmt.get(sceneId);
      if (!scene) throw new AppError('not_found', `no scene with id ${sceneId}`);
      list.forEach((i, k) => i.mask && this.checkMask(sceneId, scene.point_count, i.mask, k));
      this.deleteInstancesStmt.run(sceneId);
      for (const i of list) {
        this.insertInstanceStmt.run(
          sceneId, i.id, i.label, i.pointCount, i.source ?? src, i.confidence ?? null,
          ...i.bbox.min, ...i.bbox.max, ...i.centroid,
          i.mask?.kind ?? null, i.mask ? int32ToBlob(i.mask.ids) : null, i.mask?.kind === 'superpoints' ? i.mask.superpointSetId : null,
          i.obb ? encodeJson(i.obb, 'obb') : null, i.verified ? 1 : 0, (i.source ?? src) === 'model' ? (i.modelVersion ?? modelVersion ?? null) : (i.modelVersion ?? null),
        );
      }
      this.setCountStmt.run(list.length, sceneId);
    }).immediate();
  }

  acceptModelInstances(sceneId: string, instances: readonly InstanceInput[], modelVersion: string): void {
    this.replaceInstances(sceneId, instances.map((i) => ({ ...i, verified: false })), 'model', { modelVersion });
  }

  /** Every id must address a point of the scene, or a superpoint of a set stored for the same scene. */
  private checkMask(sceneId: string, pointCount: number, mask: InstanceMask, index: number): void {
    const where = `instances.${index}.mask`;
    let limit = pointCount;
    if (mask.kind === 'superpoints') {
      const set = this.superpointSetStmt.get(mask.superpointSetId);
      if (!set || set.scene_id !== sceneId) {
        throw new AppError('invalid_input', `${where}: no superpoint set ${mask.superpointSetId} in scene ${sceneId}`, { path: where });
      }
      // Ids are superpoint ids, so the bound is the largest id in the set.
      limit = maxId(blobToInt32(set.ids, `superpoint set ${mask.superpointSetId}`)) + 1;
    }
    for (let k = 0; k < mask.ids.length; k++) {
      const v = mask.ids[k]!;
      if (v < 0 || v >= limit) {
        throw new AppError('invalid_input', `${where}.ids[${k}]: expected a ${mask.kind === 'points' ? 'point' : 'superpoint'} id in 0…${limit - 1}, got ${v}`, { path: where });
      }
    }
  }

  listInstances(sceneId: string): StoredInstance[] {
    return this.listInstancesStmt.all(sceneId).map(toInstance);
  }

  instanceMask(sceneId: string, instanceId: number): InstanceMask | undefined {
    const row = this.maskStmt.get(sceneId, instanceId);
    if (!row || row.mask_kind === null || row.mask === null) return undefined;
    const ids = blobToInt32(row.mask, `instance ${instanceId} of scene ${sceneId}`);
    if (row.mask_kind === 'points') return { kind: 'points', ids };
    // A deleted superpoint set leaves the ids without their set: they cannot be read as points.
    return row.superpoint_set_id === null ? undefined : { kind: 'superpoints', ids, superpointSetId: row.superpoint_set_id };
  }

  setInstanceVerified(sceneId: string, instanceId: number, verified: boolean): StoredInstance {
    return this.db.transaction(() => {
      if (this.setVerifiedStmt.run(verified ? 1 : 0, sceneId, instanceId).changes === 0) {
        throw new AppError('not_found', `scene ${sceneId} has no instance ${instanceId}`, { sceneId, instanceId });
      }
      return toInstance(this.oneInstanceStmt.get(sceneId, instanceId)!);
    }).immediate();
  }

  setAxisAlignment(sceneId: string, matrix: AxisAlignment | null): SceneRecord {
    const m = parseInput(Matrix4.nullable(), matrix, 'axis alignment');
    return this.db.transaction(() => {
      if (this.setAxisStmt.run(m ? encodeJson(m, 'axisAlignment') : null, sceneId).changes === 0) {
        throw new AppError('not_found', `no scene with id ${sceneId}`, { sceneId });
      }
      return this.get(sceneId)!;
    }).immediate();
  }
}

function maxId(ids: Int32Array): number {
  let max = -1;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
  return max;
}

function toInstance(r: InstanceRow): StoredInstance {
  return {
    id: r.instance_id,
    label: r.label,
    pointCount: r.point_count,
    bbox: { min: [r.bbox_min_x, r.bbox_min_y, r.bbox_min_z], max: [r.bbox_max_x, r.bbox_max_y, r.bbox_max_z] },
    centroid: [r.centroid_x, r.centroid_y, r.centroid_z],
    source: r.source,
    confidence: r.confidence,
    obb: r.obb_json === null ? null : (JSON.parse(r.obb_json) as OrientedBox),
    verified: r.verified === 1,
    modelVersion: r.model_version,
    maskKind: r.mask_kind,
    maskSize: (r.mask_bytes ?? 0) / 4,
    superpointSetId: r.superpoint_set_id,
  };
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
    axisAlignment: r.axis_alignment_json === null ? null : (JSON.parse(r.axis_alignment_json) as number[]),
    createdAt: r.created_at,
  };
}
