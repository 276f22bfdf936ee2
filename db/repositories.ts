// What the host depends on. The SQLite classes in db/sqlite implement these; a team store on
// PostgreSQL can implement them later without the host changing.
import type { InstanceInfo, QaItem, QaItemInput, SceneSummary, Vec3 } from '../app/contract/schemas';

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

export interface QaItemRepository {
  /** Validates and stores a new item; invalid_input and nothing written when the input is bad. */
  save(input: QaItemInput, meta: QaSaveMeta): QaItem;
  list(query: QaListQuery): QaPage;
  get(id: string): QaItem | undefined;
}
