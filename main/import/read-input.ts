// Reads a scan file or scene folder from disk into the loader's byte input, and hashes the content
// so a re-import of the same bytes is recognised whatever the path.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { SceneInput } from '../../app/scene/load';

export interface ReadInput {
  input: SceneInput;
  /** SHA-256 hex of the file's bytes; for a folder, of every file's relative path, size and bytes in path order. */
  contentHash: string;
  byteLength: number;
}

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

export async function readSceneInput(path: string): Promise<ReadInput> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new AppError('not_found', `${path}: no such file or folder`, { path, cause: (err as NodeJS.ErrnoException).code });
  }
  const hash = createHash('sha256');
  if (info.isFile()) {
    const bytes = new Uint8Array(await readFile(path));
    hash.update(bytes);
    return { input: { kind: 'file', name: basename(path), bytes }, contentHash: hash.digest('hex'), byteLength: bytes.byteLength };
  }
  if (!info.isDirectory()) throw new AppError('invalid_input', `${path}: expected a file or a folder`);
  const paths = (await listFiles(path)).sort();
  const files: Record<string, Uint8Array> = {};
  let byteLength = 0;
  for (const p of paths) {
    const bytes = new Uint8Array(await readFile(join(path, p)));
    files[p] = bytes;
    byteLength += bytes.byteLength;
    // Path and length delimit each file, so moving bytes between files changes the hash.
    hash.update(`${p}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return { input: { kind: 'folder', name: basename(path), files }, contentHash: hash.digest('hex'), byteLength };
}
