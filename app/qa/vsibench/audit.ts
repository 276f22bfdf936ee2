// Audit of released VSI-Bench rows against box meta data: recover the categories from the
// byte-exact question strings, recompute each answer from the boxes, and score the released ground
// truth with VSI-Bench's own metrics (MRA for numbers, option letter for multiple choice).
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { meanRelativeAccuracy } from '../mra';
import { absDistanceAnswer, axisSizeAnswer, countAnswer, relDirectionAnswer, relDistanceAnswer, roomSizeAnswer, sizeAnswer, type Answer, type Evidence } from './answers';
import type { BoxScene } from './meta';
import { SIZE_DIMENSIONS, type SizeDimension } from '../workbench/object-size';
import { DIRECTION_LABELS, isMultipleChoice, isQuestionType, parseOption, parseQuestion, UNCOMPUTABLE_TYPES, type DirectionLevel, type QuestionType } from './questions';

export const VsiRowSchema = z.object({
  id: z.union([z.number(), z.string()]),
  dataset: z.string(),
  scene_name: z.string(),
  question_type: z.string(),
  question: z.string(),
  ground_truth: z.string(),
  options: z.array(z.string()).nullable(),
});
export type VsiRow = z.infer<typeof VsiRowSchema>;

export interface Disagreement {
  id: VsiRow['id'];
  /** The row's dataset and room, so a disagreement can be opened as that room's box-only scene. */
  dataset: string;
  scene_name: string;
  question_type: QuestionType;
  question: string;
  ground_truth: string;
  /** In the ground truth's format: the number as text, or the option letter. */
  ours: string;
  /** The number, or the option text ours picks. */
  ours_answer: number | string;
  score: number;
  evidence: Evidence;
}

export interface AuditReport {
  per_type: Partial<Record<QuestionType, { n: number; score: number }>>;
  /** `score` is the mean of the per-type scores (VSI-Bench's overall); `n` counts scored rows. */
  overall: { n: number; score: number };
  disagreements: Disagreement[];
  unchecked: Array<{ id: VsiRow['id']; reason: string }>;
}

type Checked = { answer: Answer; ours: string; score: number };

/** A JSON array of rows or one row per line (JSONL). */
export function parseVsiRows(text: string, source = 'questions'): VsiRow[] {
  let values: unknown[];
  try {
    const trimmed = text.trim();
    values = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  } catch (err) {
    throw new AppError('bad_file', `${source}: not JSON or JSONL: ${err instanceof Error ? err.message : String(err)}`, { source });
  }
  return values.map((v, i) => {
    const row = VsiRowSchema.safeParse(v);
    if (!row.success) {
      const issue = row.error.issues[0]!;
      throw new AppError('bad_file', `${source}: row ${i + 1}: ${issue.path.map(String).join('.') || '(row)'}: ${issue.message}`, { source, row: i + 1 });
    }
    return row.data;
  });
}

class Unchecked extends Error {}

function requireCategories(scene: BoxScene, names: string[]): void {
  const missing = names.filter((n) => !scene.instances[n]);
  if (missing.length > 0) throw new Unchecked(`names ${missing.map((m) => `"${m}"`).join(', ')}, which the meta of scene ${scene.id} lacks`);
}

function requireUnique(scene: BoxScene, names: string[], why: string): void {
  for (const n of names) if (scene.instances[n]!.length !== 1) throw new Unchecked(`${n} has ${scene.instances[n]!.length} instances in the meta; ${why}`);
}

function options(row: VsiRow): Array<{ letter: string; text: string }> {
  const parsed = (row.options ?? []).map(parseOption);
  if (parsed.length === 0 || parsed.some((o) => o === null)) throw new Unchecked(`options ${JSON.stringify(row.options)} are not "X. text" entries`);
  return parsed as Array<{ letter: string; text: string }>;
}

function letterOf(row: VsiRow, text: string): string {
  const hit = options(row).find((o) => o.text === text);
  if (!hit) throw new Unchecked(`our answer "${text}" is not among the options ${JSON.stringify(row.options)}`);
  return hit.letter;
}

function numeric(row: VsiRow, answer: Answer, text: string): Checked {
  const truth = Number(row.ground_truth);
  if (row.ground_truth.trim() === '' || !Number.isFinite(truth)) throw new Unchecked(`ground truth ${JSON.stringify(row.ground_truth)} is not a number`);
  return { answer, ours: text, score: meanRelativeAccuracy(answer.value as number, truth) };
}

function choice(row: VsiRow, answer: Answer): Checked {
  const ours = letterOf(row, answer.value as string);
  return { answer, ours, score: ours === row.ground_truth.trim() ? 1 : 0 };
}

/** MultiSPA's object size question: group 1 the dimension, group 2 the category. */
export const MULTISPA_SIZE = new RegExp(`^What is the (${SIZE_DIMENSIONS.join('|')}) \\(in millimeters\\) of the (.+)\\?$`, 's');

