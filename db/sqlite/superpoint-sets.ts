// Superpoint sets: per-point superpoint ids as one int32 blob, with the parameters that made them.
// Listing never reads the blob; get/latest do.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import { blobToInt32, int32ToBlob } from '../blob';
import { encodeJson } from '../json';
import type { SuperpointSet, SuperpointSetInfo, SuperpointSetRepository } from '../repositories';
import { parseInput } from '../validate';

const Params = z.record(z.string(), z.unknown());

interface InfoRow {
  id: string;
  scene_id: string;
  params_json: string;
  point_count: number;
  superpoint_count: number;
  created_at: string;
}
interface FullRow extends InfoRow {
  ids: Buffer;
}

const INFO = 'id, scene_id, params_json, point_count, superpoint_count, created_at';

export class SqliteSuperpointSetRepository implements SuperpointSetRepository {
  private readonly scenePointsStmt;
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly latestStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Database.Database) {
    this.scenePointsStmt = db.prepare<[string], { point_count: number }>('SELECT point_count FROM scenes WHERE id = ?');
    this.insertStmt = db.prepare(`INSERT INTO superpoint_sets (${INFO}, ids) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.getStmt = db.prepare<[string], FullRow>(`SELECT ${INFO}, ids FROM superpoint_sets WHERE id = ?`);
    // rowid breaks ties within one millisecond: the later save is newer.
    this.listStmt = db.prepare<[string], InfoRow>(`SELECT ${INFO} FROM superpoint_sets WHERE scene_id = ? ORDER BY created_at DESC, rowid DESC`);
    this.latestStmt = db.prepare<[string], FullRow>(
      `SELECT ${INFO}, ids FROM superpoint_sets WHERE scene_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM superpoint_sets WHERE id = ?');
  }

  save(sceneId: string, params: Record<string, unknown>, ids: Int32Array, now: Date = new Date()): SuperpointSetInfo {
    const p = parseInput(Params, params, 'superpoint parameters');
    const paramsJson = encodeJson(p, 'superpoint parameters');
    if (!(ids instanceof Int32Array)) throw new AppError('invalid_input', 'superpoint ids: expected an Int32Array with one id per point');
    const superpointCount = countDistinct(ids);
    const id = randomUUID();
    return this.db.transaction(() => {
      const scene = this.scenePointsStmt.get(sceneId);
      if (!scene) throw new AppError('not_found', `no scene with id ${sceneId}`, { sceneId });
      if (ids.length !== scene.point_count) {
        throw new AppError('invalid_input', `superpoint ids: expected ${scene.point_count} ids (one per point of scene ${sceneId}), got ${ids.length}`);
      }
      this.insertStmt.run(id, sceneId, paramsJson, ids.length, superpointCount, now.toISOString(), int32ToBlob(ids));
      return toInfo(this.getStmt.get(id)!);
    }).immediate();
  }

  get(id: string): SuperpointSet | undefined {
    const row = this.getStmt.get(id);
    return row && toSet(row);
  }

  list(sceneId: string): SuperpointSetInfo[] {
    return this.listStmt.all(sceneId).map(toInfo);
  }

  latest(sceneId: string): SuperpointSet | undefined {
    const row = this.latestStmt.get(sceneId);
    return row && toSet(row);
  }

  delete(id: string): boolean {
    return this.db.transaction(() => this.deleteStmt.run(id).changes > 0).immediate();
  }
}

/** Distinct ids ≥ 0; -1 (no superpoint) is allowed and not counted, anything lower is refused. */
function countDistinct(ids: Int32Array): number {
  let max = -1;
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i]!;
    if (v < -1) throw new AppError('invalid_input', `superpoint ids: expected ids ≥ -1, got ${v} at point ${i}`, { index: i });
    if (v > max) max = v;
  }
  // Sparse, huge ids (a hash as id) would make the flag array enormous; a Set copes.
  if (max > 4 * ids.length + 1024) return new Set(ids.filter((v) => v >= 0)).size;
  const seen = new Uint8Array(max + 1);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i]!;
    if (v >= 0 && seen[v] === 0) {
      seen[v] = 1;
      n++;
    }
  }
  return n;
}

function toInfo(r: InfoRow): SuperpointSetInfo {
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(r.params_json) as Record<string, unknown>;
  } catch {
    throw new AppError('internal', `superpoint set ${r.id} has damaged parameters`);
  }
  return { id: r.id, sceneId: r.scene_id, params, pointCount: r.point_count, superpointCount: r.superpoint_count, createdAt: r.created_at };
}

const toSet = (r: FullRow): SuperpointSet => ({ ...toInfo(r), ids: blobToInt32(r.ids, `superpoint set ${r.id}`) });
