// What the host depends on. The SQLite classes in db/sqlite implement these; a team store on
// PostgreSQL can implement them later without the host changing.
import type {
  HistoryState,
  InstanceInfo,
  QaItem,
  QaItemChanges,
  QaItemInput,
  SceneSummary,
  UndoResult,
  Vec3,
} from '../app/contract/schemas';

/** Who produced an instance: the segmentation model, a person, the source file, or a generator. */
export type InstanceSource = 'model' | 'human' | 'import' | 'generated';
export const INSTANCE_SOURCES = ['model', 'human', 'import', 'generated'] as const satisfies readonly InstanceSource[];

export interface SceneUpsert {
  id: string;
  name: string;
  source: string;
  format: string;
  contentHash?: string | null;
  pointCount: number;
  instanceCount: number;
  origin: Vec3;
}

export interface SceneRecord extends SceneSummary {
  contentHash: string | null;
  origin: Vec3;
  /** ISO-8601 UTC of the first upsert; later upserts keep it. */
  createdAt: string;
}

export interface InstanceInput extends InstanceInfo {
  /** Model score in [0, 1]; null or absent where no model produced the instance. */
  confidence?: number | null;
}

export interface StoredInstance extends InstanceInfo {
  source: InstanceSource;
  confidence: number | null;
}

export interface SceneRepository {
  /** Inserts or updates by id; returns the stored record. */
  upsert(scene: SceneUpsert, now?: Date): SceneRecord;
  get(id: string): SceneRecord | undefined;
  /** Every scene, by name. */
  list(): SceneSummary[];
  /** Replaces all instances of a scene at once and sets its instanceCount; not_found for an unknown scene. */
  replaceInstances(sceneId: string, instances: readonly InstanceInput[], source: InstanceSource): void;
  /** Ordered by instance id. */
  listInstances(sceneId: string): StoredInstance[];
  /** The scene imported from this content (SHA-256 hex), if any; the oldest when several. */
  findByContentHash(contentHash: string): SceneRecord | undefined;
  /**
   * Records a new scene and its instances in one transaction: both or neither. An id that exists
   * already is invalid_input (imports never overwrite).
   */
  insertWithInstances(scene: SceneUpsert, instances: readonly InstanceInput[], source: InstanceSource, now?: Date): SceneRecord;
}

export interface QaSaveMeta {
  engineVersion: string;
  /** When the item was created; defaults to the current time. */
  now?: Date;
}

export interface QaListQuery {
  sceneId?: string;
  /** 1…MAX_QA_PAGE */
  limit: number;
  offset: number;
}

export interface QaPage {
  /** Newest first. */
  items: QaItem[];
  /** How many items match the query, ignoring limit and offset. */
  total: number;
}

export const MAX_QA_PAGE = 1000;

/** One stored state of a QA item; revisions are never changed or removed. */
export interface QaItemRevision {
  revision: number;
  /** True for the revision an undone save left: the item is hidden from lists, its content kept. */
  deleted: boolean;
  createdAt: string;
  question: string;
  answer: number | string;
  unit: string;
  status: QaItem['status'];
  engineVersion: string;
}

export interface QaItemRepository {
  /** Validates and stores a new item (revision 1); invalid_input and nothing written when the input is bad. */
  save(input: QaItemInput, meta: QaSaveMeta): QaItem;
  /** Many new items in one transaction, all or none; returns their ids in input order. */
  saveMany(inputs: readonly QaItemInput[], meta: QaSaveMeta): string[];
  /** Items not deleted by an undone save. */
  list(query: QaListQuery): QaPage;
  get(id: string): QaItem | undefined;
  /** Every revision of an item, oldest first (deleted ones included). */
  revisions(id: string): QaItemRevision[];
}

export interface EditMeta {
  /** When the change happens; defaults to the current time. Decides whether rapid changes merge. */
  now?: Date;
}

/**
 * Changes to saved work made by a person, each one committed at once together with its undo
 * history entry. Model output and loads do not come through here, so they are never in undo.
 */
export interface QaEditor {
  save(input: QaItemInput, meta: QaSaveMeta): QaItem;
  update(id: string, changes: QaItemChanges, meta?: EditMeta): QaItem;
  undo(sceneId: string, meta?: EditMeta): UndoResult;
  redo(sceneId: string, meta?: EditMeta): UndoResult;
  history(sceneId: string, limit: number): HistoryState;
}
