// A segmentation being edited: instances as sets of superpoints, each superpoint owned by at most one
// instance. It lives in the host between "Segment scene" (or a first click) and Accept / Discard,
// outside the undo history and the store: model output is not a person's work until accepted.
// Every edit keeps the ownership table and the instances in step, so the per-point instance ids the
// viewer draws are always one lookup away.
import { AppError } from '../contract/errors';
import { featureColumn, FEATURE_COUNT, type SuperpointFeatures } from './features';

/** model: as the segmentation produced it; human: made or changed by a person. */
export type DraftSource = 'model' | 'human';

export interface DraftInstance {
  id: number;
  label: string;
  /** The model's score; null once a person made or changed the instance. */
  confidence: number | null;
  source: DraftSource;
  /** Superpoint ids, ascending, never empty. */
  superpoints: number[];
}

/** Everything that rebuilds a draft exactly on the same superpoints (see SegmentationDraft.restore). */
export interface DraftSnapshot {
  /** The id the next new instance gets (ids are never reused within a draft). */
  nextId: number;
  instances: DraftInstance[];
}

export interface DraftSeed {
  label: string;
  confidence: number;
  superpoints: readonly number[];
}

/** Label of objects a click made where no earlier instance suggests one. */
export const OBJECT_LABEL = 'object';

const Z_MIN = featureColumn('z_min');
const Z_MAX = featureColumn('z_max');
/** Superpoints may reach this far across a support plane (a table top's thickness, scan noise). */
const SUPPORT_TOLERANCE = 0.02;
/** Each side of a support cut must hold at least this share of the instance's points. */
const SUPPORT_MIN_SHARE = 0.05;

export class SegmentationDraft {
  /** Per superpoint: the owning instance id, or -1. */
  readonly owner: Int32Array;
  private readonly byId = new Map<number, DraftInstance>();
  private nextId = 0;

  /**
   * `superpointIds`: one per point (0..features.count-1, or -1 for none); `seeds` become the first
   * instances (ids 0..), a superpoint claimed twice staying with the first seed.
   */
  constructor(
    readonly superpointIds: Int32Array,
    readonly features: SuperpointFeatures,
    seeds: readonly DraftSeed[] = [],
  ) {
    this.owner = new Int32Array(features.count).fill(-1);
    for (const seed of seeds) {
      const free = this.checked(seed.superpoints, 'seed').filter((s) => this.owner[s] === -1);
      if (free.length === 0) continue;
      const inst: DraftInstance = { id: this.nextId++, label: seed.label, confidence: clamp01(seed.confidence), source: 'model', superpoints: free };
      for (const s of free) this.owner[s] = inst.id;
      this.byId.set(inst.id, inst);
    }
  }

  /**
   * A draft as a snapshot described it, on the same superpoints (the caller checks that they are).
   * invalid_input when the snapshot cannot be one: an id twice or past nextId, a superpoint out of
   * range, unsorted, or in two instances, an empty instance.
   */
  static restore(superpointIds: Int32Array, features: SuperpointFeatures, snapshot: DraftSnapshot): SegmentationDraft {
    const draft = new SegmentationDraft(superpointIds, features);
    const bad = (why: string) => new AppError('invalid_input', `stored segmentation draft: ${why}`);
    if (!(Number.isInteger(snapshot.nextId) && snapshot.nextId >= 0)) throw bad(`nextId ${snapshot.nextId} is not a count`);
    for (const inst of snapshot.instances) {
      if (!(Number.isInteger(inst.id) && inst.id >= 0 && inst.id < snapshot.nextId)) throw bad(`instance id ${inst.id} is not in 0..${snapshot.nextId - 1}`);
      if (draft.byId.has(inst.id)) throw bad(`instance ${inst.id} appears twice`);
      if (inst.superpoints.length === 0) throw bad(`instance ${inst.id} has no superpoints`);
      let prev = -1;
      for (const s of inst.superpoints) {
        if (!(Number.isInteger(s) && s > prev && s < features.count)) throw bad(`instance ${inst.id}: superpoint ${s} is not ascending in 0..${features.count - 1}`);
        if (draft.owner[s] !== -1) throw bad(`superpoint ${s} is in instances ${draft.owner[s]} and ${inst.id}`);
        draft.owner[s] = inst.id;
        prev = s;
      }
      const confidence = inst.confidence === null ? null : clamp01(inst.confidence);
      draft.byId.set(inst.id, { id: inst.id, label: inst.label, confidence, source: inst.source, superpoints: [...inst.superpoints] });
    }
    draft.nextId = snapshot.nextId;
    return draft;
  }

