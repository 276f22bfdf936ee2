// Queries the review queue needs over qa_items: filtered pages (by status, kinds, origin) in queue
// order, the ids of generated questions already stored for a scene, and the light rows statistics
// are computed from. Reads only; every write goes through the item repository or the editor.
import type Database from 'better-sqlite3';
import { QUESTION_TYPES } from '../../app/qa/vsibench/questions';
import type { QaReviewQueries, QaReviewQuery, QaStatRow } from '../repositories';

/** Generated items are stored under their question type as kind; everything else is workbench work. */
const GENERATED = QUESTION_TYPES as readonly string[];
const placeholders = (n: number) => Array(n).fill('?').join(', ');

interface StatRowSql {
  scene_id: string;
  kind: string;
  status: string;
  answer_json: string;
  instance_ids_json: string;
}

export class SqliteQaReviewQueries implements QaReviewQueries {
  private readonly existingStmt;

  constructor(private readonly db: Database.Database) {
    this.existingStmt = db.prepare<string[], { qid: string | null }>(
      `SELECT json_extract(query_json, '$.questionId') AS qid FROM qa_items WHERE scene_id = ? AND kind IN (${placeholders(GENERATED.length)})`,
    );
  }

  private where(q: Pick<QaReviewQuery, 'sceneId' | 'status' | 'kinds' | 'origin'>): { sql: string; args: unknown[] } {
    const parts = ['deleted = 0'];
    const args: unknown[] = [];
    if (q.sceneId !== undefined) (parts.push('scene_id = ?'), args.push(q.sceneId));
    if (q.status !== undefined) (parts.push('status = ?'), args.push(q.status));
    if (q.kinds !== undefined && q.kinds.length > 0) (parts.push(`kind IN (${placeholders(q.kinds.length)})`), args.push(...q.kinds));
    if (q.origin !== undefined) {
      parts.push(`kind ${q.origin === 'generated' ? '' : 'NOT '}IN (${placeholders(GENERATED.length)})`);
      args.push(...GENERATED);
    }
    return { sql: parts.join(' AND '), args };
  }

  /** Creation time, then insertion order (a generated batch shares one timestamp). */
  page(q: QaReviewQuery): { ids: string[]; total: number } {
    const { sql, args } = this.where(q);
    const order = q.order === 'oldest' ? 'created_at, rowid' : 'created_at DESC, rowid DESC';
    return this.db.transaction(() => {
      const ids = this.db
        .prepare<unknown[], { id: string }>(`SELECT id FROM qa_items WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...args, q.limit, q.offset)
        .map((r) => r.id);
      const total = this.db.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM qa_items WHERE ${sql}`).get(...args)?.n ?? 0;
      return { ids, total };
    })();
  }

  /** Generated question ids stored for the scene, undone saves and rejected items included. */
  generatedQuestionIds(sceneId: string): Set<string> {
    const out = new Set<string>();
    for (const r of this.existingStmt.all(sceneId, ...GENERATED)) if (typeof r.qid === 'string') out.add(r.qid);
    return out;
  }

  statRows(sceneId?: string): QaStatRow[] {
    const { sql, args } = this.where(sceneId === undefined ? {} : { sceneId });
    return this.db
      .prepare<unknown[], StatRowSql>(`SELECT scene_id, kind, status, answer_json, instance_ids_json FROM qa_items WHERE ${sql}`)
      .all(...args)
      .map((r) => ({
        sceneId: r.scene_id,
        kind: r.kind,
        status: r.status as QaStatRow['status'],
        answer: JSON.parse(r.answer_json) as number | string,
        instanceIds: JSON.parse(r.instance_ids_json) as number[],
      }));
  }
}
