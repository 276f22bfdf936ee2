// Folder uploads for the web bridge: a browser picks or drops a scene folder, and its files arrive one
// request each as `POST UPLOAD_PATH?folder=<id>&path=<relative path>`, stored under
// `<uploadDir>/<id>/<relative path>` with the folder's layout kept (readers detect formats by it).
// Relative paths are checked, not cleaned: `..`, absolute paths, drive letters, backslashes and
// control characters are refused, so nothing can land outside the upload's own folder.
import { mkdir, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { UploadResult } from '../../app/contract/bridge-protocol';
import { streamToFile, UploadTooLarge } from './upload';

/** A client-chosen random id (hex): one folder per picked or dropped folder. */
export const FOLDER_ID_PATTERN = /^[0-9a-f]{16,64}$/;
export const MAX_FOLDER_FILES = 20_000;
const MAX_PATH_CHARS = 1024;
const MAX_DEPTH = 32;
const MAX_SEGMENT_CHARS = 255;

const refuse = (what: string, why: string) => new AppError('invalid_input', `upload path ${JSON.stringify(what)}: ${why}`, { path: what });

/** The checked '/'-separated segments of a relative path, or an invalid_input error saying what is wrong. */
export function checkRelativePath(raw: string | null): string[] {
  const path = raw ?? '';
  if (path === '') throw refuse(path, 'a relative path is required');
  if (path.length > MAX_PATH_CHARS) throw refuse(path.slice(0, 80), `longer than ${MAX_PATH_CHARS} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) throw refuse(path, 'control characters are not allowed');
  if (path.includes('\\')) throw refuse(path, 'use "/" between folders, not "\\"');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw refuse(path, 'must be relative to the uploaded folder');
  const segments = path.split('/');
  if (segments.length > MAX_DEPTH) throw refuse(path, `deeper than ${MAX_DEPTH} folders`);
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') throw refuse(path, `"${s}" is not a file or folder name`);
    if (s.length > MAX_SEGMENT_CHARS) throw refuse(path, `a name is longer than ${MAX_SEGMENT_CHARS} characters`);
  }
  return segments;
}

export interface FolderUploadLimits {
  /** Largest single file. */
  fileBytes: number;
  /** Largest folder, all files together. */
  folderBytes: number;
  /** Most files per folder. */
  files?: number;
}

/** Receives folder uploads; remembers each folder's totals for the life of the bridge. */
export class FolderUploads {
  private readonly totals = new Map<string, { bytes: number; files: number }>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly uploadDir: string,
    private readonly limits: FolderUploadLimits,
  ) {}

  async receive(req: IncomingMessage, folderId: string | null, rawPath: string | null): Promise<UploadResult> {
    if (!folderId || !FOLDER_ID_PATTERN.test(folderId)) throw new AppError('invalid_input', 'upload folder id must be 16 to 64 lower-case hex digits', { folder: folderId });
    const segments = checkRelativePath(rawPath);
    const folder = join(this.uploadDir, folderId);
    const final = resolve(folder, ...segments);
    // The checks above already exclude escapes; this is the last line of defence.
    const rel = relative(folder, final);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) throw refuse(rawPath ?? '', 'leaves the upload folder');

    const total = this.totals.get(folderId) ?? { bytes: 0, files: 0 };
    const maxFiles = this.limits.files ?? MAX_FOLDER_FILES;
    if (total.files >= maxFiles) throw new AppError('invalid_input', `upload folder holds ${maxFiles} files already (the most allowed)`, { folder: folderId });
    const room = Math.min(this.limits.fileBytes, this.limits.folderBytes - total.bytes);
    const declared = Number(req.headers['content-length']);
    if (room <= 0 || (Number.isFinite(declared) && declared > room)) throw new UploadTooLarge(Math.max(0, room));
    if (this.pending.has(final) || (await stat(final).catch(() => null))) throw refuse(rawPath ?? '', 'this folder already has that file');

    this.pending.add(final);
    try {
      await mkdir(join(final, '..'), { recursive: true });
      const bytes = await streamToFile(req, final, room);
      this.totals.set(folderId, { bytes: total.bytes + bytes, files: total.files + 1 });
      return { path: final, bytes, folder };
    } finally {
      this.pending.delete(final);
    }
  }
}
