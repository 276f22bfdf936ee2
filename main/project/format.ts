// The `.swproj` project file: one file holding a data folder's saved work (the SQLite database, as an
// online backup, and every scene cache), verified by SHA-256 before anything is imported.
//
// Layout (all integers little-endian):
//   0   8 bytes  magic "SWPROJ\r\n" (the CR LF catches text-mode transfers, as in PNG)
//   8   u32      format version (1)
//   12  u32      reserved, 0
//   16  u64      total file size
//   24  u64      manifest offset
//   32  u64      manifest length
//   40  32 bytes SHA-256 of the manifest bytes
//   72  …        entry bytes, back to back, in manifest order
//   manifest offset: the manifest, UTF-8 JSON (ProjectManifest below), to the end of the file
// The header is written last, so an export that died midway has a zero size and is refused as
// incomplete. Each entry carries its SHA-256 and one SHA-256 per CHUNK_SIZE bytes, so a damaged
// file is reported with the byte range that differs, not just "checksum mismatch".
import { z } from 'zod';
import { AppError } from '../../app/contract/errors';

export const PROJECT_EXTENSION = '.swproj';
export const MAGIC = Buffer.from('SWPROJ\r\n', 'latin1');
export const FORMAT_VERSION = 1;
export const HEADER_SIZE = 72;
export const CHUNK_SIZE = 4 * 2 ** 20;
export const DATABASE_ENTRY = 'scenewright.db';
/** Scene caches as the data folder names them: scenes/<id>.swscene with a plain file name. */
export const SCENE_ENTRY = /^scenes\/[A-Za-z0-9][A-Za-z0-9._-]{0,199}\.swscene$/;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ProjectEntry = z.object({
  path: z.string().refine((p) => p === DATABASE_ENTRY || SCENE_ENTRY.test(p), {
    message: `expected "${DATABASE_ENTRY}" or "scenes/<id>.swscene"`,
  }),
  offset: z.number().int().min(HEADER_SIZE),
  size: z.number().int().nonnegative(),
  sha256: Sha256,
  /** SHA-256 of each CHUNK_SIZE piece of the entry, in order. */
  chunks: z.array(Sha256),
});
export type ProjectEntry = z.infer<typeof ProjectEntry>;

export const ProjectManifest = z.object({
  format: z.literal('scenewright-project'),
  version: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  /** The database's schema version (user_version) when it was exported. */
  schemaVersion: z.number().int().nonnegative(),
  chunkSize: z.literal(CHUNK_SIZE),
  entries: z.array(ProjectEntry),
  /** SHA-256 over every entry byte, from HEADER_SIZE to the manifest. */
  sha256: Sha256,
});
export type ProjectManifest = z.infer<typeof ProjectManifest>;

export interface ProjectHeader {
  totalSize: number;
  manifestOffset: number;
  manifestLength: number;
  manifestSha256: Buffer;
}

/** A project file that is damaged, cut short or not a project file: names the file and the byte. */
export class ProjectFileError extends AppError {
  constructor(
    readonly file: string,
    readonly offset: number,
    expected: string,
  ) {
    super('bad_file', `${file}: at byte ${offset}: ${expected}`, { file, offset });
    this.name = 'ProjectFileError';
  }
}

export function encodeHeader(h: ProjectHeader): Buffer {
  const b = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(b, 0);
  b.writeUInt32LE(FORMAT_VERSION, 8);
  b.writeBigUInt64LE(BigInt(h.totalSize), 16);
  b.writeBigUInt64LE(BigInt(h.manifestOffset), 24);
  b.writeBigUInt64LE(BigInt(h.manifestLength), 32);
  h.manifestSha256.copy(b, 40);
  return b;
}

/** Checks everything the header alone can tell, against the file's actual size. */
export function decodeHeader(b: Buffer, fileSize: number, file: string): ProjectHeader {
  if (fileSize < HEADER_SIZE) {
    if (fileSize >= MAGIC.length && !b.subarray(0, MAGIC.length).equals(MAGIC)) throw new ProjectFileError(file, 0, 'expected a Scenewright project file (magic "SWPROJ")');
    throw new ProjectFileError(file, fileSize, `the file ends here (truncated): expected a ${HEADER_SIZE}-byte header`);
  }
  if (!b.subarray(0, MAGIC.length).equals(MAGIC)) throw new ProjectFileError(file, 0, 'expected a Scenewright project file (magic "SWPROJ")');
  const version = b.readUInt32LE(8);
  if (version !== FORMAT_VERSION) {
    throw new ProjectFileError(file, 8, `expected project format version ${FORMAT_VERSION}, got ${version}; a newer Scenewright wrote it`);
  }
  const u64 = (at: number) => {
    const v = b.readBigUInt64LE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ProjectFileError(file, at, `expected a file offset, got ${v}`);
    return Number(v);
  };
  const h: ProjectHeader = { totalSize: u64(16), manifestOffset: u64(24), manifestLength: u64(32), manifestSha256: Buffer.from(b.subarray(40, 72)) };
  if (h.totalSize === 0) throw new ProjectFileError(file, 16, 'the export that wrote this file did not finish (its header is empty)');
  if (h.manifestOffset < HEADER_SIZE || h.manifestLength === 0 || h.manifestOffset + h.manifestLength !== h.totalSize) {
    throw new ProjectFileError(file, 24, `expected the manifest to end the file (offset ${h.manifestOffset} + length ${h.manifestLength} = size ${h.totalSize})`);
  }
  if (fileSize < h.totalSize) throw new ProjectFileError(file, fileSize, `the file ends here (truncated): expected ${h.totalSize} bytes`);
  if (fileSize > h.totalSize) throw new ProjectFileError(file, h.totalSize, `expected the end of the file, found ${fileSize - h.totalSize} more bytes`);
  return h;
}

/** Parses the manifest and checks that its entries tile the data region exactly, once each. */
export function parseManifest(bytes: Buffer, h: ProjectHeader, file: string): ProjectManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ProjectFileError(file, h.manifestOffset, `expected the manifest as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = ProjectManifest.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ProjectFileError(file, h.manifestOffset, `manifest ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const m = r.data;
  let at = HEADER_SIZE;
  const seen = new Set<string>();
  for (const e of m.entries) {
    if (e.offset !== at) throw new ProjectFileError(file, h.manifestOffset, `manifest entry ${e.path}: expected offset ${at}, got ${e.offset}`);
    if (seen.has(e.path)) throw new ProjectFileError(file, h.manifestOffset, `manifest entry ${e.path} appears twice`);
    if (e.chunks.length !== Math.ceil(e.size / CHUNK_SIZE)) {
      throw new ProjectFileError(file, h.manifestOffset, `manifest entry ${e.path}: expected ${Math.ceil(e.size / CHUNK_SIZE)} chunk checksums, got ${e.chunks.length}`);
    }
    seen.add(e.path);
    at += e.size;
  }
  if (at !== h.manifestOffset) throw new ProjectFileError(file, h.manifestOffset, `expected the entries to end at the manifest (byte ${h.manifestOffset}), they end at ${at}`);
  if (!seen.has(DATABASE_ENTRY)) throw new ProjectFileError(file, h.manifestOffset, `expected a "${DATABASE_ENTRY}" entry in the manifest`);
  return m;
}
