// Reads a scan file or scene folder from disk into the loader's byte input, and hashes the content
// so a re-import of the same bytes is recognised whatever the path.
import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { SceneInput } from '../../app/scene/load';
import { splitScenePart } from './scene-part';

export interface ReadInput {
  input: SceneInput;
  /** SHA-256 hex of the file's bytes; for a folder, of every file's relative path, size and bytes in path order. */
  contentHash: string;
  byteLength: number;
}

export interface ReadOptions {
  /** Bytes read so far of the total, reported every READ_CHUNK bytes and at the end. */
  onBytes?(done: number, total: number): void;
}

/** Read size per call: big enough to be fast, small enough for steady progress. */
const READ_CHUNK = 16 * 2 ** 20;

/** Folder entries never part of a scene (editor and OS litter). */
const SKIP = new Set(['.DS_Store', 'Thumbs.db', '.git']);

async function listFiles(root: string, dir = root, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(root, full, out);
    else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/**
 * Reads a file into one exactly-sized buffer (no growing copies, no pooled slab), in chunks so
 * progress can be reported and the hash updated as it goes.
 */
async function readWhole(path: string, size: number, hash: ReturnType<typeof createHash>, progress: (n: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  const fh = await open(path, 'r');
  try {
    for (let at = 0; at < size; ) {
      const { bytesRead } = await fh.read(bytes, at, Math.min(READ_CHUNK, size - at), at);
      if (bytesRead <= 0) throw new AppError('bad_file', `${path}: file shrank while being read (expected ${size} bytes, got ${at})`, { path });
      hash.update(bytes.subarray(at, at + bytesRead));
      at += bytesRead;
      progress(bytesRead);
    }
  } finally {
    await fh.close();
  }
  return bytes;
}

export async function readSceneInput(path: string, options: ReadOptions = {}): Promise<ReadInput> {
  let info;
  let part: string | undefined;
  try {
    info = await stat(path);
  } catch (err) {
    // `meta.json#<scene>`: one scene of a multi-scene file; the part is hashed with the bytes.
    const split = splitScenePart(path);
    const whole = split.part === undefined ? undefined : await stat(split.file).catch(() => undefined);
    if (!whole?.isFile()) throw new AppError('not_found', `${path}: no such file or folder`, { path, cause: (err as NodeJS.ErrnoException).code });
    info = whole;
    part = split.part;
    path = split.file;
  }
  const hash = createHash('sha256');
  let done = 0;
  let total = 0;
  const progress = (n: number) => {
    done += n;
    options.onBytes?.(done, total);
  };
  if (info.isFile()) {
    total = info.size;
    const bytes = await readWhole(path, info.size, hash, progress);
    if (part !== undefined) hash.update(`\0#${part}`);
    return { input: { kind: 'file', name: basename(path), bytes, ...(part !== undefined ? { part } : {}) }, contentHash: hash.digest('hex'), byteLength: bytes.byteLength };
  }
  if (!info.isDirectory()) throw new AppError('invalid_input', `${path}: expected a file or a folder`);
  const paths = (await listFiles(path)).sort();
  const sizes = await Promise.all(paths.map(async (p) => (await stat(join(path, p))).size));
  total = sizes.reduce((a, b) => a + b, 0);
  const files: Record<string, Uint8Array> = {};
  let byteLength = 0;
  for (const [i, p] of paths.entries()) {
    // Path and length delimit each file, so moving bytes between files changes the hash.
    hash.update(`${p}\0${sizes[i]}\0`);
    const bytes = await readWhole(join(path, p), sizes[i]!, hash, progress);
    files[p] = bytes;
    byteLength += bytes.byteLength;
  }
  return { input: { kind: 'folder', name: basename(path), files }, contentHash: hash.digest('hex'), byteLength };
}
