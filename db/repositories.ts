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

/** Row-major 4×4 transform applied to a scan after loading (ScanNet's axisAlignment); 16 numbers. */
export type AxisAlignment = readonly number[];

export interface SceneUpsert {
  id: string;
  name: string;
  source: string;
  format: string;
  contentHash?: string | null;
  pointCount: number;
  instanceCount: number;
  origin: Vec3;
  /** Absent: an existing scene keeps its alignment. null: identity (none). */
  axisAlignment?: AxisAlignment | null;
}

export interface SceneRecord extends SceneSummary {
  contentHash: string | null;
  origin: Vec3;
  /** null = identity. */
  axisAlignment: number[] | null;
  /** ISO-8601 UTC of the first upsert; later upserts keep it. */
  createdAt: string;
}

/** Which points an instance covers: point indices, or ids of a stored superpoint set's superpoints. */
export type InstanceMask =
  | { kind: 'points'; ids: Int32Array }
  | { kind: 'superpoints'; ids: Int32Array; superpointSetId: string };

/** Oriented box: centre, unit axes, full side lengths (as segmentScene answers it). */
export interface OrientedBox {
  center: Vec3;
  axes: [Vec3, Vec3, Vec3];
  size: Vec3;
}

export interface InstanceInput extends InstanceInfo {
  /** Model score in [0, 1]; null or absent where no model produced the instance. */
  confidence?: number | null;
  /** Stored as an int32 blob. Point ids must be < the scene's point count, superpoint ids < the set's count. */
  mask?: InstanceMask;
  obb?: OrientedBox;
  /** A person checked the instance; default false. */
  verified?: boolean;
  /** Who made this one instance, overriding the call's source (an accepted edit mixes model and human). */
  source?: InstanceSource;
  /** With source 'model' per instance: its model version (else the call's options.modelVersion). */
  modelVersion?: string | null;
}

export interface StoredInstance extends InstanceInfo {
  source: InstanceSource;
  confidence: number | null;
  obb: OrientedBox | null;
  verified: boolean;
  /** The model that produced it (source 'model'); null otherwise. */
  modelVersion: string | null;
  /** What the stored mask holds, and how many ids; the ids themselves come from instanceMask(). */
  maskKind: InstanceMask['kind'] | null;
  maskSize: number;
  superpointSetId: string | null;
}

export interface ReplaceInstancesOptions {
  /** Required when source is 'model': which model produced the instances. */
  modelVersion?: string;
}

export interface SceneRepository {
  /** Inserts or updates by id; returns the stored record. */
  upsert(scene: SceneUpsert, now?: Date): SceneRecord;
  get(id: string): SceneRecord | undefined;
  /** Every scene, by name. */
  list(): SceneSummary[];
  /**
   * Replaces all instances of a scene at once (masks, boxes, flags) and sets its instanceCount;
   * not_found for an unknown scene, invalid_input (nothing written) for a bad instance or mask.
   * Source 'model' needs options.modelVersion.
   */
  replaceInstances(sceneId: string, instances: readonly InstanceInput[], source: InstanceSource, options?: ReplaceInstancesOptions): void;
  /**
   * Accepting model output: replaceInstances with source 'model', the model's version and every
   * instance unverified. Not in undo history (model output never is).
   */
  acceptModelInstances(sceneId: string, instances: readonly InstanceInput[], modelVersion: string): void;
  /** Ordered by instance id. Masks are not read here (they can be large): see instanceMask. */
  listInstances(sceneId: string): StoredInstance[];
  /** The stored mask of one instance; undefined when the instance or its mask does not exist. */
  instanceMask(sceneId: string, instanceId: number): InstanceMask | undefined;
  /** Marks one instance checked (or not) by a person; not_found for an unknown instance. */
  setInstanceVerified(sceneId: string, instanceId: number, verified: boolean): StoredInstance;
  /** Sets or clears (null) the scene's axis alignment; not_found for an unknown scene. */
  setAxisAlignment(sceneId: string, matrix: AxisAlignment | null): SceneRecord;
  /** The scene imported from this content (SHA-256 hex), if any; the oldest when several. */
  findByContentHash(contentHash: string): SceneRecord | undefined;
  /**
   * Records a new scene and its instances in one transaction: both or neither. An id that exists
   * already is invalid_input (imports never overwrite).
   */
  insertWithInstances(scene: SceneUpsert, instances: readonly InstanceInput[], source: InstanceSource, now?: Date): SceneRecord;
}

