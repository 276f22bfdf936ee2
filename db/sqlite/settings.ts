// Key → JSON value settings, each write committed at once.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';
import { encodeJson } from '../json';
import type { SettingsRepository } from '../repositories';
import { parseInput } from '../validate';

const Key = z.string().min(1).max(200);

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly getStmt;
  private readonly setStmt;
  private readonly deleteStmt;
  private readonly allStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
    this.setStmt = db.prepare(`
      INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`);
    this.deleteStmt = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
    this.allStmt = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings ORDER BY key');
  }

  get(key: string): unknown {
    const row = this.getStmt.get(parseInput(Key, key, 'setting key'));
    return row === undefined ? undefined : decode(key, row.value_json);
  }

  set(key: string, value: unknown, now: Date = new Date()): void {
    const k = parseInput(Key, key, 'setting key');
    if (value === undefined) throw new AppError('invalid_input', `setting ${k}: expected a JSON value, got undefined (use delete)`);
    const json = encodeJson(value, `setting ${k}`);
    this.db.transaction(() => this.setStmt.run(k, json, now.toISOString())).immediate();
  }

  delete(key: string): boolean {
    const k = parseInput(Key, key, 'setting key');
    return this.db.transaction(() => this.deleteStmt.run(k).changes > 0).immediate();
  }

  all(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of this.allStmt.all()) out[r.key] = decode(r.key, r.value_json);
    return out;
  }
}

function decode(key: string, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new AppError('internal', `setting ${key} has a damaged stored value`);
  }
}