/** MultiSPA's own rule: correct when within 20% of the ground truth. */
function multiSpaSize(row: VsiRow, scene: BoxScene): Checked {
  const m = MULTISPA_SIZE.exec(row.question);
  if (!m) throw new Unchecked('the question does not match the multispa_object_size template');
  requireCategories(scene, [m[2]!]);
  requireUnique(scene, [m[2]!], 'object size is defined for a single instance');
  const a = axisSizeAnswer(scene, m[2]!, m[1] as SizeDimension);
  const truth = Number(row.ground_truth);
  if (row.ground_truth.trim() === '' || !Number.isFinite(truth)) throw new Unchecked(`ground truth ${JSON.stringify(row.ground_truth)} is not a number`);
  return { answer: a, ours: String(a.value), score: Math.abs((a.value as number) - truth) <= 0.2 * Math.abs(truth) ? 1 : 0 };
}

function check(row: VsiRow, type: QuestionType, scene: BoxScene): Checked {
  if (type === 'multispa_object_size') return multiSpaSize(row, scene);
  const slots = parseQuestion(type, row.question);
  if (!slots) throw new Unchecked(`the question does not match the ${type} template byte for byte`);
  switch (type) {
    case 'object_counting': {
      requireCategories(scene, [slots.category!]);
      const a = countAnswer(scene, slots.category!);
      return numeric(row, a, String(a.value));
    }
    case 'object_size_estimation': {
      requireCategories(scene, [slots.category!]);
      requireUnique(scene, [slots.category!], 'object size is defined for a single instance');
      const a = sizeAnswer(scene, slots.category!);
      return numeric(row, a, String(a.value));
    }
    case 'room_size_estimation': {
      const a = roomSizeAnswer(scene);
      return numeric(row, a, (a.value as number).toFixed(1));
    }
    case 'object_abs_distance': {
      requireCategories(scene, [slots.o1!, slots.o2!]);
      const a = absDistanceAnswer(scene, slots.o1!, slots.o2!);
      return numeric(row, a, (a.value as number).toFixed(1));
    }
    case 'object_rel_distance': {
      const listed = options(row).map((o) => o.text);
      if (listed.join(', ') !== slots.list) throw new Unchecked(`the options ${JSON.stringify(row.options)} are not the objects listed in the question (${slots.list})`);
      requireCategories(scene, [slots.category!, ...listed]);
      return choice(row, relDistanceAnswer(scene, slots.category!, listed));
    }
    default: {
      const level = type.slice('object_rel_direction_'.length) as DirectionLevel;
      const names = [slots.pos!, slots.ori!, slots.qry!];
      requireCategories(scene, names);
      requireUnique(scene, names, 'directions are taken from a single instance');
      const texts = options(row).map((o) => o.text);
      if ([...texts].sort().join() !== [...DIRECTION_LABELS[level]].sort().join()) throw new Unchecked(`options ${JSON.stringify(row.options)} are not the ${level} direction labels`);
      const a = relDirectionAnswer(scene, level, slots.pos!, slots.ori!, slots.qry!);
      if (!a) throw new Unchecked('the facing or the query object is straight above or below the standing point, so no direction is defined');
      return choice(row, a);
    }
  }
}

export function auditRows(rows: readonly VsiRow[], scenes: readonly BoxScene[]): AuditReport {
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const sums = new Map<QuestionType, { n: number; total: number }>();
  const report: AuditReport = { per_type: {}, overall: { n: 0, score: 0 }, disagreements: [], unchecked: [] };
  for (const row of rows) {
    const type = row.question_type;
    try {
      if (type in UNCOMPUTABLE_TYPES) throw new Unchecked(UNCOMPUTABLE_TYPES[type]!);
      if (!isQuestionType(type)) throw new Unchecked(`unknown question type ${JSON.stringify(type)}`);
      const scene = byId.get(row.scene_name);
      if (!scene) throw new Unchecked(`scene ${row.scene_name} is not in the meta`);
      const checked = check(row, type, scene);
      const sum = sums.get(type) ?? { n: 0, total: 0 };
      sum.n++;
      sum.total += checked.score;
      sums.set(type, sum);
      const agrees = isMultipleChoice(type) ? checked.ours === row.ground_truth.trim() : (checked.answer.value as number) === Number(row.ground_truth);
      if (!agrees) {
        report.disagreements.push({
          id: row.id,
          dataset: row.dataset,
          scene_name: row.scene_name,
          question_type: type,
          question: row.question,
          ground_truth: row.ground_truth,
          ours: checked.ours,
          ours_answer: checked.answer.value,
          score: checked.score,
          evidence: checked.answer.evidence,
        });
      }
    } catch (err) {
      if (!(err instanceof Unchecked)) throw err;
      report.unchecked.push({ id: row.id, reason: err.message });
    }
  }
  let scoreSum = 0;
  for (const [type, { n, total }] of sums) {
    report.per_type[type] = { n, score: total / n };
    report.overall.n += n;
    scoreSum += total / n;
  }
  report.overall.score = sums.size > 0 ? scoreSum / sums.size : 0;
  return report;
}