  /** A copy of the draft's state that restore() turns back into an identical draft. */
  snapshot(): DraftSnapshot {
    return { nextId: this.nextId, instances: this.instances().map((i) => ({ ...i, superpoints: [...i.superpoints] })) };
  }

  /** By id, ascending. */
  instances(): DraftInstance[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  get(id: number): DraftInstance {
    const inst = this.byId.get(id);
    if (!inst) throw new AppError('not_found', `the segmentation draft has no instance ${id}`, { instanceId: id });
    return inst;
  }

  /** The superpoint of a point; invalid_input for an index outside the scene or a point in none. */
  superpointOfPoint(pointIndex: number): number {
    if (!(Number.isInteger(pointIndex) && pointIndex >= 0 && pointIndex < this.superpointIds.length)) {
      throw new AppError('invalid_input', `point ${pointIndex} is not in 0..${this.superpointIds.length - 1}`, { pointIndex });
    }
    const s = this.superpointIds[pointIndex]!;
    if (s < 0) throw new AppError('invalid_input', `point ${pointIndex} belongs to no superpoint`, { pointIndex });
    return s;
  }

  /**
   * A new instance over `superpoints`, taken from whichever instances held them (an emptied one is
   * dropped). Its label is the one most of its points had, else `object`.
   */
  create(superpoints: readonly number[], label?: string): DraftInstance {
    const mask = this.checked(superpoints, 'mask');
    if (mask.length === 0) throw new AppError('invalid_input', 'a new object needs at least one superpoint');
    const inst: DraftInstance = { id: this.nextId++, label: label ?? this.majorityLabel(mask), confidence: null, source: 'human', superpoints: [] };
    this.byId.set(inst.id, inst);
    this.claim(inst, mask);
    return inst;
  }

  /** Gives `superpoints` to instance `id` (taking them from other instances). */
  add(id: number, superpoints: readonly number[]): DraftInstance {
    const inst = this.get(id);
    this.claim(inst, this.checked(superpoints, 'add').filter((s) => this.owner[s] !== id));
    return inst;
  }

  /** Takes `superpoints` out of instance `id`; removing its last superpoint is refused (discard it by merging instead). */
  remove(id: number, superpoints: readonly number[]): DraftInstance {
    const inst = this.get(id);
    const drop = new Set(this.checked(superpoints, 'remove').filter((s) => this.owner[s] === id));
    if (drop.size === 0) return inst;
    if (drop.size === inst.superpoints.length) throw new AppError('invalid_input', `removing these superpoints would leave instance ${id} empty`, { instanceId: id });
    for (const s of drop) this.owner[s] = -1;
    inst.superpoints = inst.superpoints.filter((s) => !drop.has(s));
    this.edited(inst);
    return inst;
  }

  /** One instance from several: it keeps the id and label of the one with the most points. */
  merge(ids: readonly number[]): DraftInstance {
    const unique = [...new Set(ids)];
    if (unique.length < 2) throw new AppError('invalid_input', 'merging needs at least two different instances');
    const parts = unique.map((id) => this.get(id));
    const points = (i: DraftInstance) => this.pointsOf(i.superpoints);
    const keep = parts.reduce((best, p) => (points(p) > points(best) ? p : best));
    for (const p of parts) if (p !== keep) this.claim(keep, p.superpoints);
    this.edited(keep);
    return keep;
  }

  /**
   * Splits an instance into its connected pieces (superpoint adjacency); one connected piece is cut
   * at a support plane (an object standing on another: no superpoint crosses the height). The
   * largest part keeps the id; the answer lists every part, largest first.
   */
  split(id: number): DraftInstance[] {
    const inst = this.get(id);
    let parts = this.components(inst.superpoints);
    if (parts.length < 2) parts = this.supportCut(inst.superpoints);
    if (parts.length < 2) {
      throw new AppError('invalid_input', `instance ${id} (${inst.label}) is one connected piece with no support plane to cut at; shift-click superpoints to take them out instead`, { instanceId: id });
    }
    parts.sort((a, b) => this.pointsOf(b) - this.pointsOf(a));
    inst.superpoints = parts[0]!;
    this.edited(inst);
    const out = [inst];
    for (const part of parts.slice(1)) out.push(this.create(part, inst.label));
    return out;
  }

  relabel(id: number, label: string): DraftInstance {
    const inst = this.get(id);
    if (inst.label !== label) {
      inst.label = label;
      this.edited(inst);
    }
    return inst;
  }

  /** Instance id per point, -1 where none. */
  pointInstanceIds(): Int32Array {
    const ids = this.superpointIds;
    const out = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const s = ids[i]!;
      out[i] = s < 0 ? -1 : this.owner[s]!;
    }
    return out;
  }

