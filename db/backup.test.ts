import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from './backup';
import { latestVersion, migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openDatabase, type Store } from './open';

let dir: string;
let file: string;
let backups: string;
const opened: Store[] = [];
const open = (options?: Parameters<typeof openDatabase>[1]) => {
  const s = openDatabase(file, options);
  opened.push(s);
  return s;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-db-backup-'));
  file = join(dir, 'scenewright.db');
  backups = join(dir, 'backups');
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A database as Scenewright 0001 left it, with one saved item. */
function writeVersion1() {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.slice(0, 1));
  db.prepare(
    `INSERT INTO qa_items (id, scene_id, kind, question, answer_json, unit, instance_ids_json, status, engine_version, created_at)
     VALUES ('3f0c6f4e-2a8b-4c1d-9e7f-0a1b2c3d4e5f', 'room', 'distance', 'How far?', '1.5', 'm', '[1,2]', 'verified', '0.1.0',
             '2025-01-01T00:00:00.000Z')`,
  ).run();
  db.close();
}

const integrity = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return { ok: db.pragma('integrity_check', { simple: true }), version: db.pragma('user_version', { simple: true }) };
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('copies a database that holds data before migrating it, and the copy is the old version intact', () => {
    writeVersion1();
    const store = open();
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const taken = listBackups(backups);
    expect(taken).toEqual([expect.objectContaining({ reason: 'pre-migration', version: 1 })]);
    const copy = new Database(taken[0]!.file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.prepare('SELECT question FROM qa_items').all()).toEqual([{ question: 'How far?' }]);
    } finally {
      copy.close();
    }
    // The migrated file still has the item, now with its first revision.
    expect(store.qaItems.revisions('3f0c6f4e-2a8b-4c1d-9e7f-0a1b2c3d4e5f')).toHaveLength(1);
  });

  it('takes no copy of a new database or of one that needs no migration', () => {
    open().close();
    open().close();
    expect(existsSync(backups)).toBe(false);
  });

  it('backs up on demand while the database is open, keeping the newest N', async () => {
    const store = open({ keepBackups: 3 });
    store.editor.save(
      { sceneId: 'room', kind: 'distance', question: 'How far?', answer: 1, unit: 'm', instanceIds: [1, 2], status: 'verified' },
      { engineVersion: '0.1.0' },
    );
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await store.backupNow());
    expect(listBackups(backups).map((b) => b.file)).toEqual(made.slice(-3));
    expect(readdirSync(backups).some((n) => n.endsWith('.partial'))).toBe(false);
    const newest = integrity(made.at(-1)!);
    expect(newest).toMatchObject({ ok: 'ok', version: latestVersion() });
    const copy = openDatabase(made.at(-1)!, { readonly: true });
    try {
      expect(copy.qaItems.list({ limit: 10, offset: 0 }).total).toBe(1);
    } finally {
      copy.close();
    }
  });

  it('refuses a backup of an in-memory database with a typed error', async () => {
    const mem = openDatabase(':memory:');
    try {
      await expect(mem.backupNow()).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('expected a database file') });
    } finally {
      mem.close();
    }
  });
});
