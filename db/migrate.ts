// Brings a database's schema up to date, one migration per transaction. `user_version` is set in
// the same transaction as the migration's statements, so a failure leaves the previous version
// and the previous tables exactly as they were.
import type Database from 'better-sqlite3';
import { AppError } from '../app/contract/errors';
import { DatabaseTooNewError, MigrationFailedError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Refuses a database written by a newer Scenewright; returns its current version. Writes nothing. */
export function assertKnownVersion(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const version = schemaVersion(db);
  const known = latestVersion(migrations);
  if (version > known) throw new DatabaseTooNewError(db.name, version, known);
  return version;
}

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  assertWellOrdered(migrations);
  const from = assertKnownVersion(db, migrations);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  if (db.readonly) {
    throw new AppError(
      'read_only',
      `database ${db.name} is at schema version ${from} and needs migrating to ${latestVersion(migrations)}; open it writable once`,
    );
  }

  // SQLite's documented procedure for schema changes: foreign keys off while tables may be rebuilt
  // (the pragma is a no-op inside a transaction), then verify them before committing.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      const apply = db.transaction(() => {
        // Another process may have migrated between our read and our write lock.
        if (schemaVersion(db) >= m.version) return;
        db.exec(m.sql);
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`it left ${violations.length} foreign key violation(s)`);
        db.pragma(`user_version = ${m.version}`);
      });
      try {
        apply.immediate();
      } catch (e) {
        throw new MigrationFailedError(db.name, m.name, schemaVersion(db), e);
      }
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: schemaVersion(db) };
}

function assertWellOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
