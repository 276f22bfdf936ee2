// `scenewright qa audit|generate|export`: VSI-Bench questions from box meta data. `audit` recomputes the
// released answers from the boxes and scores them; `generate` writes every valid question of a room
// (or VSI-Bench rows directly); `export` writes a generated set as dataset files with scene-level splits.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_FORMATS, isExportFormat, serialise, toVsiBenchRows } from '../../../app/qa/export/formats';
import { parseGeneratedFile } from '../../../app/qa/export/generated-file';
import { applySplits, parseSplits, type SplitRatios } from '../../../app/qa/export/splits';
import { datasetStats } from '../../../app/qa/export/stats';
import { auditRows, parseVsiRows, type AuditReport } from '../../../app/qa/vsibench/audit';
import type { DroppedQuestion, GeneratedQuestion } from '../../../app/qa/vsibench/generate';
import { parseVsiMetaText } from '../../../app/qa/vsibench/meta';
import { BOX_QUESTION_TYPES, isQuestionType, QUESTION_TYPES, type QuestionType } from '../../../app/qa/vsibench/questions';
import { ENGINE_VERSION } from '../../../app/version';
import { defaultJobs, discoverTasks, runBatch } from '../../qa/generate-batch';
import { parseCommandLine, parseNumberFlag, UsageError } from '../args';
import type { Io, RunCommand } from '../command';
import { createProgressBar } from '../progress-bar';
import { parseUpAxis } from './up-axis-flag';

