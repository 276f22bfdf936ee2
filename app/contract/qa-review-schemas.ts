// Generated questions and their review: generate drafts for a scene, page through the review
// queue, accept or reject in batches, and the statistics of what is stored (per type and status,
// answer distributions, object and pair coverage, review progress per scene).
import { z } from 'zod';
import { QUESTION_TYPES } from '../qa/vsibench/questions';

const Id = z.string().min(1).max(200);
const Count = z.number().int().nonnegative();

/** The QA item kinds generated questions are stored under: their question type. */
export const GeneratedKind = z.enum(QUESTION_TYPES);
export type GeneratedKind = z.infer<typeof GeneratedKind>;

export const GenerateQuestionsInput = z
  .object({
    sceneId: Id,
    /** Default: every type. */
    types: z.array(GeneratedKind).min(1).max(QUESTION_TYPES.length).optional(),
    /** Seeds option order and the balanced sample. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(0),
    /** At most this many new questions of each type; default 20. */
    perType: z.number().int().min(1).max(1000).default(20),
  })
  .strict();

export const DropSummary = z.object({
  type: z.string(),
  rule: z.string(),
  count: Count,
  /** The reason of the first candidate dropped by this rule (the others differ only in their numbers). */
  example: z.string(),
});

export const GenerateQuestionsResult = z.object({
  sceneId: Id,
  /** Drafts written to the store. */
  created: Count,
  /** Per question type: drafts written. */
  perType: z.record(z.string(), Count),
  /** Candidates dropped, by type and rule (asking rules, duplicates, already stored, over quota). */
  dropped: z.array(DropSummary),
  droppedTotal: Count,
  /** Instances the scene offered as objects, and those left out (structure, no points). */
  objects: Count,
  engineVersion: z.string(),
});
export type GenerateQuestionsResult = z.infer<typeof GenerateQuestionsResult>;

export const ReviewQaItemsInput = z
  .object({
    ids: z.array(z.string().uuid()).min(1).max(1000),
    action: z.enum(['accept', 'reject']),
  })
  .strict();

export const QaStatsInput = z.object({ sceneId: Id.optional() }).strict();

export const AnswerDistribution = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('numeric'),
    n: Count,
    min: z.number(),
    max: z.number(),
    mean: z.number(),
    /** counts[i] covers [edges[i], edges[i+1]); the last bin includes max. */
    histogram: z.object({ edges: z.array(z.number()), counts: z.array(Count) }),
  }),
  z.object({ kind: z.literal('choice'), n: Count, counts: z.record(z.string(), Count) }),
]);
export type AnswerDistribution = z.infer<typeof AnswerDistribution>;

export const SceneProgress = z.object({
  sceneId: Id,
  total: Count,
  verified: Count,
  rejected: Count,
  /** verified + rejected */
  reviewed: Count,
});

export const QaStats = z.object({
  /** Generated items only (the review queue's items); workbench items are counted in `other`. */
  total: Count,
  other: Count,
  perType: z.record(z.string(), z.object({ draft: Count, verified: Count, rejected: Count })),
  /** Over items not rejected. */
  answers: z.record(z.string(), AnswerDistribution),
  coverage: z.object({
    /** Distinct (scene, instance) named by an item not rejected. */
    objectsCovered: Count,
    /** Instances of the scene that questions may name; null when no single scene is asked about. */
    objectsPresent: Count.nullable(),
    pairsCovered: Count,
    pairsPresent: Count.nullable(),
  }),
  progress: z.array(SceneProgress),
});
export type QaStats = z.infer<typeof QaStats>;
