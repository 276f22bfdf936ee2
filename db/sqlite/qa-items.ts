// Saved question/answer items in SQLite. Values with a shape (answer, instance ids, evidence) are
// JSON text columns: portable, and the contract's zod schema checks them again on the way out.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import { QaItem, QaItemInput } from '../../app/contract/schemas';
import { encodeJson } from '../json';
import { MAX_QA_PAGE, type QaItemRepository, type QaListQuery, type QaPage, type QaSaveMeta } from '../repositories';
import { parseInput } from '../validate';

const SaveMeta = z.object({ engineVersion: z.string().min(1), now: z.date().optional() });

const ListQuery = z.object({
  sceneId: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(MAX_QA_PAGE),
  offset: z.number().int().nonnegative(),
});

interface QaRow {
  id: string;
  scene_id: string;
  kind: string;
  question: string;
  answer_json: string;
  unit: string;
  instance_ids_json: string;
  status: string;
  evidence_json: string | null;
  engine_version: string;
  created_at: string;
}

const COLUMNS = `id, scene_id, kind, question, answer_json, unit, instance_ids_json, status,
                 evidence_json, engine_version, created_at`;
// rowid breaks ties between items created in the same millisecond: insertion order, newest first.
const NEWEST_FIRST = 'ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?';

export class SqliteQaItemRepository implements QaItemRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly pageAllStmt;
  private readonly pageSceneStmt;
  private readonly countAllStmt;
  private readonly countSceneStmt;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(`INSERT INTO qa_items (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.getStmt = db.prepare<[string], QaRow>(`SELECT ${COLUMNS} FROM qa_items WHERE id = ?`);
    this.pageAllStmt = db.prepare<[number, number], QaRow>(`SELECT ${COLUMNS} FROM qa_items ${NEWEST_FIRST}`);
    this.pageSceneStmt = db.prepare<[string, number, number], QaRow>(
      `SELECT ${COLUMNS} FROM qa_items WHERE scene_id = ? ${NEWEST_FIRST}`,
    );
    this.countAllStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM qa_items');
    this.countSceneStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM qa_items WHERE scene_id = ?');
  }

  save(input: QaItemInput, meta: QaSaveMeta): QaItem {
    const item = parseInput(QaItemInput, input, 'QA item');
    const { engineVersion, now = new Date() } = parseInput(SaveMeta, meta, 'QA item metadata');
    if (Number.isNaN(now.getTime())) throw new AppError('invalid_input', 'invalid QA item metadata: now: expected a valid date');
    const id = randomUUID();
    const row = [
      id,
      item.sceneId,
      item.kind,
      item.question,
      encodeJson(item.answer, 'answer'),
      item.unit,
      encodeJson(item.instanceIds, 'instanceIds'),
      item.status,
      item.evidence === undefined ? null : encodeJson(item.evidence, 'evidence'),
      engineVersion,
      now.toISOString(),
    ];
    // Read back inside the same transaction: what we return is exactly what a later list() sees.
    return this.db.transaction(() => {
      this.insertStmt.run(...row);
      const stored = this.get(id);
      if (!stored) throw new AppError('internal', `QA item ${id} was not found right after it was saved`);
      return stored;
    }).immediate();
  }

  get(id: string): QaItem | undefined {
    const row = this.getStmt.get(id);
    return row && fromRow(row);
  }

  list(query: QaListQuery): QaPage {
    const { sceneId, limit, offset } = parseInput(ListQuery, query, 'QA list query');
    // One read transaction, so the page and the total describe the same snapshot.
    return this.db.transaction(() => {
      const rows = sceneId === undefined ? this.pageAllStmt.all(limit, offset) : this.pageSceneStmt.all(sceneId, limit, offset);
      const count = sceneId === undefined ? this.countAllStmt.get() : this.countSceneStmt.get(sceneId);
      return { items: rows.map(fromRow), total: count?.n ?? 0 };
    })();
  }
}

function fromRow(r: QaRow): QaItem {
  const parsed = QaItem.safeParse({
    id: r.id,
    sceneId: r.scene_id,
    kind: r.kind,
    question: r.question,
    answer: parseJson(r.answer_json, r.id),
    unit: r.unit,
    instanceIds: parseJson(r.instance_ids_json, r.id),
    status: r.status,
    ...(r.evidence_json === null ? {} : { evidence: parseJson(r.evidence_json, r.id) }),
    engineVersion: r.engine_version,
    createdAt: r.created_at,
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