const AUDIT_FLAGS = {
  format: { type: 'string' },
  meta: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const GENERATE_FLAGS = {
  types: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  'per-type': { type: 'string' },
  jobs: { type: 'string' },
  'up-axis': { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const EXPORT_FLAGS = {
  format: { type: 'string' },
  out: { type: 'string' },
  splits: { type: 'string' },
  seed: { type: 'string' },
  meta: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const readText = (path: string) => readFileSync(path, 'utf8');

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function auditTable(report: AuditReport): string {
  const rows = BOX_QUESTION_TYPES.flatMap((type) => {
    const r = report.per_type[type];
    return r ? [[type, String(r.n), r.score.toFixed(3)]] : [];
  });
  rows.push(['overall (mean of types)', String(report.overall.n), report.overall.score.toFixed(3)]);
  const head = ['question type', 'rows', 'score'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  // Reasons that name a category or scene differ per row; group them by their fixed part.
  const reasons = countBy(report.unchecked, (u) => u.reason.replace(/"[^"]*"/g, '"…"').replace(/scene \w+/g, 'scene …'));
  return [
    line(head),
    ...rows.map(line),
    '',
    `${report.disagreements.length} rows where our answer differs from the ground truth (scored above; --json lists them with evidence)`,
    `${report.unchecked.length} rows not checked:`,
    ...Object.entries(reasons).map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`),
  ].join('\n');
}

async function audit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, AUDIT_FLAGS);
  if (values.format !== 'vsibench') throw new UsageError(`qa audit: --format vsibench is required (the only format so far), got ${JSON.stringify(values.format ?? null)}`);
  if (!values.meta) throw new UsageError('qa audit: --meta <meta_info.json> is required');
  if (positionals.length !== 1) throw new UsageError('qa audit: expected exactly one questions file (.json or .jsonl)');
  const rows = parseVsiRows(readText(positionals[0]!), positionals[0]!);
  const scenes = parseVsiMetaText(readText(values.meta), values.meta);
  const report = auditRows(rows, scenes);
  io.out(values.json ? `${JSON.stringify(report)}\n` : `${auditTable(report)}\n`);
  return 0;
}

function parseTypes(value: string | undefined): QuestionType[] {
  if (value === undefined) return [...QUESTION_TYPES];
  const types = value.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const unknown = types.filter((t) => !isQuestionType(t));
  if (unknown.length > 0 || types.length === 0) throw new UsageError(`--types: unknown type(s) ${unknown.join(', ') || '(none given)'}; choose from ${QUESTION_TYPES.join(', ')}`);
  return types as QuestionType[];
}

export interface GenerateDeps {
  /** The bundled worker thread script (tests pass a fresh bundle); defaults to dist/main/qa-generate-worker.js. */
  workerScript?: string | URL;
}

/** `qa generate`: every scene the path names, sharded over worker threads, written in input order. */
export async function generate(argv: string[], io: Io, deps: GenerateDeps = {}): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, GENERATE_FLAGS);
  if (positionals.length !== 1) throw new UsageError('qa generate: expected one scan file, scene folder, folder of scenes or meta file (meta.json[#scene])');
  if (!values.out) throw new UsageError('qa generate: --out <file.json> is required');
  const format = values.format ?? 'generated';
  if (format !== 'generated' && format !== 'vsibench') throw new UsageError(`qa generate: --format is generated (questions with answers and evidence, the default) or vsibench (VSI-Bench rows), got ${JSON.stringify(format)}`);
  const types = parseTypes(values.types);
  const seed = parseNumberFlag('seed', values.seed, 0, (n) => Number.isInteger(n) && n >= 0);
  const perType = values['per-type'] === undefined ? null : parseNumberFlag('per-type', values['per-type'], 0, (n) => Number.isInteger(n) && n >= 1);
  const jobs = parseNumberFlag('jobs', values.jobs, defaultJobs(), (n) => Number.isInteger(n) && n >= 1);
  const upAxis = parseUpAxis(values['up-axis']);
  const { tasks, skipped } = discoverTasks(positionals[0]!);

  const bar = createProgressBar(io);
  bar.update(`0 / ${tasks.length} scenes`, 0, tasks.length);
  const results = await runBatch(tasks, { types, seed, perType, ...(upAxis ? { upAxis } : {}) }, {
    jobs,
    ...(deps.workerScript ? { workerScript: deps.workerScript } : {}),
    onResult: (r, done, total) => bar.update(`${done} / ${total} scenes (${r.scene}${r.ok ? '' : ': failed'})`, done, total),
  });
  bar.finish();

  const questions: GeneratedQuestion[] = [];
  const dropped: DroppedQuestion[] = [];
  const errors: Array<{ scene: string; source: string; code: string; message: string }> = [];
  for (const r of results) {
    if (!r.ok) {
      errors.push({ scene: r.scene, source: r.source, ...r.error });
      io.err(`${r.scene}: ${r.error.message}\n`);
      continue;
    }
    for (const q of r.questions) questions.push(q);
    for (const d of r.dropped) dropped.push(d);
  }
  const scenes = results.filter((r) => r.ok).map((r) => r.scene);
  if (format === 'vsibench') writeFileSync(values.out, `${JSON.stringify(toVsiBenchRows(questions), null, 1)}\n`);
  else
    writeFileSync(
      values.out,
      `${JSON.stringify({ format: 'vsibench', engineVersion: ENGINE_VERSION, seed, types, perType, scenes, questions, dropped, errors })}\n`,
    );

  const report = {
    out: values.out,
    scenes: scenes.length,
    failed: errors.length,
    jobs: Math.min(jobs, tasks.length),
    questions: questions.length,
    per_type: countBy(questions, (q) => q.question_type),
    dropped: dropped.length,
    dropped_by_rule: countBy(dropped, (d) => `${d.question_type}: ${d.rule}`),
    per_scene: results.map((r) => (r.ok ? { scene: r.scene, objects: r.objects, questions: r.questions.length, dropped: r.dropped.length, ms: r.ms } : { scene: r.scene, error: r.error.message })),
    errors,
    skipped,
  };
  if (values.json) io.out(`${JSON.stringify(report)}\n`);
  else
    io.out(
      [
        `${report.questions} questions from ${report.scenes} scene(s) → ${report.out}${errors.length ? ` (${errors.length} scene(s) failed, listed on stderr)` : ''}`,
        ...Object.entries(report.per_type).map(([t, n]) => `  ${String(n).padStart(7)}  ${t}`),
        `${report.dropped} candidates dropped by a rule:`,
        ...Object.entries(report.dropped_by_rule).map(([r, n]) => `  ${String(n).padStart(7)}  ${r}`),
        ...(skipped.length ? [`${skipped.length} folder entries skipped:`, ...skipped.map((k) => `  ${k.path}: ${k.reason}`)] : []),
        '',
      ].join('\n'),
    );
  // Every scene that could be read was written; a failed one still makes the run fail.
  return errors.length > 0 ? 1 : 0;
}

function splitsFlag(value: string | undefined): SplitRatios {
  if (value === undefined) return [['all', 1]];
  try {
    return parseSplits(value);
  } catch (err) {
    throw new UsageError(`--splits: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function exportSet(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, EXPORT_FLAGS);
  if (positionals.length !== 1) throw new UsageError('qa export: expected one generated file (what qa generate writes)');
  if (!values.format || !isExportFormat(values.format)) throw new UsageError(`qa export: --format ${EXPORT_FORMATS.join('|')} is required, got ${JSON.stringify(values.format ?? null)}`);
  if (!values.out) throw new UsageError('qa export: --out <dir> is required');
  const ratios = splitsFlag(values.splits);
  const seed = parseNumberFlag('seed', values.seed, 0, (n) => Number.isInteger(n) && n >= 0);
  const file = parseGeneratedFile(readText(positionals[0]!), positionals[0]!);
  // Meta boxes give ScanQA its object ids and the statistics their coverage denominators.
  const scenes = values.meta ? parseVsiMetaText(readText(values.meta), values.meta) : undefined;
  mkdirSync(values.out, { recursive: true });
  const written: Record<string, { file: string; questions: number; scenes: number }> = {};
  for (const [split, questions] of applySplits(file.questions, (q) => q.scene_name, ratios, seed)) {
    const { text, ext } = serialise(values.format, questions, split, scenes);
    const path = join(values.out, `${split}.${ext}`);
    writeFileSync(path, text);
    written[split] = { file: path, questions: questions.length, scenes: new Set(questions.map((q) => q.scene_name)).size };
  }
  const stats = datasetStats(file.questions, scenes);
  const statsPath = join(values.out, 'stats.json');
  writeFileSync(statsPath, `${JSON.stringify({ splits: written, seed, ...stats }, null, 1)}\n`);
  if (values.json) io.out(`${JSON.stringify({ format: values.format, out: values.out, splits: written, stats: statsPath })}\n`);
  else io.out([`${file.questions.length} questions → ${values.format} in ${values.out}`, ...Object.entries(written).map(([s, w]) => `  ${s.padEnd(8)} ${String(w.questions).padStart(7)} questions  ${String(w.scenes).padStart(4)} scenes  ${w.file}`), `  statistics → ${statsPath}`, ''].join('\n'));
  return 0;
}

export const run: RunCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === 'audit') return audit(rest, io);
  if (sub === 'generate') return generate(rest, io);
  if (sub === 'export') return exportSet(rest, io);
  throw new UsageError(`qa: expected "audit", "generate" or "export", got ${JSON.stringify(sub ?? null)}`);
};
