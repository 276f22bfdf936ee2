// auditDataset: the CLI's `qa audit --format vsibench` run on the host for the UI. Sources are host
// paths (typed, the Electron dialog, or a web upload's stored file) or text the page read itself;
// the report is the CLI's `--json` output (same core, same JSON round trip). A source in the upload
// folder is removed once read (main/host/uploads.ts), except a meta that audited: the result names
// its path, and the tab opens rooms from it; a starting host removes it after a day.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError, AUDIT_SOURCE_LIMIT, type AuditDatasetResult, type AuditSource, type Handlers } from '../../app/contract';
import { auditRows, parseVsiRows, type AuditReport } from '../../app/qa/vsibench/audit';
import { parseVsiMetaText } from '../../app/qa/vsibench/meta';
import { removeUpload } from './uploads';

interface SourceText {
  /** What errors call the file: the caller's name, else the path. */
  source: string;
  /** What the result calls it: the caller's name, else the file name. */
  name: string;
  text: string;
}

/** Reads one source; a missing, unreadable or oversized file is a typed error naming it. */
export async function readAuditSource(src: AuditSource, role: 'questions' | 'meta'): Promise<SourceText> {
  if ('text' in src) return { source: src.name, name: src.name, text: src.text };
  const source = src.name ?? src.path;
  const name = src.name ?? basename(src.path);
  let size: number;
  try {
    const s = await stat(src.path);
    if (!s.isFile()) throw new AppError('bad_file', `${source}: not a file (the ${role} must be one JSON or JSONL file)`, { source, role });
    size = s.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `${source}: no such file (the ${role} file)`, { source, role });
    throw new AppError('bad_file', `${source}: cannot read the ${role} file: ${err instanceof Error ? err.message : String(err)}`, { source, role });
  }
  // Bytes bound characters from above, so a file under the limit never yields an oversized text.
  if (size > AUDIT_SOURCE_LIMIT) throw new AppError('bad_file', `${source}: ${size} bytes, more than the ${AUDIT_SOURCE_LIMIT} an audit reads`, { source, role, bytes: size, limit: AUDIT_SOURCE_LIMIT });
  try {
    return { source, name, text: await readFile(src.path, 'utf8') };
  } catch (err) {
    throw new AppError('bad_file', `${source}: cannot read the ${role} file: ${err instanceof Error ? err.message : String(err)}`, { source, role });
  }
}

/** The report as the CLI's `--json` writes it: non-finite numbers become null, undefined fields go. */
export const reportJson = (report: AuditReport): AuditDatasetResult['report'] => JSON.parse(JSON.stringify(report)) as AuditDatasetResult['report'];

export interface AuditOptions {
  /** The web bridge's upload folder: sources inside it are removed after use. */
  uploadDir?: string;
}

export async function auditDataset(input: { questions: AuditSource; meta: AuditSource }, options: AuditOptions = {}): Promise<AuditDatasetResult> {
  const { uploadDir } = options;
  const drop = async (src: AuditSource) => {
    if (uploadDir && 'path' in src) await removeUpload(uploadDir, src.path);
  };
  const read = await Promise.allSettled([readAuditSource(input.questions, 'questions'), readAuditSource(input.meta, 'meta')]);
  // The questions are not needed once read, whatever the outcome.
  await drop(input.questions);
  try {
    return auditTexts(input, read);
  } catch (err) {
    await drop(input.meta);
    throw err;
  }
}

function auditTexts(input: { questions: AuditSource; meta: AuditSource }, read: PromiseSettledResult<SourceText>[]): AuditDatasetResult {
  for (const r of read) if (r.status === 'rejected') throw r.reason;
  const [questions, meta] = read.map((r) => (r as PromiseFulfilledResult<SourceText>).value) as [SourceText, SourceText];
  // Both parsers throw bad_file AppErrors naming the source and the row or field.
  const rows = parseVsiRows(questions.text, questions.source);
  const scenes = parseVsiMetaText(meta.text, meta.source);
  return {
    questions: { name: questions.name, rows: rows.length },
    meta: { name: meta.name, scenes: scenes.length, ...('path' in input.meta ? { path: resolve(input.meta.path) } : {}) },
    report: reportJson(auditRows(rows, scenes)),
  };
}

export function createAuditHandlers(options: AuditOptions = {}): Pick<Handlers, 'auditDataset'> {
  // Read-only: it stores nothing, so a read-only host audits too. ~0.3 s for VSI-Bench's 1,458 rows.
  return { auditDataset: (input) => auditDataset(input, options) };
}
