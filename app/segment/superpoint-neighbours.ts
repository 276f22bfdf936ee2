// The superpoint graph the segmentation model attends over: each superpoint's K nearest superpoints by
// centroid, itself first. Computed here (not inside the model) so the training-data builder and the
// host hand the model the very same lists.
import { featureColumn, FEATURE_COUNT, type SuperpointFeatures } from './features';
import { knnGraph } from './knn';

/** Neighbours per superpoint the shipped model was trained with. */
export const MODEL_NEIGHBOURS = 16;

const CX = featureColumn('centroid_x');

/** [count × k] row-major superpoint ids: self, then nearest centroids; rows of small scenes repeat self. */
export function superpointNeighbours(features: Pick<SuperpointFeatures, 'count' | 'features'>, k = MODEL_NEIGHBOURS): Int32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`superpointNeighbours: k must be a positive integer, got ${k}`);
  const n = features.count;
  const centroids = new Float32Array(n * 3);
  for (let s = 0; s < n; s++) for (let a = 0; a < 3; a++) centroids[3 * s + a] = features.features[s * FEATURE_COUNT + CX + a]!;
  const out = new Int32Array(n * k);
  const others = Math.min(k - 1, n - 1);
  const graph = others > 0 ? knnGraph(centroids, others) : null;
  for (let s = 0; s < n; s++) {
    out[s * k] = s;
    for (let j = 1; j < k; j++) {
      const q = graph && j - 1 < others ? graph.index[s * others + j - 1]! : -1;
      out[s * k + j] = q >= 0 ? q : s;
    }
  }
  return out;
}