/** An accepted segmentation: the instances to store, and the superpoint set their masks refer to. */
export interface AcceptInstancesInput {
  /** Masks of kind 'superpoints' with an empty superpointSetId refer to `superpoints` below. */
  instances: readonly InstanceInput[];
  /** Per-point superpoint ids the masks use; the newest stored set is reused when its ids are the same. */
  superpoints?: { params: Record<string, unknown>; ids: Int32Array };
  /** The history entry's label; default "Accept segmentation". */
  label?: string;
  now?: Date;
}

/**
 * A person accepting a segmentation: all instances of a scene replaced in one transaction together
 * with ONE undo history entry (kind 'instances.accept'), so Ctrl+Z brings the earlier instances back.
 */
export interface InstanceEditor {
  accept(sceneId: string, input: AcceptInstancesInput): { superpointSetId: string | null };
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
  /**
   * Keyset paging: only items after this one in list order (pass the last item of the previous
   * page). Fast at any depth, where a large offset reads every skipped row. not_found if unknown.
   */
  afterId?: string;
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
  /** The same change to many items (a review batch) as one undo step, all or none; in `ids` order. */
  updateMany(ids: readonly string[], changes: QaItemChanges, meta?: EditMeta): QaItem[];
  undo(sceneId: string, meta?: EditMeta): UndoResult;
  redo(sceneId: string, meta?: EditMeta): UndoResult;
  history(sceneId: string, limit: number): HistoryState;
}

/** One distinct content a scene id has had (1, 2, …), so work can name the geometry it was made on. */
export interface SceneVersion {
  sceneId: string;
  version: number;
  contentHash: string;
  pointCount: number;
  note: string;
  createdAt: string;
}

export interface SceneVersionRepository {
  /**
   * Appends the scene's next version, unless its newest version has this content hash already (then
   * that one is returned and nothing is written). not_found for an unknown scene.
   */
  record(sceneId: string, content: { contentHash: string; pointCount: number; note?: string }, now?: Date): SceneVersion;
  /** Oldest first. */
  list(sceneId: string): SceneVersion[];
  latest(sceneId: string): SceneVersion | undefined;
}

export interface SuperpointSetInfo {
  id: string;
  sceneId: string;
  /** What produced the ids (algorithm, k, min vertices…), as given to save(). */
  params: Record<string, unknown>;
  pointCount: number;
  /** Distinct ids ≥ 0 (-1 marks a point in no superpoint). */
  superpointCount: number;
  createdAt: string;
}

export interface SuperpointSet extends SuperpointSetInfo {
  /** One id per point of the scene. */
  ids: Int32Array;
}

export interface SuperpointSetRepository {
  /**
   * Stores per-point superpoint ids (an int32 blob) with the parameters that made them. The length
   * must equal the scene's point count; ids are ≥ -1. not_found for an unknown scene.
   */
  save(sceneId: string, params: Record<string, unknown>, ids: Int32Array, now?: Date): SuperpointSetInfo;
  get(id: string): SuperpointSet | undefined;
  /** Newest first, without the ids. */
  list(sceneId: string): SuperpointSetInfo[];
  latest(sceneId: string): SuperpointSet | undefined;
  /** Instances that used the set keep their masks and lose the link. False when there was no such set. */
  delete(id: string): boolean;
}

export interface Annotator {
  id: string;
  name: string;
  createdAt: string;
}

