// Accepting a segmentation as one undoable change. The history entry's patches replace the scene's
// whole instance snapshot (rows + masks, masks as base64 int32) at ['sceneInstances', <scene id>];
// undo writes the inverse snapshot back, redo the forward one. Masks of accepted instances are
// superpoint ids, so a snapshot stays small (a few KB for a room) even for large scans.
import type Database from 'better-sqlite3';
import { AppError } from '../../app/contract/errors';
import { applyCommand, replay as replayEntry, type Direction } from '../../app/history/command';
import type { HistoryEntry } from '../../app/history/types';
import type { HistoryReplayer } from '../qa-editor';
import type { AcceptInstancesInput, InstanceEditor, InstanceInput, InstanceMask, InstanceSource, OrientedBox } from '../repositories';
import type { SqliteHistoryRepository } from './history';
import type { SqliteSceneRepository } from './scenes';
import type { SqliteSuperpointSetRepository } from './superpoint-sets';

export const INSTANCES_ACCEPT = 'instances.accept';
const ROOT = 'sceneInstances';

interface SnapshotRow {
  id: number;
  label: string;
  pointCount: number;
  bbox: { min: [number, number, number]; max: [number, number, number] };
  centroid: [number, number, number];
  source: InstanceSource;
  confidence: number | null;
  obb: OrientedBox | null;
  verified: boolean;
  modelVersion: string | null;
  mask: { kind: 'points'; ids: string } | { kind: 'superpoints'; ids: string; superpointSetId: string } | null;
}

interface InstanceDocument {
  [ROOT]: Record<string, SnapshotRow[]>;
}

/** True for history entries this module writes (and so replays). */
export const isInstanceEntry = (entry: Pick<HistoryEntry, 'kind'>) => entry.kind.startsWith('instances.');

export class SqliteInstanceEditor implements InstanceEditor, HistoryReplayer {
  constructor(
    private readonly db: Database.Database,
    private readonly scenes: SqliteSceneRepository,
    private readonly superpointSets: SqliteSuperpointSetRepository,
    private readonly entries: SqliteHistoryRepository,
  ) {}

  accept(sceneId: string, input: AcceptInstancesInput): { superpointSetId: string | null } {
    const now = input.now ?? new Date();
    return this.db.transaction(() => {
      if (!this.scenes.get(sceneId)) throw new AppError('not_found', `no scene with id ${sceneId}`, { sceneId });
      const setId = input.superpoints ? this.superpointSetFor(sceneId, input.superpoints.params, input.superpoints.ids, now) : null;
      const instances = input.instances.map((i, k) => {
        if (i.mask?.kind !== 'superpoints' || i.mask.superpointSetId) return i;
        if (!setId) throw new AppError('invalid_input', `instances.${k}.mask: superpoint mask without a set, and no superpoints given`);
        return { ...i, mask: { ...i.mask, superpointSetId: setId } };
      });
      const before = this.snapshot(sceneId);
      this.scenes.replaceInstances(sceneId, instances, 'human');
      const after = this.snapshot(sceneId);
      const doc: InstanceDocument = { [ROOT]: { [sceneId]: before } };
      const { entry } = applyCommand(doc, { label: input.label ?? 'Accept segmentation', kind: INSTANCES_ACCEPT, target: sceneId, recipe: (d) => void (d[ROOT][sceneId] = after) }, now.getTime());
      if (entry) this.entries.record(sceneId, entry);
      return { superpointSetId: setId };
    }).immediate();
  }

  handles(entry: HistoryEntry): boolean {
    return isInstanceEntry(entry);
  }

  /** Writes the snapshot the entry leads to; called inside the undo/redo transaction. */
  replay(entry: HistoryEntry & { sceneId: string }, direction: Direction): void {
    const patches = direction === 'undo' ? entry.inverse : entry.patches;
    for (const p of patches) {
      if (p.path[0] !== ROOT || p.path[1] !== entry.sceneId || p.path.length !== 2) {
        throw new AppError('internal', `instance history patch has an unexpected path ${JSON.stringify(p.path)}`);
      }
    }
    const doc: InstanceDocument = { [ROOT]: { [entry.sceneId]: this.snapshot(entry.sceneId) } };
    const target = replayEntry(doc, entry, direction)[ROOT][entry.sceneId] ?? [];
    this.scenes.replaceInstances(entry.sceneId, target.map(fromSnapshot), 'human');
  }

  private superpointSetFor(sceneId: string, params: Record<string, unknown>, ids: Int32Array, now: Date): string {
    const latest = this.superpointSets.latest(sceneId);
    if (latest && sameIds(latest.ids, ids)) return latest.id;
    return this.superpointSets.save(sceneId, params, ids, now).id;
  }

  private snapshot(sceneId: string): SnapshotRow[] {
    return this.scenes.listInstances(sceneId).map((i) => {
      const mask = this.scenes.instanceMask(sceneId, i.id);
      return {
        id: i.id,
        label: i.label,
        pointCount: i.pointCount,
        bbox: { min: [...i.bbox.min], max: [...i.bbox.max] },
        centroid: [...i.centroid],
        source: i.source,
        confidence: i.confidence,
        obb: i.obb,
        verified: i.verified,
        modelVersion: i.modelVersion,
        mask: !mask ? null : mask.kind === 'points' ? { kind: 'points', ids: toBase64(mask.ids) } : { kind: 'superpoints', ids: toBase64(mask.ids), superpointSetId: mask.superpointSetId },
      };
    });
  }
}

function fromSnapshot(r: SnapshotRow): InstanceInput {
  const mask: InstanceMask | undefined = !r.mask
    ? undefined
    : r.mask.kind === 'points'
      ? { kind: 'points', ids: fromBase64(r.mask.ids) }
      : { kind: 'superpoints', ids: fromBase64(r.mask.ids), superpointSetId: r.mask.superpointSetId };
  return {
    id: r.id,
    label: r.label,
    pointCount: r.pointCount,
    bbox: r.bbox,
    centroid: r.centroid,
    source: r.source,
    confidence: r.confidence,
    verified: r.verified,
    modelVersion: r.modelVersion,
    ...(r.obb ? { obb: r.obb } : {}),
    ...(mask ? { mask } : {}),
  };
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const toBase64 = (ids: Int32Array) => Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64');

function fromBase64(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
