import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, MigrationFailedError } from './errors';
import { latestVersion, migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
});
afterEach(() => db.close());

const tables = () =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const first: Migration = { version: 1, name: '0001_a', sql: 'CREATE TABLE a (x INTEGER);' };

describe('migrate', () => {
  it('applies every shipped migration from an empty database, then nothing', () => {
    expect(migrate(db)).toEqual({ from: 0, to: latestVersion() });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables()).toEqual([
      'annotators', 'history_entries', 'instances', 'layout_versions', 'qa_item_revisions', 'qa_items',
      'qa_scene_counts', 'scene_versions', 'scenes', 'settings', 'superpoint_sets',
    ]);
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion() });
  });

  it('applies only the pending migrations', () => {
    migrate(db, [first]);
    const second: Migration = { version: 2, name: '0002_b', sql: 'ALTER TABLE a ADD COLUMN y TEXT;' };
    expect(migrate(db, [first, second])).toEqual({ from: 1, to: 2 });
    expect((db.pragma('table_info(a)') as { name: string }[]).map((c) => c.name)).toEqual(['x', 'y']);
  });

  it('rolls a failing migration back entirely and keeps the previous version', () => {
    migrate(db, [first]);
    db.prepare('INSERT INTO a VALUES (7)').run();
    const broken: Migration = {
      version: 2,
      name: '0002_broken',
      sql: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL; CREATE TABLE c (x INTEGER);',
    };
    let error: unknown;
    try {
      migrate(db, [first, broken]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).message).toMatch(/0002_broken failed .* stays at schema version 1/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables()).toEqual(['a']);
    expect(db.prepare('SELECT x FROM a').all()).toEqual([{ x: 7 }]);
  });

  it('rolls back a migration that leaves foreign keys broken', () => {
    db.pragma('foreign_keys = ON');
    const bad: Migration = {
      version: 1,
      name: '0001_fk',
      sql: `CREATE TABLE p (id INTEGER PRIMARY KEY);
            CREATE TABLE c (p INTEGER REFERENCES p (id));
            INSERT INTO c VALUES (42);`,
    };
    expect(() => migrate(db, [bad])).toThrow(/foreign key violation/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables()).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database newer than the newest known migration, changing nothing', () => {
    db.pragma('user_version = 5');
    expect(() => migrate(db, [first])).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, [first])).toThrow(
      'database :memory: is at schema version 5 but this Scenewright knows only up to 1; update Scenewright',
    );
    expect(schemaVersion(db)).toBe(5);
    expect(tables()).toEqual([]);
  });

  it('rejects a migration list with gaps', () => {
    expect(() => migrate(db, [first, { version: 3, name: '0003_c', sql: '' }])).toThrow(/0003_c has version 3, expected 2/);
    expect(schemaVersion(db)).toBe(0);
  });
});
