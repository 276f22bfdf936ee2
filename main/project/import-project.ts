// Reads a `.swproj` file back into a data folder. The whole file is verified (header, manifest
// checksum, every chunk, every entry, the total) before anything in the data folder is touched; then
// the entries are copied into a staging folder, re-checked chunk by chunk as they are written, the
// database is opened (integrity check, migrations), and the files are moved into place with the
// database last, so a crash midway leaves the previous database in charge.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { openDatabase } from '../../db';
import { lockDataDir } from '../host/data-dir-lock';
import { DATABASE_FILE } from '../host/services';
import { SCENES_DIR } from '../import/scene-cache';
import { readChunk, type ProjectProgress } from './export-project';
import { CHUNK_SIZE, DATABASE_ENTRY, decodeHeader, HEADER_SIZE, parseManifest, ProjectFileError, type ProjectEntry, type ProjectManifest } from './format';

export interface ImportProjectOptions {
  file: string;
  dataDir: string;
  /**
   * A data folder that holds a database is refused unless this is set; then its database is first
   * copied into backups/ (reason pre-import) and replaced. Scene caches of the same name are replaced,
   * others are kept (the backup may still need them).
   */
  replace?: boolean;
  onProgress?: ProjectProgress;
}

export interface ImportProjectResult {
  dataDir: string;
  bytes: number;
  sha256: string;
  /** The schema version in the file; the database is migrated to the current one on import. */
  schemaVersion: number;
  scenes: number;
  qaItems: number;
  /** The copy of the database that was replaced; null when there was none. */
  backup: string | null;
}

interface OpenProject {
  fh: FileHandle;
  file: string;
  manifest: ProjectManifest;
  bytes: number;
}

async function openProject(file: string): Promise<OpenProject> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? 'not_found' : 'bad_file', `${file}: cannot be read (${code ?? String(e)})`, { file });
  }
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(HEADER_SIZE);
    await fh.read(head, 0, Math.min(HEADER_SIZE, size), 0);
    const header = decodeHeader(head, size, file);
    const manifestBytes = Buffer.alloc(header.manifestLength);
    await readChunk(fh, manifestBytes, header.manifestLength, header.manifestOffset, file);
    if (!createHash('sha256').update(manifestBytes).digest().equals(header.manifestSha256)) {
      throw new ProjectFileError(file, header.manifestOffset, `manifest checksum mismatch in bytes ${header.manifestOffset}–${header.totalSize - 1}: the file is damaged`);
    }
    return { fh, file, manifest: parseManifest(manifestBytes, header, file), bytes: size };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

/**
 * Streams every entry, checking each chunk against the manifest before handing it on, then each
 * entry's and the whole region's SHA-256. A mismatch names the entry and the chunk's byte range.
 */
async function streamEntries(
  p: OpenProject,
  onChunk: (entry: ProjectEntry, chunk: Buffer, at: number) => Promise<void>,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const total = p.manifest.entries.reduce((n, e) => n + e.size, 0);
  const region = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK_SIZE);
  let seen = 0;
  for (const e of p.manifest.entries) {
    const whole = createHash('sha256');
    for (let i = 0, at = 0; at < e.size; i++) {
      const chunk = await readChunk(p.fh, buf, Math.min(CHUNK_SIZE, e.size - at), e.offset + at, p.file);
      if (createHash('sha256').update(chunk).digest('hex') !== e.chunks[i]) {
        const from = e.offset + at;
        throw new ProjectFileError(p.file, from, `checksum mismatch in ${e.path} (bytes ${from}–${from + chunk.length - 1}): the file is damaged`);
      }
      whole.update(chunk);
      region.update(chunk);
      await onChunk(e, chunk, at);
      at += chunk.length;
      seen += chunk.length;
      onProgress(seen, total);
    }
    if (whole.digest('hex') !== e.sha256) throw new ProjectFileError(p.file, e.offset, `checksum mismatch in ${e.path}: the entry's SHA-256 differs from the manifest`);
  }
  if (region.digest('hex') !== p.manifest.sha256) throw new ProjectFileError(p.file, HEADER_SIZE, 'checksum mismatch: the SHA-256 over all entries differs from the manifest');
}

