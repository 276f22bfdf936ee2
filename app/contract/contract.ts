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
  SceneSummary,
  SegmentationResult,
  UndoResult,
} from './schemas';

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
  listInstances: entry(z.object({ sceneId: Id }).strict(), z.object({ instances: z.array(InstanceInfo) })),
  /**
   * Splits a scene into instances: the segmentation model when installed, else the geometric fallback
   * (the answer says which). Emits `progress` events under `jobId`; cancelJob stops it.
   */
  segmentScene: entry(z.object({ sceneId: Id, jobId: z.string().min(1).max(200).optional() }).strict(), SegmentationResult),
  measureDistance: entry(
    z.object({ sceneId: Id, a: z.number().int(), b: z.number().int() }).strict(),
    DistanceResult,
  ),
  saveQaItem: entry(QaItemInput.strict(), QaItem),
  listQaItems: entry(
    z
      .object({
        sceneId: Id.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(QaItem), total: z.number().int().nonnegative() }),
  ),
  /** Edits a saved item; a new revision is written and the earlier ones are kept. */
  updateQaItem: entry(z.object({ id: z.string().uuid(), changes: QaItemChanges }).strict(), QaItem),
  /** Reverts the newest change to the scene's saved work (persisted: works after a restart). */
  undo: entry(z.object({ sceneId: Id }).strict(), UndoResult),
  redo: entry(z.object({ sceneId: Id }).strict(), UndoResult),
  listHistory: entry(
    z.object({ sceneId: Id, limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    HistoryState,
  ),
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