export interface AnnotatorRepository {
  /** A new annotator with a fresh UUID. */
  create(name: string, now?: Date): Annotator;
  get(id: string): Annotator | undefined;
  /** By name. */
  list(): Annotator[];
  rename(id: string, name: string): Annotator;
}

/** Small JSON values under string keys (UI preferences, defaults); not for bulk data. */
export interface SettingsRepository {
  get(key: string): unknown;
  /** Written at once; a value JSON cannot carry unchanged (NaN, a Date, a typed array) is invalid_input. */
  set(key: string, value: unknown, now?: Date): void;
  /** False when the key was not set. */
  delete(key: string): boolean;
  all(): Record<string, unknown>;
}

export interface LayoutVersionInfo {
  id: string;
  sceneId: string;
  /** 1, 2, … per scene. */
  version: number;
  parentId: string | null;
  label: string;
  createdAt: string;
}

export interface LayoutVersion extends LayoutVersionInfo {
  /** The whole layout document as JSON text, exactly as saved. */
  documentJson: string;
}

/** Accepted layout edits, each a full layout document with the version it was made from. */
export interface LayoutVersionRepository {
  /**
   * Stores the next version of the scene's layout. parentId: absent = the scene's newest version
   * (null when it has none); null = a new root; else a version of the same scene. documentJson must
   * parse as a JSON object or array. not_found for an unknown scene or parent.
   */
  saveVersion(sceneId: string, label: string, documentJson: string, parentId?: string | null, now?: Date): LayoutVersionInfo;
  /** Oldest first, without the documents. */
  listVersions(sceneId: string): LayoutVersionInfo[];
  getVersion(id: string): LayoutVersion | undefined;
  latestVersion(sceneId: string): LayoutVersion | undefined;
}

export interface LayoutCommit {
  label: string;
  documentJson: string;
  /** History entry kind: 'layout.apply' (an accepted edit) or 'layout.restore'. */
  kind: 'layout.apply' | 'layout.restore';
  /** Saved first as a root version (outside undo) when the scene has no current version yet: the scan's own layout. */
  base?: { label: string; documentJson: string };
  /** The current version the edit was made on (null: none yet); a different one is refused, nothing written. */
  expectedCurrentId?: string | null;
  now?: Date;
}

/**
 * A person's layout changes: each commit is a new version whose parent is the scene's current one,
 * and moves the current pointer, with ONE undo history entry in the scene's shared stack (undo and
 * redo go through QaEditor and move the pointer back and forth). Versions are never deleted.
 */
export interface LayoutEditor {
  /** The version the scene shows; undefined while no edit was ever applied. */
  currentVersion(sceneId: string): LayoutVersion | undefined;
  /** The versions leading to the current one, oldest first (undone and abandoned ones are left out). */
  chain(sceneId: string): LayoutVersionInfo[];
  commit(sceneId: string, input: LayoutCommit): LayoutVersionInfo;
}

export interface QaReviewQuery {
  sceneId?: string;
  status?: QaItem['status'];
  kinds?: readonly string[];
  /** generated: items whose kind is a generated question type; workbench: all others. */
  origin?: 'generated' | 'workbench';
  /** Creation order; a generated batch shares one timestamp and keeps its insertion order. */
  order: 'newest' | 'oldest';
  limit: number;
  offset: number;
}

/** The light columns statistics need, for items not deleted. */
export interface QaStatRow {
  sceneId: string;
  kind: string;
  status: QaItem['status'];
  answer: number | string;
  instanceIds: number[];
}

/** Read queries of the review queue (writes go through QaItemRepository and QaEditor). */
export interface QaReviewQueries {
  /** Item ids matching the filters, in the asked order, and how many match. */
  page(query: QaReviewQuery): { ids: string[]; total: number };
  /** `query.questionId` of every generated item stored for the scene (rejected and undone ones too). */
  generatedQuestionIds(sceneId: string): Set<string>;
  statRows(sceneId?: string): QaStatRow[];
}
