import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../app/contract/errors';
import { DatabaseCorruptError, DatabaseTooNewError } from './errors';
import { latestVersion } from './migrate';
import { openDatabase, type Store } from './open';

let dir: string;
const opened: Store[] = [];
const open = (...args: Parameters<typeof openDatabase>) => {
  const s = openDatabase(...args);
  opened.push(s);
  return s;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-db-open-'));
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
};

describe('openDatabase', () => {
  it('creates the parent folder and opens a migrated file in WAL mode with durable settings', () => {
    const file = join(dir, 'nested', 'deeper', 'scenewright.db');
    const store = open(file);
    expect(existsSync(file)).toBe(true);
    expect(store.file).toBe(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion());
  });

  it('opens :memory: without WAL', () => {
    const store = open(':memory:');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('memory');
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion());
  });

  it('re-opens an up-to-date file without migrating it again', () => {
    const file = join(dir, 'a.db');
    open(file).close();
    const again = open(file);
    expect(again.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(again.qaItems.list({ limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('refuses a file from a newer Scenewright and leaves it byte for byte as it was', () => {
    const file = join(dir, 'future.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (x TEXT); INSERT INTO future_things VALUES (\'keep me\');');
    raw.pragma(`user_version = ${latestVersion() + 7}`);
    raw.close();
    const before = readFileSync(file);

    const e = caught(() => open(file));
    expect(e).toBeInstanceOf(DatabaseTooNewError);
    expect(e).toBeInstanceOf(AppError);
    expect((e as Error).message).toBe(
      `database ${file} is at schema version ${latestVersion() + 7} but this Scenewright knows only up to ${latestVersion()}; update Scenewright`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reports a file that is not a database with a typed error naming the file', () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are not the pages you are looking for'.repeat(200));
    const before = readFileSync(file);
    const e = caught(() => open(file));
    expect(e).toBeInstanceOf(DatabaseCorruptError);
    expect((e as Error).message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports damaged pages found by the integrity check', () => {
    const file = join(dir, 'damaged.db');
    const store = openDatabase(file);
    for (let i = 0; i < 300; i++) {
      store.qaItems.save(
        { sceneId: 's', kind: 'distance', question: `q${i} ${'x'.repeat(200)}`, answer: i, unit: 'm', instanceIds: [i], status: 'draft' },
        { engineVersion: '0.1.0' },
      );
    }
    store.close(); // checkpoints the WAL into the main file
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the middle of the file, leaving page 1 (header and schema) intact.
    const start = pageSize * 3;
    bytes.fill(0x5a, start, Math.min(bytes.length, start + pageSize * 4));
    writeFileSync(file, bytes);
    const e = caught(() => open(file));
    expect(e).toBeInstanceOf(DatabaseCorruptError);
    expect((e as Error).message).toContain(file);
  });

  it('opens an existing file read-only and refuses a missing one or one that needs migrating', () => {
    const file = join(dir, 'ro.db');
    expect(caught(() => open(file, { readonly: true }))).toMatchObject({ code: 'not_found' });
    expect(existsSync(file)).toBe(false);

    new Database(file).close(); // an empty database at version 0
    expect(caught(() => open(file, { readonly: true }))).toMatchObject({ code: 'read_only' });

    open(file).close();
    const ro = open(file, { readonly: true });
    expect(ro.db.readonly).toBe(true);
    expect(ro.scenes.list()).toEqual([]);
  });

  it('closes idempotently', () => {
    const store = open(join(dir, 'c.db'));
    store.close();
    store.close();
    expect(store.db.open).toBe(false);
  });
});
