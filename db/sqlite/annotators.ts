// People who annotate; QA items name them by id (qa_items.annotator_id).
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import type { Annotator, AnnotatorRepository } from '../repositories';
import { parseInput } from '../validate';

const Name = z.string().trim().min(1).max(200);

interface Row {
  id: string;
  name: string;
  created_at: string;
}

export class SqliteAnnotatorRepository implements AnnotatorRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly renameStmt;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare('INSERT INTO annotators (id, name, created_at) VALUES (?, ?, ?)');
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM annotators WHERE id = ?');
    this.listStmt = db.prepare<[], Row>('SELECT * FROM annotators ORDER BY lower(name), id');
    this.renameStmt = db.prepare<[string, string]>('UPDATE annotators SET name = ? WHERE id = ?');
  }

  create(name: string, now: Date = new Date()): Annotator {
    const n = parseInput(Name, name, 'annotator name');
    const id = randomUUID();
    this.db.transaction(() => this.insertStmt.run(id, n, now.toISOString())).immediate();
    return this.get(id)!;
  }

  get(id: string): Annotator | undefined {
    const row = this.getStmt.get(id);
    return row && toAnnotator(row);
  }

  list(): Annotator[] {
    return this.listStmt.all().map(toAnnotator);
  }

  rename(id: string, name: string): Annotator {
    const n = parseInput(Name, name, 'annotator name');
    const changed = this.db.transaction(() => this.renameStmt.run(n, id).changes).immediate();
    if (changed === 0) throw new AppError('not_found', `no annotator with id ${id}`, { id });
    return this.get(id)!;
  }
}

const toAnnotator = (r: Row): Annotator => ({ id: r.id, name: r.name, createdAt: r.created_at });
