// The host side of segmentation editing: one draft per scene (app/segment/segmentation-draft), held
// in memory between "Segment scene" (or a first click) and Accept / Discard. Nothing here touches the
// store or the undo history until accept(), which stores every instance through the InstanceEditor
// in one transaction with one history entry.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { DraftInstanceInfo, SegmentationDraftView } from '../../app/contract/segment-schemas';
import type { PointScene, SceneInstance, Vec3 } from '../../app/scene/types';
import type { SuperpointFeatures } from '../../app/segment/features';
import { SCANNET20 } from '../../app/segment/scannet20';
import { OBJECT_LABEL, SegmentationDraft, type DraftInstance, type DraftSeed, type DraftSnapshot } from '../../app/segment/segmentation-draft';
import type { InstanceEditor, InstanceInput } from '../../db/repositories';
import { superpointHash } from './draft-store';
import type { SceneSegmentation } from './segment-scene';

/** Stored as the model version of instances the geometric fallback made; bump when its rules change. */
export const GEOMETRIC_FALLBACK_VERSION = 'geometric-fallback v1';

/** Click-to-object: superpoints clicked → the object's superpoints (model prompt head or geometric rule). */
export type PromptFunction = (clicked: readonly number[]) => Promise<number[]>;

export interface DraftStart {
  scene: PointScene;
  superpoints: Int32Array;
  features: SuperpointFeatures;
  seeds: readonly DraftSeed[];
  origin: SegmentationDraftView['origin'];
  modelVersion: string;
  prompt: PromptFunction;
  /** How the superpoints were made; stored with the accepted instances' superpoint set. */
  superpointParams: Record<string, unknown>;
}

interface Session extends DraftStart {
  draft: SegmentationDraft;
  labels: string[];
  /** superpointHash(superpoints), computed once per session for the persisted record. */
  hash?: string;
}

/** What persistence needs after every change (main/segment/draft-store.ts): null when the draft ended. */
export interface DraftRecord {
  origin: SegmentationDraftView['origin'];
  modelVersion: string;
  pointCount: number;
  superpointCount: number;
  superpointHash: string;
  nextId: number;
  instances: DraftInstance[];
}

export interface SessionOptions {
  /** Called after each change of a scene's draft (start, prompt, merge, split, relabel) and with null when it ends (accept, discard). */
  onChange?(sceneId: string, record: DraftRecord | null): void;
}

export interface PromptRequest {
  superpointIds?: readonly number[];
  pointIndex?: number;
  mode: 'new' | 'add' | 'remove';
  targetInstance?: number;
}

export interface AcceptOutcome {
  /** Per-point instance ids and the instances as the scene now has them (ids 0..n-1). */
  instanceIds: Int32Array;
  instances: SceneInstance[];
}

/**
 * The model version to store: the model file's name and the start of its SHA-256 (so two trainings
 * of one file name differ), or GEOMETRIC_FALLBACK_VERSION.
 */
export function segmentationModelVersion(r: Pick<SceneSegmentation, 'source'>, modelPath: string | null): string {
  if (r.source !== 'model' || !modelPath) return GEOMETRIC_FALLBACK_VERSION;
  try {
    return `${basename(modelPath)} sha256:${createHash('sha256').update(readFileSync(modelPath)).digest('hex').slice(0, 12)}`;
  } catch {
    return basename(modelPath);
  }
}

/** A draft's start from a segmentation run; `keepInstances: false` starts empty (clicks only) on its superpoints and prompt. */
export function startFromSegmentation(scene: PointScene, r: SceneSegmentation, modelVersion: string, keepInstances = true): DraftStart {
  return {
    scene,
    superpoints: r.superpoints,
    features: r.features,
    seeds: keepInstances ? r.instances.map((i) => ({ label: i.label, confidence: i.confidence, superpoints: i.superpoints })) : [],
    origin: keepInstances ? r.source : 'empty',
    modelVersion,
    prompt: (clicked) => r.promptMask(clicked),
    superpointParams: { method: 'segmentScene', source: r.source, superpointCount: r.superpointCount },
  };
}

