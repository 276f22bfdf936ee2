// Saved question/answer items in SQLite. qa_items holds each item's current state for listing;
// qa_item_revisions holds every state it has had (append-only, enforced by triggers in 0002).
// Values with a shape (answer, instance ids, evidence, query, viewpoint) are JSON text columns:
// portable, and the contract's zod schema checks them again on the way out.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import { QaItem, QaItemInput, QaStatus } from '../../app/contract/schemas';
import type { QaDocItem } from '../../app/history/qa-document';
import { encodeJson } from '../json';
import {
  MAX_QA_PAGE,
  type QaItemRepository,
  type QaItemRevision,
  type QaListQuery,
  type QaPage,
  type QaSaveMeta,
} from '../repositories';
import { parseInput } from '../validate';

const SaveMeta = z.object({ engineVersion: z.string().min(1), now: z.date().optional() });

const ListQuery = z.object({
  sceneId: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(MAX_QA_PAGE),
  offset: z.number().int().nonnegative(),
  afterId: z.string().min(1).optional(),
});

interface ContentRow {
  question: string;
  answer_json: string;
  unit: string;
  instance_ids_json: string;
  status: string;
  evidence_json: string | null;
  query_json: string | null;
  viewpoint_json: string | null;
  annotator_id: string | null;
  engine_version: string;
  model_version: string | null;
}

interface QaRow extends ContentRow {
  id: string;
  scene_id: string;
  kind: string;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted: number;
}

interface RevisionRow extends ContentRow {
  item_id: string;
  revision: number;
  deleted: number;
  created_at: string;
}

const CONTENT = `question, answer_json, unit, instance_ids_json, status, evidence_json, query_json, viewpoint_json,
                 annotator_id, engine_version, model_version`;
const COLUMNS = `id, scene_id, kind, created_at, updated_at, revision, deleted, ${CONTENT}`;
// rowid breaks ties between items created in the same millisecond: insertion order, newest first.
const NEWEST_FIRST = 'ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?';
// Keyset paging: rows strictly after the cursor in that order, a range read on the listing index
// however deep the page is (OFFSET has to step over every skipped row).
const AFTER_CURSOR = '(created_at, rowid) < (?, ?)';

export class SqliteQaItemRepository implements QaItemRepository {
  private readonly insertItemStmt;
  private readonly updateItemStmt;
  private readonly insertRevisionStmt;
  private readonly getStmt;
  private readonly pageAllStmt;
  private readonly pageSceneStmt;
  private readonly countAllStmt;
  private readonly countSceneStmt;
  private readonly revisionsStmt;
  private readonly cursorStmt;
  private readonly pageAllAfterStmt;
  private readonly pageSceneAfterStmt;

