// The segmentation journey on the host: superpoints → features → model (or, when no model file is
// installed, the geometric fallback) → instances with point masks, boxes, labels and confidences.
// Stages yield to the event loop so progress reaches the UI and a cancel lands between them.
import { AppError } from '../../app/contract/errors';
import type { PointScene, Vec3 } from '../../app/scene/types';
import { instancesFromAffinity } from '../../app/segment/affinity-instances';
import { geometricInstances, promptMask as geometricPromptMask, type GeometricSegmentation } from '../../app/segment/geometric-instances';
import type { SuperpointFeatures } from '../../app/segment/features';
import { instancesFromLogits } from '../../app/segment/model-instances';
import { sceneSuperpointFeatures, type SceneSuperpointOptions } from '../../app/segment/scene-superpoints';
import { meshSegmenter } from './mesh-segmenter';
import { parallelPointGraph } from './parallel-point-graph';
import { pointMerger } from './point-merger';
import type { LoadModelOptions, SegmentationModel } from '../models/segmentation-model';
import { chooseSegmentationModel, sharedSegmentationModel } from './model-store';

export type SegmentationSource = 'model' | 'geometric';

export interface SegmentedInstance {
  /** 0..n-1, the value in `instanceIds`. */
  id: number;
  label: string;
  confidence: number;
  pointCount: number;
  /** Point indices, ascending. */
  mask: Uint32Array;
  superpoints: number[];
  bbox: { min: Vec3; max: Vec3 };
  /** Oriented box; for now the axis-aligned box (identity axes), full side lengths. */
  obb: { center: Vec3; axes: [Vec3, Vec3, Vec3]; size: Vec3 };
}

export interface SceneSegmentation {
  source: SegmentationSource;
  /** Why this source: the model file and provider, or why the fallback answered. */
  reason: string;
  /** Execution provider of the model; absent for the geometric fallback. */
  provider?: string;
  /** The model file that answered (the user's or the bundled one); absent for the geometric fallback. */
  modelPath?: string;
  superpointCount: number;
  /** Superpoint id per point, 0..superpointCount-1. */
  superpoints: Int32Array;
  /** Per-superpoint features (app/segment/features) the model or the fallback worked from. */
  features: SuperpointFeatures;
  instances: SegmentedInstance[];
  /** Instance id per point, -1 where none. */
  instanceIds: Int32Array;
  /**
   * Click-to-object: the superpoints (ascending) of the object under the clicked superpoints. The
   * transformer's prompt head answers when the model has one, else the geometric rule.
   */
  promptMask(clicked: readonly number[]): Promise<number[]>;
}

export interface SegmentProgress {
  label: string;
  done: number;
  total: number;
}

export interface SegmentOptions {
  /** ONNX segmentation model; when absent or missing on disk, the bundled model answers, else the geometric fallback. */
  modelPath?: string;
  /** The shipped model to use when modelPath is absent or missing; false: none. Default: native-models/segmentation/segmentation.onnx. */
  bundledModel?: string | false;
  /** An already loaded model (the host keeps one); takes precedence over modelPath. */
  model?: SegmentationModel;
  signal?: AbortSignal;
  onProgress?(p: SegmentProgress): void;
  superpoints?: SceneSuperpointOptions;
  modelOptions?: LoadModelOptions;
  /** Probability above which the transformer's pair affinity joins two superpoints (default 0.7, DEFAULT_AFFINITY_THRESHOLD). */
  affinityThreshold?: number;
}

export interface SegmentInput {
  scene: PointScene;
  /** Triangles, when the scan is a mesh: superpoints then come from the mesh Segmentator. */
  faces?: Uint32Array;
  /** The file's own over-segmentation (e.g. ScanNet segs.json), used as is. */
  superpoints?: Int32Array;
}

export const SEGMENT_STAGES = ['superpoints', 'features', 'instances', 'masks'] as const;

const tick = () => new Promise<void>((r) => setImmediate(r));

