// The upload folder of the web bridge (<dataDir>/uploads, main/bridge/upload.ts): each dropped file
// lands in a folder of its own, `<uploads>/<random id>/<name>` (a dropped scene folder keeps its
// layout below `<id>/`). Uploads are inputs, not saved work: an audit removes what it has read, and
// a writable host removes uploads left over from earlier sessions once they are a day old.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Files dropped onto the web UI land here (below the data folder) before they are read. */
export const UPLOADS_DIR = 'uploads';

/** How old an upload must be before a starting host removes it. */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

export const uploadDirOf = (dataDir: string) => join(dataDir, UPLOADS_DIR);

/** True when `path` lies inside `uploadDir` (not the folder itself). */
export function isUpload(uploadDir: string, path: string): boolean {
  const rel = relative(resolve(uploadDir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel);
}

/**
 * Removes an uploaded file after use: its whole upload folder when the file is that folder's only
 * content (a single dropped file), else the file alone. Paths outside `uploadDir` are left alone.
 * Never throws: a leftover is swept later.
 */
export async function removeUpload(uploadDir: string, path: string): Promise<boolean> {
  if (!isUpload(uploadDir, path)) return false;
  const parts = relative(resolve(uploadDir), resolve(path)).split(sep);
  const target = parts.length === 2 ? dirname(resolve(path)) : resolve(path);
  try {
    await rm(target, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

/** Newest modification time of an entry and everything below it (links are not followed). */
function newestMtime(path: string): number {
  const s = lstatSync(path);
  let newest = s.mtimeMs;
  if (s.isDirectory()) for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Removes every upload (top-level entry of `uploadDir`) whose newest file is older than `maxAgeMs`.
 * Answers the names removed; a missing folder is nothing to do, an entry that cannot be read or
 * removed is skipped (reported through `log`).
 */
export function sweepStaleUploads(uploadDir: string, options: { maxAgeMs?: number; now?: number; log?(line: string): void } = {}): string[] {
  const { maxAgeMs = STALE_UPLOAD_MS, now = Date.now() } = options;
  let names: string[];
  try {
    names = readdirSync(uploadDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const path = join(uploadDir, name);
    try {
      if (now - newestMtime(path) < maxAgeMs) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch (err) {
      options.log?.(`stale upload ${path} not removed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return removed;
}
