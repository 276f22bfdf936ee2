// Writes a data folder's saved work into one `.swproj` file (see format.ts): an online backup of the
// database, then every scene cache. The database is copied first: an import writes its cache before
// it records the scene, so every scene in the copy finds its cache in the list taken afterwards.
import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { APP_VERSION } from '../../app/version';
import type { Store } from '../../db';
import { CACHE_EXTENSION, SCENES_DIR } from '../import/scene-cache';
import {
  CHUNK_SIZE,
  DATABASE_ENTRY,
  encodeHeader,
  FORMAT_VERSION,
  HEADER_SIZE,
  SCENE_ENTRY,
  type ProjectEntry,
  type ProjectManifest,
} from './format';

export type ProjectProgress = (label: string, done: number, total: number) => void;

export interface ExportProjectOptions {
  dataDir: string;
  /** The data folder's open store (the host's, or one the CLI opened). */
  store: Store;
  /** Where to write the project file; replaced when it exists. */
  file: string;
  onProgress?: ProjectProgress;
  signal?: AbortSignal;
  now?: Date;
}

export interface ExportProjectResult {
  file: string;
  bytes: number;
  /** SHA-256 over all entry bytes, as stored in the manifest. */
  sha256: string;
  schemaVersion: number;
  scenes: number;
  entries: { path: string; size: number }[];
}

interface Source {
  path: string;
  file: string;
  size: number;
}

export async function exportProject(options: ExportProjectOptions): Promise<ExportProjectResult> {
  const out = resolve(options.file);
  const progress = options.onProgress ?? (() => {});
  const tag = randomBytes(6).toString('hex');
  const dbCopy = join(dirname(out), `.${basename(out)}.${tag}.db.tmp`);
  const partial = join(dirname(out), `.${basename(out)}.${tag}.partial`);
  try {
    progress('Copying the database', 0, 1);
    await options.store.backupTo(dbCopy);
    const schemaVersion = options.store.db.pragma('user_version', { simple: true }) as number;
    const sources: Source[] = [{ path: DATABASE_ENTRY, file: dbCopy, size: (await stat(dbCopy)).size }, ...(await sceneCaches(options.dataDir))];
    const total = sources.reduce((n, s) => n + s.size, 0);

    const fh = await open(partial, 'w');
    let manifestJson: Buffer;
    try {
      // Zeros until the end: a file whose export died is refused as incomplete, never half-read.
      await writeAll(fh, Buffer.alloc(HEADER_SIZE), 0);
      const region = createHash('sha256');
      const entries: ProjectEntry[] = [];
      let at = HEADER_SIZE;
      const buf = Buffer.allocUnsafe(CHUNK_SIZE);
      const cancelled = () => {
        if (options.signal?.aborted) throw new AppError('cancelled', `export to ${out} was cancelled; no file was written`, { file: out });
      };
      for (const s of sources) {
        const entry = await copyEntry(fh, s, at, buf, region, (done) => {
          cancelled();
          progress(`Writing ${s.path}`, at - HEADER_SIZE + done, total);
        });
        entries.push(entry);
        at += entry.size;
      }
      const manifest: ProjectManifest = {
        format: 'scenewright-project',
        version: FORMAT_VERSION,
        createdAt: (options.now ?? new Date()).toISOString(),
        appVersion: APP_VERSION,
        schemaVersion,
        chunkSize: CHUNK_SIZE,
        entries,
        sha256: region.digest('hex'),
      };
      manifestJson = Buffer.from(JSON.stringify(manifest), 'utf8');
      await writeAll(fh, manifestJson, at);
      const header = encodeHeader({
        totalSize: at + manifestJson.length,
        manifestOffset: at,
        manifestLength: manifestJson.length,
        manifestSha256: createHash('sha256').update(manifestJson).digest(),
      });
      await writeAll(fh, header, 0);
      await fh.sync();
      await fh.close();
      await rename(partial, out);
      progress('Exported', total, total);
      return {
        file: out,
        bytes: at + manifestJson.length,
        sha256: manifest.sha256,
        schemaVersion,
        scenes: sources.length - 1,
        entries: entries.map(({ path, size }) => ({ path, size })),
      };
    } catch (e) {
      await fh.close().catch(() => {});
      throw e;
    }
  } finally {
    await rm(dbCopy, { force: true });
    await rm(partial, { force: true });
  }
}

/** Every finished cache file, by name (temporary files of an import in progress are skipped). */
async function sceneCaches(dataDir: string): Promise<Source[]> {
  const dir = join(dataDir, SCENES_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: Source[] = [];
  for (const name of names.sort()) {
    const path = `${SCENES_DIR}/${name}`;
    if (!name.endsWith(CACHE_EXTENSION) || !SCENE_ENTRY.test(path)) continue;
    const st = await stat(join(dir, name));
    if (st.isFile()) out.push({ path, file: join(dir, name), size: st.size });
  }
  return out;
}

async function copyEntry(
  fh: FileHandle,
  s: Source,
  offset: number,
  buf: Buffer,
  region: ReturnType<typeof createHash>,
  onBytes: (done: number) => void,
): Promise<ProjectEntry> {
  const src = await open(s.file, 'r');
  try {
    const whole = createHash('sha256');
    const chunks: string[] = [];
    for (let done = 0; done < s.size; ) {
      const piece = await readChunk(src, buf, Math.min(CHUNK_SIZE, s.size - done), done, s.file);
      whole.update(piece);
      region.update(piece);
      chunks.push(createHash('sha256').update(piece).digest('hex'));
      await writeAll(fh, piece, offset + done);
      done += piece.length;
      onBytes(done);
    }
    return { path: s.path, offset, size: s.size, sha256: whole.digest('hex'), chunks };
  } finally {
    await src.close();
  }
}

/** Exactly `want` bytes from `position` into the start of buf (reads may come back short). */
export async function readChunk(src: FileHandle, buf: Buffer, want: number, position: number, file: string): Promise<Buffer> {
  for (let at = 0; at < want; ) {
    const { bytesRead } = await src.read(buf, at, want - at, position + at);
    if (bytesRead === 0) throw new AppError('internal', `${file} ends at byte ${position + at}, expected ${want - at} more bytes; it changed while being read`);
    at += bytesRead;
  }
  return buf.subarray(0, want);
}

async function writeAll(fh: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.byteLength; ) {
    done += (await fh.write(bytes, done, bytes.byteLength - done, position + done)).bytesWritten;
  }
}