export class SegmentationSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly options: SessionOptions = {}) {}

  /** Starts (or restarts) a scene's draft; an earlier draft is dropped. */
  start(start: DraftStart): SegmentationDraftView {
    const draft = new SegmentationDraft(start.superpoints, start.features, start.seeds);
    const session: Session = { ...start, draft, labels: labelTable(start.scene, draft) };
    this.sessions.set(start.scene.id, session);
    return this.changed(session, null);
  }

  /**
   * A draft as `snapshot` left it (a stored draft after a restart), on `start`'s superpoints, which the
   * caller has checked are the ones the snapshot refers to; `start.seeds` are ignored. Not persisted again.
   */
  restore(start: DraftStart, snapshot: DraftSnapshot): SegmentationDraftView {
    const draft = SegmentationDraft.restore(start.superpoints, start.features, snapshot);
    const session: Session = { ...start, seeds: [], draft, labels: labelTable(start.scene, draft) };
    this.sessions.set(start.scene.id, session);
    return view(session, null);
  }

  /** The persisted form of a scene's draft; null when it has none. */
  record(sceneId: string): DraftRecord | null {
    const s = this.sessions.get(sceneId);
    if (!s) return null;
    s.hash ??= superpointHash(s.superpoints);
    const { nextId, instances } = s.draft.snapshot();
    return { origin: s.origin, modelVersion: s.modelVersion, pointCount: s.superpoints.length, superpointCount: s.features.count, superpointHash: s.hash, nextId, instances };
  }

  /** What a scene's draft stands on (stored once per start, main/segment/draft-basis.ts); null when it has none. */
  basis(sceneId: string): Pick<DraftStart, 'scene' | 'superpoints' | 'features' | 'superpointParams'> | null {
    const s = this.sessions.get(sceneId);
    return s ? { scene: s.scene, superpoints: s.superpoints, features: s.features, superpointParams: s.superpointParams } : null;
  }

  has(sceneId: string): boolean {
    return this.sessions.has(sceneId);
  }

  view(sceneId: string): SegmentationDraftView | null {
    const s = this.sessions.get(sceneId);
    return s ? view(s, null) : null;
  }

  /** Click-to-object (`new`), or shift-click: the clicked superpoints join (`add`) or leave (`remove`) the target. */
  async prompt(sceneId: string, request: PromptRequest): Promise<SegmentationDraftView> {
    const s = this.require(sceneId);
    const clicked = request.superpointIds ? [...request.superpointIds] : [s.draft.superpointOfPoint(request.pointIndex ?? -1)];
    let focus: DraftInstance;
    if (request.mode === 'new') {
      for (const c of clicked) if (!(c < s.features.count)) throw new AppError('invalid_input', `superpoint ${c} is not in 0..${s.features.count - 1}`);
      focus = s.draft.create(await s.prompt(clicked));
    } else {
      const target = request.targetInstance ?? -1;
      focus = request.mode === 'add' ? s.draft.add(target, clicked) : s.draft.remove(target, clicked);
    }
    return this.changed(s, focus.id);
  }

  merge(sceneId: string, ids: readonly number[]): SegmentationDraftView {
    const s = this.require(sceneId);
    return this.changed(s, s.draft.merge(ids).id);
  }

  split(sceneId: string, id: number): SegmentationDraftView {
    const s = this.require(sceneId);
    return this.changed(s, s.draft.split(id)[0]!.id);
  }

  relabel(sceneId: string, id: number, label: string): SegmentationDraftView {
    const s = this.require(sceneId);
    if (!s.labels.includes(label)) throw new AppError('invalid_input', `label ${JSON.stringify(label)} is not in the label table (ScanNet-20, the scene's labels, "${OBJECT_LABEL}")`, { label });
    return this.changed(s, s.draft.relabel(id, label).id);
  }

  /** Drops the draft; false when there was none. */
  discard(sceneId: string): boolean {
    const had = this.sessions.delete(sceneId);
    if (had) this.options.onChange?.(sceneId, null);
    return had;
  }

  /**
   * Stores the draft's instances (renumbered 0..n-1, superpoint masks, per-instance source,
   * confidence and model version) through `editor` as one undoable change, then drops the draft.
   */
  accept(sceneId: string, editor: InstanceEditor): AcceptOutcome {
    const s = this.require(sceneId);
    const list = s.draft.instances();
    const newId = new Map(list.map((inst, k) => [inst.id, k]));
    const draftIds = s.draft.pointInstanceIds();
    const instanceIds = draftIds.map((id) => (id < 0 ? -1 : newId.get(id)!));
    const stats = summarize(s.scene.positions, instanceIds, list.length);
    const inputs: InstanceInput[] = list.map((inst, k) => {
      const { min, max, centroid, count } = stats[k]!;
      return {
        id: k,
        label: inst.label,
        pointCount: count,
        bbox: { min, max },
        centroid,
        obb: { center: mid(min, max), axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [max[0] - min[0], max[1] - min[1], max[2] - min[2]] },
        confidence: inst.confidence,
        source: inst.source,
        modelVersion: s.modelVersion,
        verified: inst.source === 'human',
        mask: { kind: 'superpoints', ids: Int32Array.from(inst.superpoints), superpointSetId: '' },
      };
    });
    editor.accept(sceneId, {
      instances: inputs,
      superpoints: { params: s.superpointParams, ids: s.superpoints },
      label: `Accept segmentation (${inputs.length} objects)`,
    });
    this.sessions.delete(sceneId);
    this.options.onChange?.(sceneId, null);
    return { instanceIds, instances: list.map((inst, k) => ({ id: k, label: inst.label })) };
  }

  private changed(s: Session, focus: number | null): SegmentationDraftView {
    if (this.options.onChange) this.options.onChange(s.scene.id, this.record(s.scene.id));
    return view(s, focus);
  }

  private require(sceneId: string): Session {
    const s = this.sessions.get(sceneId);
    if (!s) throw new AppError('not_found', `scene ${sceneId} has no segmentation draft: run Segment scene or click an object first`, { sceneId });
    return s;
  }
}

