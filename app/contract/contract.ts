// The one typed contract every process speaks: request/response pairs and events.
// Handlers in main/ are keyed by it; the three transports only move these shapes.
import { z } from 'zod';
import {
  AppInfo,
  DistanceResult,
  HistoryState,
  Id,
  ImportResult,
  InstanceInfo,
  OpenedScene,
  ProgressEvent,
  QaItem,
  QaItemChanges,
  QaItemInput,
  QaKind,
  QaStatus,
  SceneSummary,
  SegmentationResult,
  UndoResult,
} from './schemas';
import { AskInput, AskResult } from './ask-schemas';
import { ExportProjectInput, ExportProjectResult } from './project-schemas';
import { ChooseImportInput, ChooseImportResult } from './choose-import-schemas';
import { AuditDatasetInput, AuditDatasetResult } from './audit-schemas';
import { DeleteViewpointInput, ListViewpointsInput, SaveViewpointInput, ViewpointList } from './viewpoint-schemas';
import { GenerateQuestionsInput, GenerateQuestionsResult, QaStats, QaStatsInput, ReviewQaItemsInput } from './qa-review-schemas';
import {
  AcceptSegmentationResult,
  MergeInstancesInput,
  PromptObjectInput,
  RelabelInstanceInput,
  SceneOnlyInput,
  SegmentationDraftView,
  SegmentationStateResult,
  SplitInstanceInput,
} from './segment-schemas';
import {
  ApplyLayoutEditInput,
  ApplyLayoutEditResult,
  ExportLayoutInput,
  ExportLayoutResult,
  LayoutPreview,
  LayoutVersionList,
  ListLayoutVersionsInput,
  PreviewLayoutEditInput,
  RestoreLayoutVersionInput,
} from './layout-schemas';

