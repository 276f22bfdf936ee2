// auditDataset: the `qa audit --format vsibench` of the CLI as a contract call, so the UI can check a
// benchmark's released answers against its box meta data. The report is the CLI's `--json` output.
import { z } from 'zod';
import { QUESTION_TYPES } from '../qa/vsibench/questions';
import { SIZE_DIMENSIONS } from '../qa/workbench/object-size';

/** Most characters (UTF-16 units) read from one source: 64 Mi, far above VSI-Bench's 1.4 MB meta file. */
export const AUDIT_SOURCE_LIMIT = 64 * 1024 * 1024;

/**
 * A file on the host's disk (typed, or from the Electron dialog, or an upload's host path), or the
 * text of a file the page read itself. `name` is what errors and the result call the file.
 */
export const AuditSource = z.union([
  z.object({ path: z.string().min(1).max(4096), name: z.string().min(1).max(255).optional() }).strict(),
  z.object({ name: z.string().min(1).max(255), text: z.string() }).strict(),
]);
export type AuditSource = z.infer<typeof AuditSource>;

export const AuditDatasetInput = z
  .object({
    /** The benchmark's row format; VSI-Bench is the only one so far. */
    format: z.literal('vsibench').default('vsibench'),
    /** A JSON array of rows or JSONL: id, dataset, scene_name, question_type, question, ground_truth, options. */
    questions: AuditSource,
    /** The benchmark's meta_info JSON (rooms as object boxes). */
    meta: AuditSource,
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const key of ['questions', 'meta'] as const) {
      const source = input[key];
      if ('text' in source && source.text.length > AUDIT_SOURCE_LIMIT) {
        ctx.addIssue({ code: 'custom', path: [key, 'text'], message: `${source.name}: ${source.text.length} characters, more than the ${AUDIT_SOURCE_LIMIT} an audit reads` });
      }
    }
  });
export type AuditDatasetInput = z.infer<typeof AuditDatasetInput>;

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);
const Count = z.number().int().nonnegative();
/** Non-finite numbers (a gap with one option) travel as null, as in the CLI's JSON. */
const Gap = z.number().nullable();
const CategoryDistance = { distance: z.number(), pointA: Vec3, pointB: Vec3, instanceA: Count, instanceB: Count };

/** What decided our answer (app/qa/vsibench/answers.ts `Evidence`), field for field. */
export const AuditEvidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count'), count: Count }),
  z.object({ kind: z.literal('size'), sides: Vec3, longest: z.number() }),
  z.object({ kind: z.literal('room'), area: z.number() }),
  z.object({ kind: z.literal('axis_size'), dimension: z.enum(SIZE_DIMENSIONS as ['height', 'length', 'width']), dx: z.number(), dy: z.number(), dz: z.number(), metres: z.number() }),
  z.object({ kind: z.literal('distance'), ...CategoryDistance }),
  z.object({ kind: z.literal('rel_distance'), options: z.array(z.object({ category: z.string(), ...CategoryDistance })), gap: Gap, minPairGap: Gap }),
  z.object({ kind: z.literal('direction'), level: z.enum(['easy', 'medium', 'hard']), theta: z.number(), bin: z.string(), margin: z.number(), cornersOff: Count }),
]);
export type AuditEvidence = z.infer<typeof AuditEvidence>;

const RowId = z.union([z.number(), z.string()]);
const AuditQuestionType = z.enum(QUESTION_TYPES);

export const AuditDisagreement = z.object({
  id: RowId,
  /** The row's dataset and room (`scene_name`: the meta's key, which `meta.json#<scene_name>` opens). */
  dataset: z.string(),
  scene_name: z.string(),
  question_type: AuditQuestionType,
  question: z.string(),
  /** As released: the number as text, or the option letter. */
  ground_truth: z.string(),
  /** Ours in the ground truth's format. */
  ours: z.string(),
  /** Ours as a number, or the text of the option ours picks. */
  ours_answer: z.union([z.number(), z.string()]),
  /** VSI-Bench's score of the released answer against ours: MRA for numbers, 0/1 for options. */
  score: z.number(),
  evidence: AuditEvidence,
});
export type AuditDisagreement = z.infer<typeof AuditDisagreement>;

/** The core's AuditReport (app/qa/vsibench/audit.ts), keys in the order the CLI prints them. */
export const AuditReportSchema = z.object({
  per_type: z.partialRecord(AuditQuestionType, z.object({ n: Count, score: z.number() })),
  /** `score`: the mean of the per-type scores (VSI-Bench's overall); `n`: rows scored. */
  overall: z.object({ n: Count, score: z.number() }),
  disagreements: z.array(AuditDisagreement),
  unchecked: z.array(z.object({ id: RowId, reason: z.string() })),
});
export type AuditReportJson = z.infer<typeof AuditReportSchema>;

export const AuditDatasetResult = z.object({
  questions: z.object({ name: z.string(), rows: Count }),
  /** `path`: the meta file on the host's disk when it was read from one, to open its rooms (`path#scene_name`). */
  meta: z.object({ name: z.string(), scenes: Count, path: z.string().optional() }),
  report: AuditReportSchema,
});
export type AuditDatasetResult = z.infer<typeof AuditDatasetResult>;
