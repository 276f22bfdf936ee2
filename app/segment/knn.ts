// k-nearest-neighbour graphs over a point cloud, built on app/geometry's KdTree.
import { KdTree } from '../geometry/kdtree';

/** Neighbour lists of fixed length k per point: `index[i*k + j]` is the j-th nearest, nearest first. */
export interface KnnGraph {
  k: number;
  /** Point indices; -1 where fewer than k other points exist. */
  index: Int32Array;
  /** Squared distances matching `index`. */
  distanceSq: Float32Array;
}

/** The k nearest other points of every point (exact, deterministic). */
export function knnGraph(positions: Float32Array, k: number): KnnGraph {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`knnGraph: k must be a positive integer, got ${k}`);
  const n = Math.floor(positions.length / 3);
  const index = new Int32Array(n * k);
  const distanceSq = new Float32Array(n * k);
  const tree = new KdTree(positions, Uint32Array.from({ length: n }, (_, i) => i));
  const idx = new Int32Array(k);
  const dist = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    tree.nearestK(positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!, k, idx, dist, i);
    index.set(idx, i * k);
    for (let j = 0; j < k; j++) distanceSq[i * k + j] = dist[j]!;
  }
  return { k, index, distanceSq };
}
