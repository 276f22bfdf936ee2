// Accepted layout edits: each version is the whole layout document (JSON text, stored exactly as
// given) with the version it was derived from, numbered 1, 2, … per scene.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import type { LayoutVersion, LayoutVersionInfo, LayoutVersionRepository } from '../repositories';
import { parseInput } from '../validate';

const Label = z.string().min(1).max(500);

interface InfoRow {
  id: string;
  scene_id: string;
  version: number;
  parent_id: string | null;
  label: string;
  created_at: string;
}
interface FullRow extends InfoRow {
  layout_json: string;
}

const INFO = 'id, scene_id, version, parent_id, label, created_at';

export class SqliteLayoutVersionRepository implements LayoutVersionRepository {
  private readonly sceneExistsStmt;
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly latestStmt;

  constructor(private readonly db: Database.Database) {
    this.sceneExistsStmt = db.prepare<[string], { id: string }>('SELECT id FROM scenes WHERE id = ?');
    this.insertStmt = db.prepare(`INSERT INTO layout_versions (${INFO}, layout_json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.getStmt = db.prepare<[string], FullRow>(`SELECT ${INFO}, layout_json FROM layout_versions WHERE id = ?`);
    this.listStmt = db.prepare<[string], InfoRow>(`SELECT ${INFO} FROM layout_versions WHERE scene_id = ? ORDER BY version`);
    this.latestStmt = db.prepare<[string], FullRow>(`SELECT ${INFO}, layout_json FROM layout_versions WHERE scene_id = ? ORDER BY version DESC LIMIT 1`);
  }

  saveVersion(sceneId: string, label: string, documentJson: string, parentId?: string | null, now: Date = new Date()): LayoutVersionInfo {
    const l = parseInput(Label, label, 'layout version label');
    assertJsonDocument(documentJson);
    const id = randomUUID();
    return this.db.transaction(() => {
      if (!this.sceneExistsStmt.get(sceneId)) throw new AppError('not_found', `no scene with id ${sceneId}; open the scene once before saving its layout`, { sceneId });
      const latest = this.latestStmt.get(sceneId);
      let parent: string | null;
      if (parentId === undefined) parent = latest?.id ?? null;
      else if (parentId === null) parent = null;
      else {
        const p = this.getStmt.get(parentId);
        if (!p || p.scene_id !== sceneId) throw new AppError('not_found', `no layout version ${parentId} in scene ${sceneId}`, { sceneId, parentId });
        parent = p.id;
      }
      this.insertStmt.run(id, sceneId, (latest?.version ?? 0) + 1, parent, l, now.toISOString(), documentJson);
      return toInfo(this.getStmt.get(id)!);
    }).immediate();
  }

  listVersions(sceneId: string): LayoutVersionInfo[] {
    return this.listStmt.all(sceneId).map(toInfo);
  }

  getVersion(id: string): LayoutVersion | undefined {
    const row = this.getStmt.get(id);
    return row && { ...toInfo(row), documentJson: row.layout_json };
  }

  latestVersion(sceneId: string): LayoutVersion | undefined {
    const row = this.latestStmt.get(sceneId);
    return row && { ...toInfo(row), documentJson: row.layout_json };
  }
}

function assertJsonDocument(text: string): void {
  if (typeof text !== 'string') throw new AppError('invalid_input', 'layout document: expected JSON text');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's message names the position ("… in JSON at position 12").
    throw new AppError('invalid_input', `layout document: expected JSON text: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (value === null || typeof value !== 'object') throw new AppError('invalid_input', 'layout document: expected a JSON object or array');
}

const toInfo = (r: InfoRow): LayoutVersionInfo => ({
  id: r.id,
  sceneId: r.scene_id,
  version: r.version,
  parentId: r.parent_id,
  label: r.label,
  createdAt: r.created_at,
});
