// Shapes that cross process boundaries. Everything here is zod so that every transport can
// parse what it receives; types are inferred, never written twice.
import { z } from 'zod';
// Generated questions are stored under their question type (VSI-Bench, MultiSPA) as their kind.
import { QUESTION_TYPES } from '../qa/vsibench/questions';

export const Vec3 = z.tuple([z.number(), z.number(), z.number()]);
export type Vec3 = z.infer<typeof Vec3>;

export const Id = z.string().min(1).max(200);

export const ExecutionProvider = z.enum(['cuda', 'webgpu', 'cpu', 'none']);
export type ExecutionProvider = z.infer<typeof ExecutionProvider>;

export const Transport = z.enum(['electron', 'web', 'in-process']);

export const AppInfo = z.object({
  name: z.literal('Scenewright'),
  version: z.string(),
  engineVersion: z.string(),
  dataDir: z.string(),
  executionProvider: ExecutionProvider,
  executionProviderReason: z.string(),
  transport: Transport,
  readOnly: z.boolean(),
  /** Why writes are refused, in words for the user (e.g. another window has the data folder). */
  readOnlyReason: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const Box3 = z.object({ min: Vec3, max: Vec3 });

export const SceneSummary = z.object({
  id: Id,
  name: z.string(),
  source: z.string(),
  format: z.string(),
  pointCount: z.number().int().nonnegative(),
  instanceCount: z.number().int().nonnegative(),
});
export type SceneSummary = z.infer<typeof SceneSummary>;

/** What importScene answers: the stored scene, and whether the same content was there already. */
export const ImportResult = SceneSummary.extend({
  /** True when a scene with the same content hash existed; nothing new was written. */
  alreadyImported: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const InstanceInfo = z.object({
  id: z.number().int(),
  label: z.string(),
  pointCount: z.number().int().nonnegative(),
  bbox: Box3,
  centroid: Vec3,
});
export type InstanceInfo = z.infer<typeof InstanceInfo>;

// Bulk data crosses as typed arrays (structured clone over IPC, binary frames over the bridge).
export const SceneBuffers = z.object({
  positions: z.instanceof(Float32Array),
  colors: z.instanceof(Uint8Array),
  instanceIds: z.instanceof(Int32Array),
  /** Superpoint id per point, once computed (sceneSuperpoints) or given by a segmentation run. */
  superpointIds: z.instanceof(Int32Array).optional(),
  /** Model confidence per point (its instance's, 0..1), after a segmentation run. */
  confidence: z.instanceof(Float32Array).optional(),
});
export type SceneBuffers = z.infer<typeof SceneBuffers>;

/** One box of a box-only scene (scene frame, like the positions; full side lengths along unit axes). */
export const SceneBoxInfo = z.object({
  instanceId: z.number().int(),
  label: z.string(),
  center: Vec3,
  axes: z.tuple([Vec3, Vec3, Vec3]),
  size: Vec3,
});
export type SceneBoxInfo = z.infer<typeof SceneBoxInfo>;

export const OpenedScene = z.object({
  scene: SceneSummary.extend({
    origin: Vec3,
    bbox: Box3,
    upAxis: z.enum(['z', 'y']),
  }),
  instances: z.array(InstanceInfo),
  buffers: SceneBuffers,
  /** Box-only scenes (VSI-Bench meta): the boxes, and the room's floor area (m²) as the source gives it. */
  boxScene: z.object({ boxes: z.array(SceneBoxInfo), roomSize: z.number().nonnegative() }).optional(),
});
export type OpenedScene = z.infer<typeof OpenedScene>;

export const DistanceResult = z.object({
  sceneId: Id,
  a: z.number().int(),
  b: z.number().int(),
  distance: z.number().nonnegative(),
  pointA: Vec3,
  pointB: Vec3,
  centerDistance: z.number().nonnegative(),
  unit: z.literal('m'),
  method: z.literal('closest-point'),
});
export type DistanceResult = z.infer<typeof DistanceResult>;

export const QaStatus = z.enum(['draft', 'verified', 'rejected']);
/** distance also covers centre-to-centre; relation covers left/right/front/behind and the support/contact relations. */
export const QaKind = z.enum(['distance', 'relation', 'size', 'count', 'direction', 'find', ...QUESTION_TYPES]);
export type QaKind = z.infer<typeof QaKind>;

export const QaItemInput = z.object({
  sceneId: Id,
  kind: QaKind,
  question: z.string().min(1).max(2000),
  answer: z.union([z.number(), z.string().max(2000)]),
  unit: z.string().max(20),
  instanceIds: z.array(z.number().int()).max(64),
  status: QaStatus,
  evidence: z.record(z.string(), z.unknown()).optional(),
  /** The structured form of the question (what the QA engine evaluates). */
  query: z.record(z.string(), z.unknown()).optional(),
  /** The camera the question was asked from, so a reviewer sees what the annotator saw (fov in degrees; ortho = top view). */
  viewpoint: z.object({ position: Vec3, target: Vec3, up: Vec3, fov: z.number().gt(0).lt(180).optional(), ortho: z.boolean().optional() }).optional(),
  annotator: z.string().min(1).max(200).optional(),
  /** Version of the model whose output the item refers to, where one did. */
  modelVersion: z.string().min(1).max(200).optional(),
});
export type QaItemInput = z.infer<typeof QaItemInput>;

export const QaItem = QaItemInput.extend({
  id: z.string().uuid(),
  createdAt: z.string(),
  engineVersion: z.string(),
  /** 1 for a new item; every edit adds a revision, earlier ones are kept. */
  revision: z.number().int().min(1),
  updatedAt: z.string(),
});
export type QaItem = z.infer<typeof QaItem>;

/** The fields a person may change after saving; each change makes a new revision. */
export const QaItemChanges = z
  .object({
    question: z.string().min(1).max(2000),
    answer: z.union([z.number(), z.string().max(2000)]),
    unit: z.string().max(20),
    status: QaStatus,
  })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'expected at least one of question, answer, unit, status' });
export type QaItemChanges = z.infer<typeof QaItemChanges>;

export const HistoryEntryInfo = z.object({
  seq: z.number().int().min(1),
  label: z.string(),
  kind: z.string(),
  target: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  undone: z.boolean(),
});
export type HistoryEntryInfo = z.infer<typeof HistoryEntryInfo>;

export const HistoryState = z.object({
  sceneId: Id,
  /** The entry undo would revert next, newest first; then the entries redo would re-apply. */
  entries: z.array(HistoryEntryInfo),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const UndoResult = z.object({
  /** The entry that was undone or redone; null when there was nothing to do. */
  applied: HistoryEntryInfo.nullable(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type UndoResult = z.infer<typeof UndoResult>;

/** One instance found by segmentScene; its points are those whose `instanceIds` entry is `id`. */
export const SegmentInstance = z.object({
  id: z.number().int().nonnegative(),
  label: z.string(),
  confidence: z.number().min(0).max(1),
  pointCount: z.number().int().nonnegative(),
  bbox: Box3,
  /** Oriented box (centre, unit axes, full side lengths); axis-aligned until the model predicts orientation. */
  obb: z.object({ center: Vec3, axes: z.tuple([Vec3, Vec3, Vec3]), size: Vec3 }),
});
export type SegmentInstance = z.infer<typeof SegmentInstance>;

export const SegmentationResult = z.object({
  sceneId: Id,
  /** Which path answered: the ONNX model, or the geometric fallback when no model file is installed. */
  source: z.enum(['model', 'geometric']),
  reason: z.string(),
  /** Execution provider the model ran on (absent for the fallback). */
  provider: z.string().optional(),
  superpointCount: z.number().int().nonnegative(),
  instances: z.array(SegmentInstance),
  /** Instance id per point, -1 where none (bulk data: a typed array, never a JSON list). */
  instanceIds: z.instanceof(Int32Array),
});
export type SegmentationResult = z.infer<typeof SegmentationResult>;

export const ProgressEvent = z.object({
  jobId: z.string(),
  label: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  finished: z.boolean(),
});
export type ProgressEvent = z.infer<typeof ProgressEvent>;

export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_method',
  'not_found',
  'read_only',
  'unauthorized',
  'bad_file',
  /** The caller cancelled the job (cancelJob); nothing was recorded. */
  'cancelled',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractErrorBody = z.infer<typeof ContractErrorBody>;