export async function segmentScene(input: SegmentInput, options: SegmentOptions = {}): Promise<SceneSegmentation> {
  const { scene } = input;
  const stage = async (i: number, label: string = SEGMENT_STAGES[i]!) => {
    if (options.signal?.aborted) throw new AppError('cancelled', `segmentation of ${scene.name} cancelled`, { sceneId: scene.id });
    options.onProgress?.({ label: `Segmenting ${scene.name}: ${label}`, done: i, total: SEGMENT_STAGES.length });
    await tick();
  };

  await stage(0);
  // The model loads (an ONNX session, on its own thread) while the superpoints are cut: on the first
  // segmentation of a session that takes about as long as the superpoints do. A file that fails to
  // load is an error, never hidden behind the fallback; it is reported after the superpoints stage.
  let model = options.model;
  let fallbackReason = 'no segmentation model configured';
  let chosenReason = '';
  let loading: Promise<SegmentationModel> | null = null;
  if (!model) {
    const choice = chooseSegmentationModel(options.modelPath, options.bundledModel === false ? null : options.bundledModel);
    if (choice.path) {
      loading = sharedSegmentationModel(choice.path, options.modelOptions);
      // Awaited below; until then a rejection (say, while the superpoints are cancelled) is not unhandled.
      loading.catch(() => {});
      chosenReason = choice.reason;
    } else fallbackReason = choice.reason;
  }
  const source = { positions: scene.positions, colors: scene.colors, ...(input.faces ? { faces: input.faces } : {}), ...(input.superpoints ? { superpoints: input.superpoints } : {}) };
  let superpointOptions = options.superpoints;
  if (!input.faces?.length && !options.superpoints?.knn && !options.superpoints?.pointGraph) {
    // A point cloud: its neighbour search, normals and edges, most of the superpoints, run on every
    // core; the merging (sequential) on the wasm kernel when built (same ids as the JS).
    superpointOptions = { pointMerger: pointMerger().merge, ...options.superpoints, pointGraph: await parallelPointGraph(scene.positions, scene.colors, options.superpoints?.points) };
  } else if (input.faces?.length && !input.superpoints && !options.superpoints?.meshSegmenter) {
    // A mesh: the Segmentator's wasm kernel when built (same ids as the JS).
    superpointOptions = { ...options.superpoints, meshSegmenter: meshSegmenter().segment };
  }
  const { superpoints, features } = sceneSuperpointFeatures(source, superpointOptions);
  await stage(1);

  if (loading) model = await loading;
  await stage(2, model ? 'model' : 'geometric fallback');

  let groups: { label: string; superpoints: number[]; confidence: number }[];
  let result: Pick<SceneSegmentation, 'source' | 'reason' | 'provider' | 'modelPath' | 'promptMask'>;
  if (model) {
    const m = model;
    const analysis = await m.analyse(features.features, features.count);
    groups =
      analysis.affinity && analysis.neighbours
        ? instancesFromAffinity({ features, logits: analysis.logits, classes: m.classes, neighbours: analysis.neighbours, k: m.neighbourCount, affinity: analysis.affinity, ...(options.affinityThreshold !== undefined ? { threshold: options.affinityThreshold } : {}) })
        : instancesFromLogits(features, analysis.logits, m.classes || analysis.logits.length / features.count);
    const reason = `${chosenReason || `model ${m.path}`} on ${m.provider}`;
    const geometric = m.kind === 'superpoint-transformer' ? null : geometricInstances({ positions: scene.positions, features });
    result = {
      source: 'model',
      reason,
      provider: m.provider,
      modelPath: m.path,
      promptMask: clickPrompt(features, m, geometric),
    };
  } else {
    const geometric = geometricInstances({ positions: scene.positions, features });
    groups = geometric.instances;
    result = {
      source: 'geometric',
      reason: `geometric fallback: ${fallbackReason}`,
      promptMask: clickPrompt(features, null, geometric),
    };
  }
  await stage(3);

  const { instances, instanceIds } = toInstances(scene.positions, superpoints.ids, superpoints.count, groups);
  options.onProgress?.({ label: `Segmented ${scene.name}: ${instances.length} instances`, done: SEGMENT_STAGES.length, total: SEGMENT_STAGES.length });
  return { ...result, superpointCount: superpoints.count, superpoints: superpoints.ids, features, instances, instanceIds };
}

/**
 * Click-to-object on given superpoint features: the transformer's prompt head when `model` is one,
 * else the geometric rule on `geometric` (segmentScene's own, or one computed from the features).
 */