/** ScanNet-20 names, the scene's own labels and the draft's, and `object`; sorted. */
function labelTable(scene: PointScene, draft: SegmentationDraft): string[] {
  const labels = new Set<string>([OBJECT_LABEL, ...SCANNET20.map((c) => c.name), ...scene.instances.map((i) => i.label), ...draft.instances().map((i) => i.label)]);
  return [...labels].filter((l) => l.length > 0 && l.length <= 64).sort();
}

function view(s: Session, focus: number | null): SegmentationDraftView {
  const instanceIds = s.draft.pointInstanceIds();
  const list = s.draft.instances();
  const slot = new Map(list.map((inst, k) => [inst.id, k]));
  const slots = instanceIds.map((id) => (id < 0 ? -1 : slot.get(id)!));
  const stats = summarize(s.scene.positions, slots, list.length);
  const instances: DraftInstanceInfo[] = list.map((inst, k) => {
    const { min, max, centroid, count } = stats[k]!;
    return { id: inst.id, label: inst.label, confidence: inst.confidence, source: inst.source, pointCount: count, superpointCount: inst.superpoints.length, bbox: { min, max }, centroid };
  });
  return {
    sceneId: s.scene.id,
    origin: s.origin,
    modelVersion: s.modelVersion,
    superpointCount: s.features.count,
    instances,
    instanceIds: instanceIds as Int32Array<ArrayBuffer>,
    superpointIds: s.superpoints as Int32Array<ArrayBuffer>,
    labels: s.labels,
    focus,
  };
}

/** Point count, box and centroid per slot 0..k-1 of `slots` (-1: none), in one pass. */
function summarize(positions: Float32Array, slots: Int32Array, k: number): { count: number; min: Vec3; max: Vec3; centroid: Vec3 }[] {
  const count = new Float64Array(k);
  const sum = new Float64Array(3 * k);
  const lo = new Float64Array(3 * k).fill(Infinity);
  const hi = new Float64Array(3 * k).fill(-Infinity);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (s < 0) continue;
    count[s]!++;
    for (let a = 0; a < 3; a++) {
      const v = positions[3 * i + a]!;
      sum[3 * s + a]! += v;
      if (v < lo[3 * s + a]!) lo[3 * s + a] = v;
      if (v > hi[3 * s + a]!) hi[3 * s + a] = v;
    }
  }
  return Array.from({ length: k }, (_, s) => {
    const n = count[s]!;
    if (n === 0) return { count: 0, min: [0, 0, 0], max: [0, 0, 0], centroid: [0, 0, 0] };
    const v = (arr: Float64Array, f = 1): Vec3 => [arr[3 * s]! * f, arr[3 * s + 1]! * f, arr[3 * s + 2]! * f];
    return { count: n, min: v(lo), max: v(hi), centroid: v(sum, 1 / n) };
  });
}

const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
