// Opens the embedded store: checks the file before changing anything in it, then migrates.
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../app/contract/errors';
import { backupBeforeMigration, backupNow, backupTo, KEEP_BACKUPS, type BackupReason } from './backup';
import { DatabaseCorruptError } from './errors';
import { assertKnownVersion, latestVersion, migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { SqliteQaEditor } from './qa-editor';
import type {
  AnnotatorRepository,
  InstanceEditor,
  LayoutEditor,
  LayoutVersionRepository,
  QaEditor,
  QaItemRepository,
  QaReviewQueries,
  SceneRepository,
  SceneVersionRepository,
  SettingsRepository,
  SuperpointSetRepository,
} from './repositories';
import { SqliteAnnotatorRepository } from './sqlite/annotators';
import { SqliteHistoryRepository } from './sqlite/history';
import { SqliteInstanceEditor } from './sqlite/instance-history';
import { SqliteLayoutVersionRepository } from './sqlite/layout-versions';
import { SqliteLayoutEditor } from './sqlite/layout-history';
import { SqliteQaItemRepository } from './sqlite/qa-items';
import { SqliteQaReviewQueries } from './sqlite/qa-review';
import { SqliteSceneVersionRepository } from './sqlite/scene-versions';
import { SqliteSceneRepository } from './sqlite/scenes';
import { SqliteSettingsRepository } from './sqlite/settings';
import { SqliteSuperpointSetRepository } from './sqlite/superpoint-sets';

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  readonly scenes: SceneRepository;
  readonly qaItems: QaItemRepository;
  /** A person's changes to saved items, with persisted undo/redo. */
  readonly editor: QaEditor;
  /** Accepting a segmentation: a scene's instances replaced as one undo step (undone through `editor`). */
  readonly instanceEditor: InstanceEditor;
  readonly sceneVersions: SceneVersionRepository;
  readonly superpoints: SuperpointSetRepository;
  readonly annotators: AnnotatorRepository;
  readonly settings: SettingsRepository;
  /** Accepted layout edits (saveVersion / listVersions / getVersion). */
  readonly layouts: LayoutVersionRepository;
  /** Applying / restoring a layout version as one undo step (undone through `editor`). */
  readonly layoutEditor: LayoutEditor;
  /** Review queue pages, stored generated ids and statistics rows. */
  readonly qaReview: QaReviewQueries;
  /** An online copy into the backup folder (newest KEEP_BACKUPS of each reason kept); resolves to its path. */
  backupNow(reason?: Exclude<BackupReason, 'pre-migration'>): Promise<string>;
  /** An online copy to any path (project export); whole or absent, never half written. */
  backupTo(file: string): Promise<void>;
  /** Idempotent. */
  close(): void;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Tests pass their own list; the app uses the shipped one. */
  migrations?: readonly Migration[];
  /** Where backups go; default `backups/` beside the database file. */
  backupDir?: string;
  /** How many backups of each kind to keep. */
  keepBackups?: number;
}

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;
/** Above this size the full integrity_check would delay startup too long; quick_check still reads every page. */
const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024;

export function openDatabase(file: string, options: OpenOptions = {}): Store {
  const migrations = options.migrations ?? MIGRATIONS;
  const readonly = options.readonly ?? false;
  const memory = file === ':memory:' || file === '';
  if (!memory && !readonly) mkdirSync(dirname(resolve(file)), { recursive: true });

  let db: Database.Database;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    if (readonly && errorCode(e) === 'SQLITE_CANTOPEN') throw new AppError('not_found', `database ${file} does not exist or cannot be read`);
    throw translate(e, file);
  }

  try {
    // Order matters: a file from a newer Scenewright, or a damaged one, is refused before WAL mode
    // or a migration writes anything into it.
    const version = assertKnownVersion(db, migrations);
    checkIntegrity(db, file, memory);
    const backupDir = options.backupDir ?? join(dirname(resolve(file)), 'backups');
    const keep = options.keepBackups ?? KEEP_BACKUPS;
    // A copy of the data as it was, before a migration rewrites it; an empty new file has nothing to save.
    if (!memory && !readonly && version > 0 && version < latestVersion(migrations)) backupBeforeMigration(db, backupDir, keep);
    if (!memory && !readonly) db.pragma('journal_mode = WAL');
    // FULL: a verified answer that was reported saved survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return createStore(db, file, memory ? null : backupDir, keep);
  } catch (e) {
    db.close();
    throw translate(e, file);
  }
}

function createStore(db: Database.Database, file: string, backupDir: string | null, keep: number): Store {
  // Repositories prepare their statements once, here.
  const scenes = new SqliteSceneRepository(db);
  const qaItems = new SqliteQaItemRepository(db);
  const history = new SqliteHistoryRepository(db);
  const superpoints = new SqliteSuperpointSetRepository(db);
  // Accepted segmentations share the scene's undo stack with QA edits.
  const instanceEditor = new SqliteInstanceEditor(db, scenes, superpoints, history);
  // Accepted layout edits move a per-scene version pointer, undone through the same stack.
  const settings = new SqliteSettingsRepository(db);
  const layouts = new SqliteLayoutVersionRepository(db);
  const layoutEditor = new SqliteLayoutEditor(db, layouts, settings, history);
  const editor = new SqliteQaEditor(db, qaItems, history, [instanceEditor, layoutEditor]);
  return {
    db,
    file,
    scenes,
    qaItems,
    editor,
    instanceEditor,
    sceneVersions: new SqliteSceneVersionRepository(db),
    superpoints,
    annotators: new SqliteAnnotatorRepository(db),
    settings,
    layouts,
    layoutEditor,
    qaReview: new SqliteQaReviewQueries(db),
    async backupNow(reason = 'scheduled') {
      if (!backupDir) throw new AppError('invalid_input', 'an in-memory database has no backup folder; expected a database file');
      return backupNow(db, backupDir, keep, new Date(), reason);
    },
    backupTo: (target) => backupTo(db, target),
    close() {
      if (db.open) db.close();
    },
  };
}

function checkIntegrity(db: Database.Database, file: string, memory: boolean): void {
  const big = !memory && statSync(file).size > FULL_CHECK_MAX_BYTES;
  const rows = db.pragma(big ? 'quick_check(20)' : 'integrity_check(20)', { simple: false }) as Record<string, string>[];
  const problems = rows.map((r) => String(Object.values(r)[0]));
  if (problems.length !== 1 || problems[0] !== 'ok') throw new DatabaseCorruptError(file, problems);
}

function translate(e: unknown, file: string): unknown {
  if (e instanceof AppError) return e;
  const code = errorCode(e);
  if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseCorruptError(file, [e instanceof Error ? e.message : String(e)]);
  }
  return e;
}

function errorCode(e: unknown): string | undefined {
  return e instanceof Database.SqliteError ? e.code : undefined;
}