  pointsOf(superpoints: readonly number[]): number {
    let n = 0;
    for (const s of superpoints) n += this.features.pointCounts[s]!;
    return n;
  }

  private claim(inst: DraftInstance, superpoints: readonly number[]): void {
    const losers = new Map<number, Set<number>>();
    for (const s of superpoints) {
      const was = this.owner[s]!;
      if (was === inst.id) continue;
      if (was >= 0) (losers.get(was) ?? losers.set(was, new Set()).get(was)!).add(s);
      this.owner[s] = inst.id;
    }
    for (const [id, taken] of losers) {
      const other = this.byId.get(id)!;
      other.superpoints = other.superpoints.filter((s) => !taken.has(s));
      if (other.superpoints.length === 0) this.byId.delete(id);
      else this.edited(other);
    }
    const mine: number[] = [];
    for (let s = 0; s < this.owner.length; s++) if (this.owner[s] === inst.id) mine.push(s);
    inst.superpoints = mine;
    this.edited(inst);
  }

  private edited(inst: DraftInstance): void {
    inst.source = 'human';
    inst.confidence = null;
  }

  private checked(superpoints: readonly number[], what: string): number[] {
    const n = this.features.count;
    for (const s of superpoints) {
      if (!(Number.isInteger(s) && s >= 0 && s < n)) throw new AppError('invalid_input', `${what}: superpoint ${s} is not in 0..${n - 1}`);
    }
    return [...new Set(superpoints)].sort((a, b) => a - b);
  }

  private majorityLabel(mask: readonly number[]): string {
    const weight = new Map<string, number>();
    for (const s of mask) {
      const owner = this.owner[s]!;
      if (owner < 0) continue;
      const label = this.byId.get(owner)!.label;
      weight.set(label, (weight.get(label) ?? 0) + this.features.pointCounts[s]!);
    }
    let best = OBJECT_LABEL;
    let most = 0;
    for (const [label, w] of weight) if (w > most) [best, most] = [label, w];
    return best;
  }

  /** Connected pieces of `superpoints` over the adjacency, each ascending. */
  private components(superpoints: readonly number[]): number[][] {
    const member = new Set(superpoints);
    const seen = new Set<number>();
    const { offsets, ids } = this.features.neighbours;
    const out: number[][] = [];
    for (const start of superpoints) {
      if (seen.has(start)) continue;
      const part: number[] = [];
      const stack = [start];
      seen.add(start);
      while (stack.length) {
        const a = stack.pop()!;
        part.push(a);
        for (let e = offsets[a]!; e < offsets[a + 1]!; e++) {
          const b = ids[e]!;
          if (member.has(b) && !seen.has(b)) {
            seen.add(b);
            stack.push(b);
          }
        }
      }
      out.push(part.sort((x, y) => x - y));
    }
    return out;
  }

  /**
   * Two parts split at the height where no superpoint crosses (within SUPPORT_TOLERANCE), among the
   * cuts leaving each side SUPPORT_MIN_SHARE of the points: the most balanced one. [] when none.
   */
  private supportCut(superpoints: readonly number[]): number[][] {
    const f = this.features.features;
    const lo = (s: number) => f[s * FEATURE_COUNT + Z_MIN]!;
    const hi = (s: number) => f[s * FEATURE_COUNT + Z_MAX]!;
    const total = this.pointsOf(superpoints);
    let best: number[][] = [];
    let bestBalance = -1;
    for (const cut of new Set(superpoints.map(hi))) {
      const below: number[] = [];
      const above: number[] = [];
      let crossing = false;
      for (const s of superpoints) {
        if (hi(s) <= cut + SUPPORT_TOLERANCE) below.push(s);
        else if (lo(s) >= cut - SUPPORT_TOLERANCE) above.push(s);
        else {
          crossing = true;
          break;
        }
      }
      if (crossing || below.length === 0 || above.length === 0) continue;
      const share = Math.min(this.pointsOf(below), this.pointsOf(above)) / total;
      if (share >= SUPPORT_MIN_SHARE && share > bestBalance) {
        bestBalance = share;
        best = [below, above];
      }
    }
    return best;
  }
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