export function clickPrompt(features: SuperpointFeatures, model: SegmentationModel | null, geometric: GeometricSegmentation | null): SceneSegmentation['promptMask'] {
  const checkClicks = (clicked: readonly number[]) => {
    if (clicked.length === 0) throw new AppError('invalid_input', 'promptMask: click at least one superpoint');
    for (const c of clicked) if (!(Number.isInteger(c) && c >= 0 && c < features.count)) throw new AppError('invalid_input', `promptMask: superpoint ${c} is not in 0..${features.count - 1}`);
  };
  return async (clicked) => {
    checkClicks(clicked);
    if (model && !geometric) {
      const { prompt } = await model.analyse(features.features, features.count, clicked);
      const mask = new Set(clicked);
      for (let s = 0; s < features.count; s++) if (prompt![s]! > 0) mask.add(s);
      return [...mask].sort((a, b) => a - b);
    }
    return geometricPromptMask(features, geometric!, clicked);
  };
}

/**
 * The click prompt segmentScene would give for these features, without recomputing superpoints or
 * instances (a draft restored after a restart): the same model choice, loaded once per file.
 */
export async function promptForFeatures(positions: Float32Array, features: SuperpointFeatures, options: Pick<SegmentOptions, 'modelPath' | 'bundledModel' | 'modelOptions'> = {}): Promise<SceneSegmentation['promptMask']> {
  const choice = chooseSegmentationModel(options.modelPath, options.bundledModel === false ? null : options.bundledModel);
  const model = choice.path ? await sharedSegmentationModel(choice.path, options.modelOptions) : null;
  const geometric = model?.kind === 'superpoint-transformer' ? null : geometricInstances({ positions, features });
  return clickPrompt(features, model, geometric);
}

/** Point masks and boxes from superpoint groups; groups that cover no point are dropped. */
function toInstances(positions: Float32Array, spIds: Int32Array, spCount: number, groups: { label: string; superpoints: number[]; confidence: number }[]) {
  const groupOf = new Int32Array(spCount).fill(-1);
  groups.forEach((g, i) => {
    for (const s of g.superpoints) groupOf[s] = i;
  });
  const n = spIds.length;
  const counts = new Int32Array(groups.length);
  for (let i = 0; i < n; i++) {
    const g = groupOf[spIds[i]!]!;
    if (g >= 0) counts[g]!++;
  }
  // Renumber to the groups that have points, in group order.
  const idOf = new Int32Array(groups.length).fill(-1);
  let next = 0;
  for (let g = 0; g < groups.length; g++) if (counts[g]! > 0) idOf[g] = next++;
  const masks = Array.from({ length: next }, (_, id) => new Uint32Array(counts[idOf.indexOf(id)]!));
  const fill = new Int32Array(next);
  const lo = new Float64Array(next * 3).fill(Infinity);
  const hi = new Float64Array(next * 3).fill(-Infinity);
  const instanceIds = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = groupOf[spIds[i]!]!;
    if (g < 0) continue;
    const id = idOf[g]!;
    instanceIds[i] = id;
    masks[id]![fill[id]!++] = i;
    for (let a = 0; a < 3; a++) {
      const v = positions[3 * i + a]!;
      if (v < lo[3 * id + a]!) lo[3 * id + a] = v;
      if (v > hi[3 * id + a]!) hi[3 * id + a] = v;
    }
  }
  const instances: SegmentedInstance[] = [];
  for (let g = 0; g < groups.length; g++) {
    const id = idOf[g]!;
    if (id < 0) continue;
    const min: Vec3 = [lo[3 * id]!, lo[3 * id + 1]!, lo[3 * id + 2]!];
    const max: Vec3 = [hi[3 * id]!, hi[3 * id + 1]!, hi[3 * id + 2]!];
    const group = groups[g]!;
    instances.push({
      id,
      label: group.label,
      confidence: group.confidence,
      pointCount: counts[g]!,
      mask: masks[id]!,
      superpoints: group.superpoints,
      bbox: { min, max },
      obb: {
        center: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2],
        axes: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        size: [max[0] - min[0], max[1] - min[1], max[2] - min[2]],
      },
    });
  }
  return { instances, instanceIds };
}
