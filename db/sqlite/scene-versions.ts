// Every distinct content a scene id has had. Append-only in practice: rows are added, never changed.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import type { SceneVersion, SceneVersionRepository } from '../repositories';
import { parseInput } from '../validate';

const Content = z.object({
  contentHash: z.string().min(1).max(200),
  pointCount: z.number().int().nonnegative(),
  note: z.string().max(2000).optional(),
});

interface Row {
  scene_id: string;
  version: number;
  content_hash: string;
  point_count: number;
  note: string;
  created_at: string;
}

export class SqliteSceneVersionRepository implements SceneVersionRepository {
  private readonly sceneExistsStmt;
  private readonly latestStmt;
  private readonly listStmt;
  private readonly insertStmt;

  constructor(private readonly db: Database.Database) {
    this.sceneExistsStmt = db.prepare<[string], { id: string }>('SELECT id FROM scenes WHERE id = ?');
    this.latestStmt = db.prepare<[string], Row>('SELECT * FROM scene_versions WHERE scene_id = ? ORDER BY version DESC LIMIT 1');
    this.listStmt = db.prepare<[string], Row>('SELECT * FROM scene_versions WHERE scene_id = ? ORDER BY version');
    this.insertStmt = db.prepare('INSERT INTO scene_versions (scene_id, version, content_hash, point_count, note, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record(sceneId: string, content: { contentHash: string; pointCount: number; note?: string }, now: Date = new Date()): SceneVersion {
    const c = parseInput(Content, content, 'scene version');
    return this.db.transaction(() => {
      if (!this.sceneExistsStmt.get(sceneId)) throw new AppError('not_found', `no scene with id ${sceneId}`, { sceneId });
      const latest = this.latestStmt.get(sceneId);
      if (latest?.content_hash === c.contentHash) return toVersion(latest);
      const version = (latest?.version ?? 0) + 1;
      this.insertStmt.run(sceneId, version, c.contentHash, c.pointCount, c.note ?? '', now.toISOString());
      return toVersion(this.latestStmt.get(sceneId)!);
    }).immediate();
  }

  list(sceneId: string): SceneVersion[] {
    return this.listStmt.all(sceneId).map(toVersion);
  }

  latest(sceneId: string): SceneVersion | undefined {
    const row = this.latestStmt.get(sceneId);
    return row && toVersion(row);
  }
}

const toVersion = (r: Row): SceneVersion => ({
  sceneId: r.scene_id,
  version: r.version,
  contentHash: r.content_hash,
  pointCount: r.point_count,
  note: r.note,
  createdAt: r.created_at,
});