const entry = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  appInfo: entry(z.object({}).strict(), AppInfo),
  listScenes: entry(z.object({}).strict(), z.object({ scenes: z.array(SceneSummary) })),
  openScene: entry(z.object({ sceneId: Id }).strict(), OpenedScene),
  /**
   * Imports a scan file or scene folder on the host's disk into the database and the scene cache.
   * Emits `progress` events under `jobId` (caller-chosen so it can cancel before the answer comes).
   */
  importScene: entry(
    z.object({ path: z.string().min(1).max(4096), jobId: z.string().min(1).max(200).optional(), upAxis: z.enum(['z', 'y']).optional() }).strict(),
    ImportResult,
  ),
  /** Asks a running job (importScene) to stop; false when no such job is running. */
  cancelJob: entry(z.object({ jobId: z.string().min(1).max(200) }).strict(), z.object({ cancelled: z.boolean() })),
  /** Shows the host's open dialog (Electron) and answers the chosen path; `supported: false` elsewhere. */
  chooseImportPath: entry(ChooseImportInput, ChooseImportResult),
  listInstances: entry(z.object({ sceneId: Id }).strict(), z.object({ instances: z.array(InstanceInfo) })),
  /**
   * Splits a scene into instances: the segmentation model when installed, else the geometric fallback
   * (the answer says which). Emits `progress` events under `jobId`; cancelJob stops it.
   */
  segmentScene: entry(z.object({ sceneId: Id, jobId: z.string().min(1).max(200).optional() }).strict(), SegmentationResult),
  /**
   * Segmentation editing (segment-schemas.ts): a draft per scene held by the host, outside the store
   * and the undo history until acceptSegmentation stores it as one undoable change.
   * segmentScene starts a draft from its instances; a first promptObject starts an empty one.
   */
  segmentationState: entry(SceneOnlyInput, SegmentationStateResult),
  promptObject: entry(PromptObjectInput, SegmentationDraftView),
  mergeInstances: entry(MergeInstancesInput, SegmentationDraftView),
  splitInstance: entry(SplitInstanceInput, SegmentationDraftView),
  relabelInstance: entry(RelabelInstanceInput, SegmentationDraftView),
  acceptSegmentation: entry(SceneOnlyInput, AcceptSegmentationResult),
  discardSegmentation: entry(SceneOnlyInput, z.object({ discarded: z.boolean() })),
  measureDistance: entry(
    z.object({ sceneId: Id, a: z.number().int(), b: z.number().int() }).strict(),
    DistanceResult,
  ),
  /**
   * A typed question, or a question type over the selection, about a scene: the answer with its
   * evidence, or which object to click when a reference is ambiguous, or why it is not supported.
   */
  askQuestion: entry(AskInput, AskResult),
  saveQaItem: entry(QaItemInput.strict(), QaItem),
  listQaItems: entry(
    z
      .object({
        sceneId: Id.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
        /** Keyset paging: items after this one (the last of the previous page); fast at any depth. */
        afterId: z.string().uuid().optional(),
        /** Review queue filters (qa-review-schemas.ts). */
        status: QaStatus.optional(),
        kinds: z.array(QaKind).min(1).max(50).optional(),
        origin: z.enum(['generated', 'workbench']).optional(),
        /** newest first (default), or oldest first: the review queue's order. */
        order: z.enum(['newest', 'oldest']).optional(),
      })
      .strict(),
    z.object({ items: z.array(QaItem), total: z.number().int().nonnegative() }),
  ),
  /** Every valid question of the chosen types for a scene, curated, stored as draft items (not in undo). */
  generateQuestions: entry(GenerateQuestionsInput, GenerateQuestionsResult),
  /** Accepts (verified) or rejects many items as one undoable change. */
  reviewQaItems: entry(ReviewQaItemsInput, z.object({ items: z.array(QaItem) })),
  /** Counts per type and status, answer distributions, coverage and review progress. */
  qaStats: entry(QaStatsInput, QaStats),
  /** Edits a saved item; a new revision is written and the earlier ones are kept. */
  updateQaItem: entry(z.object({ id: z.string().uuid(), changes: QaItemChanges }).strict(), QaItem),
  /** Reverts the newest change to the scene's saved work (persisted: works after a restart). */
  undo: entry(z.object({ sceneId: Id }).strict(), UndoResult),
  redo: entry(z.object({ sceneId: Id }).strict(), UndoResult),
  listHistory: entry(
    z.object({ sceneId: Id, limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    HistoryState,
  ),
  /**
   * Writes the saved work (database + scene caches) into one .swproj file on the host's disk; works
   * read-only too. Emits `progress` events under `jobId`; cancelJob stops it and removes the partial file.
   */
  exportProject: entry(ExportProjectInput, ExportProjectResult),
  /**
   * Superpoint id per point for the viewer's superpoint colour mode: a segmentation run's, else
   * computed on first request (k-NN superpoints) and kept while the host runs.
   */
  sceneSuperpoints: entry(
    z.object({ sceneId: Id }).strict(),
    z.object({ sceneId: Id, count: z.number().int().nonnegative(), method: z.enum(['segmentation', 'points']), superpointIds: z.instanceof(Int32Array) }),
  ),
  /** Named camera viewpoints saved for a scene (the viewer's Views list), oldest first. */
  listViewpoints: entry(ListViewpointsInput, ViewpointList),
  /** Saves (or replaces, by name) a viewpoint of a scene; answers the scene's list. */
  saveViewpoint: entry(SaveViewpointInput, ViewpointList),
  deleteViewpoint: entry(DeleteViewpointInput, ViewpointList),
  /**
   * Layout editing (layout-schemas.ts): an instruction previewed (grounding, pose changes with the
   * ghost's motion, rule margins, or the refusal), applied as a new layout version with one undo step,
   * versions listed and restored (a restore is a new, undoable version), the edited scene exported.
   */
  previewLayoutEdit: entry(PreviewLayoutEditInput, LayoutPreview),
  applyLayoutEdit: entry(ApplyLayoutEditInput, ApplyLayoutEditResult),
  listLayoutVersions: entry(ListLayoutVersionsInput, LayoutVersionList),
  restoreLayoutVersion: entry(RestoreLayoutVersionInput, ApplyLayoutEditResult),
  exportLayout: entry(ExportLayoutInput, ExportLayoutResult),
  /**
   * `qa audit --format vsibench` on the host (audit-schemas.ts): released rows recomputed from the
   * meta's boxes, agreement per type, every disagreement with its evidence, the rows not checked.
   */
  auditDataset: entry(AuditDatasetInput, AuditDatasetResult),
} as const;

export const events = {
  progress: ProgressEvent,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type EventName = keyof typeof events;
/** What a caller may send (defaults not yet applied). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const methods = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
