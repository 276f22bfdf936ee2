// The persisted undo history: one stack per scene in history_entries. `undone` = 0 rows are the
// undo side (newest = highest seq), `undone` = 1 rows the redo side (next = lowest seq).
import type Database from 'better-sqlite3';
import { AppError } from '../../app/contract/errors';
import type { HistoryEntryInfo } from '../../app/contract/schemas';
import { canMerge, mergeEntries } from '../../app/history/merge';
import type { HistoryEntry, Patch } from '../../app/history/types';
import { encodeJson } from '../json';

export interface StoredHistoryEntry extends HistoryEntry {
  id: number;
  sceneId: string;
  seq: number;
  undone: boolean;
}

interface Row {
  id: number;
  scene_id: string;
  seq: number;
  label: string;
  kind: string;
  target: string;
  patches_json: string;
  inverse_json: string;
  created_at: string;
  updated_at: string;
  undone: number;
}

export class SqliteHistoryRepository {
  private readonly topStmt;
  private readonly nextRedoStmt;
  private readonly clearRedoStmt;
  private readonly maxSeqStmt;
  private readonly insertStmt;
  private readonly replaceStmt;
  private readonly setUndoneStmt;
  private readonly listStmt;

  constructor(db: Database.Database) {
    this.topStmt = db.prepare<[string], Row>('SELECT * FROM history_entries WHERE scene_id = ? AND undone = 0 ORDER BY seq DESC LIMIT 1');
    this.nextRedoStmt = db.prepare<[string], Row>('SELECT * FROM history_entries WHERE scene_id = ? AND undone = 1 ORDER BY seq LIMIT 1');
    this.clearRedoStmt = db.prepare<[string]>('DELETE FROM history_entries WHERE scene_id = ? AND undone = 1');
    this.maxSeqStmt = db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM history_entries WHERE scene_id = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO history_entries (scene_id, seq, label, kind, target, patches_json, inverse_json, created_at, updated_at, undone)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
    this.replaceStmt = db.prepare('UPDATE history_entries SET label = ?, patches_json = ?, inverse_json = ?, updated_at = ? WHERE id = ?');
    this.setUndoneStmt = db.prepare<[number, number]>('UPDATE history_entries SET undone = ? WHERE id = ?');
    this.listStmt = db.prepare<[string, number], Row>('SELECT * FROM history_entries WHERE scene_id = ? ORDER BY seq DESC LIMIT ?');
  }

  /** What undo reverts next. */
  top(sceneId: string): StoredHistoryEntry | undefined {
    const row = this.topStmt.get(sceneId);
    return row && fromRow(row);
  }

  /** What redo re-applies next. */
  nextRedo(sceneId: string): StoredHistoryEntry | undefined {
    const row = this.nextRedoStmt.get(sceneId);
    return row && fromRow(row);
  }

  /**
   * Adds a new change: clears redo, then merges it into the newest entry when the merge rule says
   * so, else appends it. Call inside the transaction that wrote the change.
   */
  record(sceneId: string, entry: HistoryEntry): void {
    const hadRedo = this.clearRedoStmt.run(sceneId).changes > 0;
    const top = this.top(sceneId);
    // After an undo the newest entry is not what the user just did, so never merge across one.
    if (top && !hadRedo && canMerge(top, entry)) {
      const merged = mergeEntries(top, entry);
      this.replaceStmt.run(merged.label, patchesJson(merged.patches), patchesJson(merged.inverse), iso(merged.updatedAt), top.id);
      return;
    }
    const seq = (this.maxSeqStmt.get(sceneId)?.seq ?? 0) + 1;
    const { label, kind, target } = entry;
    this.insertStmt.run(sceneId, seq, label, kind, target, patchesJson(entry.patches), patchesJson(entry.inverse), iso(entry.createdAt), iso(entry.updatedAt));
  }

  setUndone(id: number, undone: boolean): void {
    this.setUndoneStmt.run(undone ? 1 : 0, id);
  }

  /** Newest first. */
  list(sceneId: string, limit: number): StoredHistoryEntry[] {
    return this.listStmt.all(sceneId, limit).map(fromRow);
  }
}

export function entryInfo(e: StoredHistoryEntry): HistoryEntryInfo {
  return { seq: e.seq, label: e.label, kind: e.kind, target: e.target, createdAt: iso(e.createdAt), updatedAt: iso(e.updatedAt), undone: e.undone };
}

const iso = (ms: number) => new Date(ms).toISOString();
const patchesJson = (patches: Patch[]) => encodeJson(patches, 'history patches');

function fromRow(r: Row): StoredHistoryEntry {
  return {
    id: r.id,
    sceneId: r.scene_id,
    seq: r.seq,
    label: r.label,
    kind: r.kind,
    target: r.target,
    patches: parsePatches(r.patches_json, r.id),
    inverse: parsePatches(r.inverse_json, r.id),
    createdAt: Date.parse(r.created_at),
    updatedAt: Date.parse(r.updated_at),
    undone: r.undone === 1,
  };
}

function parsePatches(text: string, id: number): Patch[] {
  try {
    const v: unknown = JSON.parse(text);
    if (Array.isArray(v)) return v as Patch[];
  } catch {
    // reported below
  }
  throw new AppError('internal', `history entry ${id} has damaged patches`);
}
