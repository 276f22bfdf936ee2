// Copies of the database in <dataDir>/backups: one before every migration of a database that
// already holds data, and one whenever the host's schedule calls backupNow(). Each kind keeps its
// newest N. A copy is written under a temporary name and renamed, so a crash mid-copy never leaves
// a half file that looks like a backup.
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type BackupReason = 'pre-migration' | 'scheduled' | 'pre-import';

export const KEEP_BACKUPS = 10;

export interface BackupInfo {
  file: string;
  reason: BackupReason;
  /** Schema version of the copy. */
  version: number;
  takenAt: Date;
}

const NAME = /^scenewright-(\d{8}T\d{9}Z)-v(\d+)-(pre-migration|scheduled|pre-import)\.db$/;

/** Fixed-width UTC stamp, so that name order is time order. */
const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

function target(dir: string, reason: BackupReason, version: number, now: Date): string {
  mkdirSync(dir, { recursive: true });
  // Two copies in one millisecond would share a name; the later one moves a millisecond on.
  for (let t = now.getTime(); ; t++) {
    const file = join(dir, `scenewright-${stamp(new Date(t))}-v${version}-${reason}.db`);
    if (!existsSync(file)) return file;
  }
}

/**
 * Synchronous on purpose: it runs while the database is being opened, before any migration, when
 * nothing else may touch the file yet. VACUUM INTO writes a consistent, compacted copy.
 */
export function backupBeforeMigration(db: Database.Database, dir: string, keep = KEEP_BACKUPS, now = new Date()): string {
  const version = db.pragma('user_version', { simple: true }) as number;
  const file = target(dir, 'pre-migration', version, now);
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  db.prepare('VACUUM INTO ?').run(tmp);
  renameSync(tmp, file);
  prune(dir, 'pre-migration', keep);
  return file;
}

/** An online copy (SQLite's backup API, in steps) that does not block writers for long. */
export async function backupNow(db: Database.Database, dir: string, keep = KEEP_BACKUPS, now = new Date(), reason: BackupReason = 'scheduled'): Promise<string> {
  const version = db.pragma('user_version', { simple: true }) as number;
  const file = target(dir, reason, version, now);
  await backupTo(db, file);
  prune(dir, reason, keep);
  return file;
}

/** An online copy to `file` (replaced if present), through a temporary name so it is whole or absent. */
export async function backupTo(db: Database.Database, file: string): Promise<void> {
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Oldest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = NAME.exec(name);
    if (!m) continue;
    const s = m[1]!;
    const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
    out.push({ file: join(dir, name), reason: m[3] as BackupReason, version: Number(m[2]), takenAt: new Date(iso) });
  }
  return out;
}

function prune(dir: string, reason: BackupReason, keep: number): void {
  const mine = listBackups(dir).filter((b) => b.reason === reason);
  for (const old of mine.slice(0, Math.max(0, mine.length - keep))) rmSync(old.file, { force: true });
}