  constructor(private readonly db: Database.Database) {
    this.insertItemStmt = db.prepare(`INSERT INTO qa_items (${COLUMNS}) VALUES (${Array(18).fill('?').join(', ')})`);
    this.updateItemStmt = db.prepare(`
      UPDATE qa_items SET question = ?, answer_json = ?, unit = ?, instance_ids_json = ?, status = ?, evidence_json = ?,
        query_json = ?, viewpoint_json = ?, annotator_id = ?, engine_version = ?, model_version = ?,
        revision = ?, deleted = ?, updated_at = ?
      WHERE id = ?`);
    this.insertRevisionStmt = db.prepare(
      `INSERT INTO qa_item_revisions (item_id, revision, deleted, created_at, ${CONTENT}) VALUES (${Array(15).fill('?').join(', ')})`,
    );
    this.getStmt = db.prepare<[string], QaRow>(`SELECT ${COLUMNS} FROM qa_items WHERE id = ?`);
    this.pageAllStmt = db.prepare<[number, number], QaRow>(`SELECT ${COLUMNS} FROM qa_items WHERE deleted = 0 ${NEWEST_FIRST}`);
    this.pageSceneStmt = db.prepare<[string, number, number], QaRow>(
      `SELECT ${COLUMNS} FROM qa_items WHERE scene_id = ? AND deleted = 0 ${NEWEST_FIRST}`,
    );
    // Totals come from the per-scene counts that 0003's triggers keep exact: one row, not a scan.
    this.countAllStmt = db.prepare<[], { n: number }>('SELECT coalesce(sum(live), 0) AS n FROM qa_scene_counts');
    this.countSceneStmt = db.prepare<[string], { n: number }>('SELECT live AS n FROM qa_scene_counts WHERE scene_id = ?');
    this.cursorStmt = db.prepare<[string], { created_at: string; rowid: number }>('SELECT created_at, rowid FROM qa_items WHERE id = ?');
    this.pageAllAfterStmt = db.prepare<[string, number, number, number], QaRow>(
      `SELECT ${COLUMNS} FROM qa_items WHERE deleted = 0 AND ${AFTER_CURSOR} ${NEWEST_FIRST}`,
    );
    this.pageSceneAfterStmt = db.prepare<[string, string, number, number, number], QaRow>(
      `SELECT ${COLUMNS} FROM qa_items WHERE scene_id = ? AND deleted = 0 AND ${AFTER_CURSOR} ${NEWEST_FIRST}`,
    );
    this.revisionsStmt = db.prepare<[string], RevisionRow>(
      `SELECT item_id, revision, deleted, created_at, ${CONTENT} FROM qa_item_revisions WHERE item_id = ? ORDER BY revision`,
    );
  }

  /** A new item at revision 1, outside undo history (imports, scripts); the workbench saves through the editor. */
  save(input: QaItemInput, meta: QaSaveMeta): QaItem {
    const item = newItem(input, meta);
    return this.db.transaction(() => this.put(item, false, new Date(item.createdAt))).immediate();
  }

  /**
   * Many new items in one transaction (dataset imports): all or none are stored. Outside undo
   * history, like every load. Returns the new ids in input order.
   */
  saveMany(inputs: readonly QaItemInput[], meta: QaSaveMeta): string[] {
    const items = inputs.map((input) => newItem(input, meta));
    return this.db.transaction(() => items.map((item) => (this.write(item, false, new Date(item.createdAt)), item.id))).immediate();
  }

  /**
   * Writes `item` as the item's next revision (revision 1 when it is new). `deleted` hides it from
   * lists while every revision stays. Call inside a transaction. Returns what a later get() sees.
   */
  put(item: QaDocItem, deleted: boolean, now: Date): QaItem {
    this.write(item, deleted, now);
    const stored = this.getStmt.get(item.id);
    if (!stored) throw new AppError('internal', `QA item ${item.id} was not found right after it was saved`);
    return fromRow(stored);
  }

  private write(item: QaDocItem, deleted: boolean, now: Date): void {
    const existing = this.getStmt.get(item.id);
    const revision = existing ? existing.revision + 1 : 1;
    const content = contentOf(item);
    const at = now.toISOString();
    if (existing) {
      if (existing.scene_id !== item.sceneId || existing.kind !== item.kind) {
        throw new AppError('invalid_input', `QA item ${item.id}: scene and kind cannot change after saving`);
      }
      this.updateItemStmt.run(...content, revision, deleted ? 1 : 0, at, item.id);
    } else {
      this.insertItemStmt.run(item.id, item.sceneId, item.kind, item.createdAt, at, 1, deleted ? 1 : 0, ...content);
    }
    this.insertRevisionStmt.run(item.id, revision, deleted ? 1 : 0, at, ...content);
  }

  get(id: string): QaItem | undefined {
    const row = this.getStmt.get(id);
    return row && !row.deleted ? fromRow(row) : undefined;
  }

  /** The items among `ids` that lists show (not deleted), as the undo document knows them. */
  slice(ids: readonly string[]): Record<string, QaDocItem> {
    const out: Record<string, QaDocItem> = {};
    for (const id of ids) {
      const item = this.get(id);
      if (item) {
        const { revision: _r, updatedAt: _u, ...doc } = item;
        out[id] = doc;
      }
    }
    return out;
  }

