// askQuestion: a typed or click-built question about the loaded scene, answered with the evidence
// the viewport draws, or a request to click one object, or the reason it cannot be answered.
// Evidence carries only a few numbers per object (boxes, closest points, one angle sector), never
// point lists, so that it can be stored with a QA item as it is.
import { z } from 'zod';

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);
const Id = z.string().min(1).max(200);
const InstanceId = z.number().int();
const Text = z.string().max(500);

/** Question types offered for click-based asking (also the `type` of a typed question's answer). */
export const AskType = z.enum([
  'distance',
  'centre_distance',
  'left',
  'right',
  'front',
  'behind',
  'above',
  'below',
  'on',
  'under',
  'next_to',
  'near',
  'far',
  'inside',
  'between',
  'size',
  'count',
  'direction',
  'find',
]);
export type AskType = z.infer<typeof AskType>;

/** Who the object is in the question: the roles a clarification answers. Nested: "a.near" is the anchor of a's "by the …". */
export const AskRole = z.string().regex(/^(?:a|b|c|target|reference|standBy|facing)(?:\.near)*$/);
export type AskRole = z.infer<typeof AskRole>;

/** The camera the question is asked from, in the scene frame (z up). */
export const AskViewpoint = z.object({ position: Vec3, target: Vec3, up: Vec3 }).strict();
export type AskViewpoint = z.infer<typeof AskViewpoint>;

export const AskInput = z
  .object({
    sceneId: Id,
    /** A typed English question; when absent, `type` and the selection build the question. */
    text: z.string().min(1).max(1000).optional(),
    type: AskType.optional(),
    /** Selected instance ids in click order ("this" is the first, "that" the second). */
    selection: z.array(InstanceId).max(8),
    viewpoint: AskViewpoint.optional(),
    /** Objects the user clicked to settle earlier `clarify` answers, by role. */
    clarify: z.record(AskRole, InstanceId).optional(),
  })
  .strict()
  .refine((i) => i.text !== undefined || i.type !== undefined, { message: 'expected a question text or a question type' });
export type AskInput = z.infer<typeof AskInput>;

/** An object's oriented box (full side lengths along three unit axes). */
export const EvidenceBox = z
  .object({ instanceId: InstanceId, role: z.string().max(40), center: Vec3, axes: z.tuple([Vec3, Vec3, Vec3]), size: Vec3 })
  .strict();
export type EvidenceBox = z.infer<typeof EvidenceBox>;

export const EvidenceSegment = z
  .object({ kind: z.enum(['closest', 'centre']), from: Vec3, to: Vec3, length: z.number().nonnegative() })
  .strict();
export type EvidenceSegment = z.infer<typeof EvidenceSegment>;

/**
 * The angle rule of a direction answer, in the xy plane: θ is measured counter-clockwise from the
 * direction observer → reference; the answer's sector is [bin[0], bin[1]) degrees (wrapping at 360).
 */
export const EvidenceFan = z
  .object({
    observer: Vec3,
    reference: Vec3,
    target: Vec3,
    theta: z.number().min(0).max(360),
    bin: z.tuple([z.number(), z.number()]),
    holds: z.boolean(),
    /** Degrees from θ to the nearest sector edge. */
    margin: z.number(),
  })
  .strict();
export type EvidenceFan = z.infer<typeof EvidenceFan>;

export const EvidenceCriterion = z
  .object({ name: Text, value: z.number(), op: z.enum(['<', '>', '>=']), threshold: z.number(), unit: z.string().max(10), pass: z.boolean() })
  .strict();

export const AskEvidence = z
  .object({
    segments: z.array(EvidenceSegment).max(8),
    boxes: z.array(EvidenceBox).max(64),
    fan: EvidenceFan.optional(),
    /** Numbers a relation rule compared with its thresholds. */
    criteria: z.array(EvidenceCriterion).max(8),
    /** How far the answer is from flipping (or from its rounding edge). */
    margin: z.object({ value: z.number(), unit: z.string().max(10), boundary: Text }).strict().optional(),
  })
  .strict();
export type AskEvidence = z.infer<typeof AskEvidence>;

/** The grounded question: its type, the instance in each role, and what it was asked from. */
export const AskQuery = z
  .object({
    type: AskType,
    relation: z.string().max(20).optional(),
    roles: z.record(AskRole, InstanceId),
    category: z.string().max(100).optional(),
    dimension: z.enum(['height', 'length', 'width', 'all']).optional(),
    view: z.enum(['camera', 'objects']).optional(),
  })
  .strict();
export type AskQuery = z.infer<typeof AskQuery>;

/** Which reader grounded a typed question (the layout language model, or the QA parser), and why; absent for click-built questions of older hosts. */
const Grounded = { groundedBy: z.enum(['model', 'grammar']).optional(), groundedReason: Text.optional() };

export const AskAnswer = z
  .object({
    kind: z.literal('answer'),
    /** The question in canonical English (what a saved item is called). */
    question: Text,
    query: AskQuery,
    /** What the UI shows: "1.23 m", "yes", "left", "3". */
    text: Text,
    value: z.union([z.number(), z.string().max(500)]),
    unit: z.string().max(10),
    evidence: AskEvidence,
    instanceIds: z.array(InstanceId).max(64),
    ...Grounded,
  })
  .strict();
export type AskAnswer = z.infer<typeof AskAnswer>;

export const AskClarify = z
  .object({
    kind: z.literal('clarify'),
    role: AskRole,
    phrase: Text,
    candidates: z.array(InstanceId).max(1000),
    reason: Text,
    ...Grounded,
  })
  .strict();
export type AskClarify = z.infer<typeof AskClarify>;

export const AskUnsupported = z.object({ kind: z.literal('unsupported'), reason: Text, ...Grounded }).strict();

export const AskResult = z.discriminatedUnion('kind', [AskAnswer, AskClarify, AskUnsupported]);
export type AskResult = z.infer<typeof AskResult>;
