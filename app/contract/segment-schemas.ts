// Editing a segmentation before it is accepted: click-to-object prompts, superpoint add/remove,
// merge, split, relabel, then accept (one undoable store change) or discard. The draft lives in the
// host; every answer carries the whole draft, its per-point instance ids as one binary buffer.
import { z } from 'zod';
import { Box3, Id, InstanceInfo, UndoResult, Vec3 } from './schemas';

const InstanceId = z.number().int().nonnegative();
/** The label table a relabel picks from (ScanNet-20, the scene's own labels, `object`). */
export const SegmentLabel = z.string().min(1).max(64);

export const DraftInstanceInfo = z.object({
  id: InstanceId,
  label: z.string(),
  /** The model's score; null once a person made or changed the instance. */
  confidence: z.number().min(0).max(1).nullable(),
  source: z.enum(['model', 'human']),
  pointCount: z.number().int().nonnegative(),
  superpointCount: z.number().int().positive(),
  bbox: Box3,
  centroid: Vec3,
});
export type DraftInstanceInfo = z.infer<typeof DraftInstanceInfo>;

export const SegmentationDraftView = z.object({
  sceneId: Id,
  /** What the draft started from: a model run, the geometric fallback, or nothing (clicks only). */
  origin: z.enum(['model', 'geometric', 'empty']),
  /** Stored with accepted model instances: the model file and its hash, or `geometric-fallback vN`. */
  modelVersion: z.string(),
  superpointCount: z.number().int().nonnegative(),
  instances: z.array(DraftInstanceInfo),
  /** Draft instance id per point, -1 where none (binary). */
  instanceIds: z.instanceof(Int32Array),
  /** Superpoint id per point (binary), so shift-clicks can be drawn and checked in the page. */
  superpointIds: z.instanceof(Int32Array),
  /** Labels a relabel accepts. */
  labels: z.array(z.string()),
  /** The instance the last operation made or changed (select it); null when none. */
  focus: InstanceId.nullable(),
});
export type SegmentationDraftView = z.infer<typeof SegmentationDraftView>;

export const PromptObjectInput = z
  .object({
    sceneId: Id,
    /** The clicked superpoints, or the clicked point (the host looks up its superpoint). */
    superpointIds: z.array(z.number().int().nonnegative()).min(1).max(256).optional(),
    pointIndex: z.number().int().nonnegative().optional(),
    /** new: the object under the click becomes an instance; add / remove: the clicked superpoints join or leave `targetInstance`. */
    mode: z.enum(['new', 'add', 'remove']),
    targetInstance: InstanceId.optional(),
  })
  .strict()
  .refine((i) => (i.superpointIds === undefined) !== (i.pointIndex === undefined), { message: 'expected exactly one of superpointIds and pointIndex' })
  .refine((i) => i.mode === 'new' || i.targetInstance !== undefined, { message: 'add and remove need targetInstance', path: ['targetInstance'] });
export type PromptObjectInput = z.infer<typeof PromptObjectInput>;

export const SceneOnlyInput = z.object({ sceneId: Id }).strict();
export const MergeInstancesInput = z.object({ sceneId: Id, ids: z.array(InstanceId).min(2).max(1000) }).strict();
export const SplitInstanceInput = z.object({ sceneId: Id, id: InstanceId }).strict();
export const RelabelInstanceInput = z.object({ sceneId: Id, id: InstanceId, label: SegmentLabel }).strict();

/** A stored instance's provenance, for the instance list (confidence, who made it). */
export const StoredInstanceInfo = z.object({
  id: z.number().int(),
  source: z.enum(['model', 'human', 'import', 'generated']),
  confidence: z.number().min(0).max(1).nullable(),
  modelVersion: z.string().nullable(),
  verified: z.boolean(),
});
export type StoredInstanceInfo = z.infer<typeof StoredInstanceInfo>;

/** What became of a draft stored before the host restarted (reported until the draft next changes). */
export const DraftRestoreNote = z.object({
  outcome: z.enum(['restored', 'discarded']),
  reason: z.string(),
});
export type DraftRestoreNote = z.infer<typeof DraftRestoreNote>;

export const SegmentationStateResult = z.object({
  draft: SegmentationDraftView.nullable(),
  stored: z.array(StoredInstanceInfo),
  restore: DraftRestoreNote.optional(),
});
export type SegmentationStateResult = z.infer<typeof SegmentationStateResult>;

export const AcceptSegmentationResult = z.object({
  sceneId: Id,
  /** The scene's instances now (ids renumbered 0..n-1 in draft order). */
  instances: z.array(InstanceInfo),
  stored: z.array(StoredInstanceInfo),
  /** The undo state after the acceptance (one entry: Ctrl+Z takes it back). */
  history: UndoResult.omit({ applied: true }),
});
export type AcceptSegmentationResult = z.infer<typeof AcceptSegmentationResult>;