  revisions(id: string): QaItemRevision[] {
    return this.revisionsStmt.all(id).map((r) => ({
      revision: r.revision,
      deleted: r.deleted === 1,
      createdAt: r.created_at,
      question: r.question,
      answer: parseJson(r.answer_json, id) as QaItemRevision['answer'],
      unit: r.unit,
      status: QaStatus.parse(r.status),
      engineVersion: r.engine_version,
    }));
  }

  list(query: QaListQuery): QaPage {
    const { sceneId, limit, offset, afterId } = parseInput(ListQuery, query, 'QA list query');
    // One read transaction, so the page and the total describe the same snapshot.
    return this.db.transaction(() => {
      let rows: QaRow[];
      if (afterId !== undefined) {
        const c = this.cursorStmt.get(afterId);
        if (!c) throw new AppError('not_found', `no QA item with id ${afterId} to list after`, { afterId });
        rows = sceneId === undefined ? this.pageAllAfterStmt.all(c.created_at, c.rowid, limit, offset) : this.pageSceneAfterStmt.all(sceneId, c.created_at, c.rowid, limit, offset);
      } else {
        rows = sceneId === undefined ? this.pageAllStmt.all(limit, offset) : this.pageSceneStmt.all(sceneId, limit, offset);
      }
      const count = sceneId === undefined ? this.countAllStmt.get() : this.countSceneStmt.get(sceneId);
      return { items: rows.map(fromRow), total: count?.n ?? 0 };
    })();
  }
}

/** Validates a new item and gives it its id, engine version and creation time. */
export function newItem(input: QaItemInput, meta: QaSaveMeta): QaDocItem {
  const item = parseInput(QaItemInput, input, 'QA item');
  const { engineVersion, now = new Date() } = parseInput(SaveMeta, meta, 'QA item metadata');
  if (Number.isNaN(now.getTime())) throw new AppError('invalid_input', 'invalid QA item metadata: now: expected a valid date');
  // Encode once here so that a value JSON cannot carry is refused before anything is recorded.
  contentOf({ ...item, id: '', createdAt: '', engineVersion });
  return { ...item, id: randomUUID(), engineVersion, createdAt: now.toISOString() };
}

function contentOf(item: QaDocItem): (string | null)[] {
  const opt = (v: unknown, what: string) => (v === undefined ? null : encodeJson(v, what));
  return [
    item.question,
    encodeJson(item.answer, 'answer'),
    item.unit,
    encodeJson(item.instanceIds, 'instanceIds'),
    item.status,
    opt(item.evidence, 'evidence'),
    opt(item.query, 'query'),
    opt(item.viewpoint, 'viewpoint'),
    item.annotator ?? null,
    item.engineVersion,
    item.modelVersion ?? null,
  ];
}

function fromRow(r: QaRow): QaItem {
  const optional = (v: string | null, key: string) => (v === null ? {} : { [key]: parseJson(v, r.id) });
  const parsed = QaItem.safeParse({
    id: r.id,
    sceneId: r.scene_id,
    kind: r.kind,
    question: r.question,
    answer: parseJson(r.answer_json, r.id),
    unit: r.unit,
    instanceIds: parseJson(r.instance_ids_json, r.id),
    status: r.status,
    ...optional(r.evidence_json, 'evidence'),
    ...optional(r.query_json, 'query'),
    ...optional(r.viewpoint_json, 'viewpoint'),
    ...(r.annotator_id === null ? {} : { annotator: r.annotator_id }),
    ...(r.model_version === null ? {} : { modelVersion: r.model_version }),
    engineVersion: r.engine_version,
    createdAt: r.created_at,
    revision: r.revision,
    updatedAt: r.updated_at,
  });
  if (!parsed.success) {
    throw new AppError('internal', `stored QA item ${r.id} does not match the contract: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

function parseJson(text: string, id: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('internal', `stored QA item ${id} has a damaged JSON column`);
  }
}
