// One scene as the segmentation model's training example: the same superpoints, features and
// neighbour lists inference computes, plus per-superpoint targets taken by majority vote of the
// superpoint's points (ScanNet-20 class, instance id).
import type { SuperpointFeatures } from './features';
import { superpointNeighbours, MODEL_NEIGHBOURS } from './superpoint-neighbours';

export interface TrainingSample {
  count: number;
  /** [count × FEATURE_COUNT] */
  features: Float32Array;
  /** [count × neighbours] */
  neighbours: Int32Array;
  neighbourCount: number;
  /** ScanNet-20 class per superpoint; -1 ignored (unannotated, outside ScanNet-20, or no clear majority). */
  semantic: Int32Array;
  /** Instance id per superpoint; -1 none (unannotated or no instance labels at all). */
  instance: Int32Array;
  /** Share of the superpoint's points that carry its majority instance (or class when no instances). */
  purity: Float32Array;
}

/** Majority value per superpoint among `values` (one per point); values < 0 vote for "none". */
function majority(superpoints: Int32Array, count: number, values: Int32Array): { winner: Int32Array; share: Float32Array } {
  const votes: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let i = 0; i < superpoints.length; i++) {
    const m = votes[superpoints[i]!]!;
    const v = values[i]! < 0 ? -1 : values[i]!;
    m.set(v, (m.get(v) ?? 0) + 1);
  }
  const winner = new Int32Array(count).fill(-1);
  const share = new Float32Array(count);
  for (let s = 0; s < count; s++) {
    let best = -1;
    let bestN = 0;
    let total = 0;
    // Ascending value order breaks ties the same way every time.
    for (const [v, n] of [...votes[s]!].sort((a, b) => a[0] - b[0])) {
      total += n;
      if (n > bestN) {
        bestN = n;
        best = v;
      }
    }
    winner[s] = best;
    share[s] = total ? bestN / total : 0;
  }
  return { winner, share };
}

/**
 * Targets for one scene. `semantic` is the ScanNet-20 class per point (-1 ignored); `instance` the
 * instance id per point (-1 none), or null for scenes with semantics only. A superpoint whose
 * majority class holds under half its points is left out of the semantic loss.
 */
export function trainingSample(features: SuperpointFeatures, superpoints: Int32Array, semantic: Int32Array, instance: Int32Array | null, neighbourCount = MODEL_NEIGHBOURS): TrainingSample {
  const count = features.count;
  if (superpoints.length !== semantic.length) throw new RangeError(`trainingSample: ${semantic.length} labels for ${superpoints.length} points`);
  if (instance && instance.length !== semantic.length) throw new RangeError(`trainingSample: ${instance.length} instance ids for ${semantic.length} points`);
  const sem = majority(superpoints, count, semantic);
  for (let s = 0; s < count; s++) if (sem.share[s]! < 0.5) sem.winner[s] = -1;
  const inst = instance ? majority(superpoints, count, instance) : null;
  return {
    count,
    features: features.features,
    neighbours: superpointNeighbours(features, neighbourCount),
    neighbourCount,
    semantic: sem.winner,
    instance: inst ? inst.winner : new Int32Array(count).fill(-1),
    purity: inst ? inst.share : sem.share,
  };
}