/** Reads and checks the whole file without writing anything; returns its manifest. */
export async function verifyProjectFile(file: string, onProgress: ProjectProgress = () => {}): Promise<ProjectManifest> {
  const p = await openProject(resolve(file));
  try {
    await streamEntries(p, async () => {}, (done, total) => onProgress('Verifying', done, total));
    return p.manifest;
  } finally {
    await p.fh.close();
  }
}

export async function importProject(options: ImportProjectOptions): Promise<ImportProjectResult> {
  const file = resolve(options.file);
  const dataDir = resolve(options.dataDir);
  const progress = options.onProgress ?? (() => {});
  const p = await openProject(file);
  try {
    // 1. Verify everything; nothing outside this file has been touched yet.
    await streamEntries(p, async () => {}, (done, total) => progress('Verifying', done, total));

    // 2. The data folder: ours alone, and empty of saved work unless replacing was asked for.
    const lock = lockDataDir(dataDir);
    if (!lock.acquired) throw new AppError('read_only', `another Scenewright (pid ${lock.holderPid}) has ${dataDir} open; close it, then import`, { dataDir });
    try {
      const dbFile = join(dataDir, DATABASE_FILE);
      if (existsSync(dbFile) && !options.replace) {
        throw new AppError('invalid_input', `${dataDir} already holds saved work (${DATABASE_FILE}); import into a new folder, or replace it (its database is backed up first)`, { dataDir });
      }
      const staging = join(dataDir, `.project-import-${randomBytes(6).toString('hex')}`);
      try {
        // 3. Copy into staging, each chunk checked again as it is written (the file could change).
        await mkdir(join(staging, SCENES_DIR), { recursive: true });
        const handles = new Map<string, FileHandle>();
        try {
          await streamEntries(
            p,
            async (entry, chunk, at) => {
              let out = handles.get(entry.path);
              if (!out) {
                out = await open(join(staging, entry.path), 'w');
                handles.set(entry.path, out);
              }
              for (let done = 0; done < chunk.length; ) done += (await out.write(chunk, done, chunk.length - done, at + done)).bytesWritten;
            },
            (done, total) => progress('Copying', done, total),
          );
          for (const [path, h] of handles) {
            await h.sync();
            await h.close();
            handles.delete(path);
          }
        } finally {
          for (const h of handles.values()) await h.close().catch(() => {});
        }
        // Entries of size 0 wrote no chunk; create them so every entry exists.
        for (const e of p.manifest.entries) if (e.size === 0) await (await open(join(staging, e.path), 'w')).close();

        // 4. Open the copy as the app will: integrity check, then migrations from an older schema.
        progress('Checking the database', 0, 1);
        const staged = openDatabase(join(staging, DATABASE_ENTRY), { backupDir: join(dataDir, 'backups') });
        let qaItems: number;
        try {
          qaItems = staged.qaItems.list({ limit: 1, offset: 0 }).total;
        } finally {
          staged.close();
        }

        // 5. Keep what is being replaced, then move caches and, last, the database into place.
        let backup: string | null = null;
        if (existsSync(dbFile)) {
          const current = openDatabase(dbFile, { backupDir: join(dataDir, 'backups') });
          try {
            backup = await current.backupNow('pre-import');
          } finally {
            current.close();
          }
        }
        await mkdir(join(dataDir, SCENES_DIR), { recursive: true });
        const scenes = p.manifest.entries.filter((e) => e.path !== DATABASE_ENTRY);
        for (const e of scenes) await rename(join(staging, e.path), join(dataDir, e.path));
        for (const suffix of ['-wal', '-shm']) await rm(`${dbFile}${suffix}`, { force: true });
        await rename(join(staging, DATABASE_ENTRY), dbFile);
        progress('Imported', 1, 1);
        return { dataDir, bytes: p.bytes, sha256: p.manifest.sha256, schemaVersion: p.manifest.schemaVersion, scenes: scenes.length, qaItems, backup };
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    } finally {
      lock.lock.release();
    }
  } finally {
    await p.fh.close();
  }
}

