// k-nearest-neighbour queries on top of app/geometry's KdTree. The tree's public point order is an
// implicit tree (each range's median at its middle), but its split axes are private; the axis of a
// range is a function of the points in it (the widest spread), and building only permutes points
// inside a range, so replaying that rule over the final order recovers every axis exactly.
import { KdTree } from '../geometry/kdtree';

const LEAF_SIZE = 8; // must equal the KdTree's own leaf size: ranges at most this long were never split

/** Neighbour lists of fixed length k per point: `index[i*k + j]` is the j-th nearest, nearest first. */
export interface KnnGraph {
  k: number;
  /** Point indices; -1 where fewer than k other points exist. */
  index: Int32Array;
  /** Squared distances matching `index`. */
  distanceSq: Float32Array;
}

export class KnnIndex {
  private readonly order: Uint32Array;
  private readonly xyz: Float64Array;
  private readonly axes: Uint8Array;

  constructor(positions: Float32Array, tree?: KdTree) {
    const n = Math.floor(positions.length / 3);
    const kd = tree ?? new KdTree(positions, Uint32Array.from({ length: n }, (_, i) => i));
    this.order = kd.indices;
    const m = this.order.length;
    this.xyz = new Float64Array(m * 3);
    for (let i = 0; i < m; i++) {
      const p = this.order[i]! * 3;
      this.xyz[i * 3] = positions[p]!;
      this.xyz[i * 3 + 1] = positions[p + 1]!;
      this.xyz[i * 3 + 2] = positions[p + 2]!;
    }
    this.axes = new Uint8Array(m);
    const stack = [0, m];
    while (stack.length) {
      const hi = stack.pop()!;
      const lo = stack.pop()!;
      if (hi - lo <= LEAF_SIZE) continue;
      const mid = (lo + hi) >> 1;
      this.axes[mid] = this.widestAxis(lo, hi);
      stack.push(lo, mid, mid + 1, hi);
    }
  }

  private widestAxis(lo: number, hi: number): number {
    let best = 0;
    let bestSpread = -1;
    for (let a = 0; a < 3; a++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = this.xyz[i * 3 + a]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = a;
      }
    }
    return best;
  }

  /**
   * The k nearest points to (x, y, z), nearest first, written into `outIndex`/`outDistSq` (length ≥ k,
   * unused slots -1 / Infinity). Point `skip` (e.g. the query point itself) is left out. Ties break by
   * smaller point index, so results do not depend on traversal order.
   */
  query(x: number, y: number, z: number, k: number, outIndex: Int32Array, outDistSq: Float64Array, skip = -1): void {
    outIndex.fill(-1, 0, k);
    outDistSq.fill(Infinity, 0, k);
    const xyz = this.xyz;
    const order = this.order;
    const q = [x, y, z];
    const consider = (pos: number) => {
      const id = order[pos]!;
      if (id === skip) return;
      const dx = xyz[pos * 3]! - x;
      const dy = xyz[pos * 3 + 1]! - y;
      const dz = xyz[pos * 3 + 2]! - z;
      const d = dx * dx + dy * dy + dz * dz;
      const worst = outDistSq[k - 1]!;
      // A finite d equal to the worst means slot k-1 is filled: keep the smaller index.
      if (d > worst || (d === worst && id > outIndex[k - 1]!)) return;
      // Insertion into the sorted list of k.
      let j = k - 1;
      while (j > 0 && (outDistSq[j - 1]! > d || (outDistSq[j - 1] === d && outIndex[j - 1]! > id))) {
        outDistSq[j] = outDistSq[j - 1]!;
        outIndex[j] = outIndex[j - 1]!;
        j--;
      }
      outDistSq[j] = d;
      outIndex[j] = id;
    };
    const los = [0];
    const his = [order.length];
    const bounds = [0];
    while (los.length) {
      const lo = los.pop()!;
      const hi = his.pop()!;
      const bound = bounds.pop()!;
      if (bound > outDistSq[k - 1]!) continue;
      if (hi - lo <= LEAF_SIZE) {
        for (let i = lo; i < hi; i++) consider(i);
        continue;
      }
      const mid = (lo + hi) >> 1;
      consider(mid);
      const axis = this.axes[mid]!;
      const diff = q[axis]! - xyz[mid * 3 + axis]!;
      const planeSq = diff * diff;
      if (diff < 0) {
        los.push(mid + 1, lo);
        his.push(hi, mid);
      } else {
        los.push(lo, mid + 1);
        his.push(mid, hi);
      }
      bounds.push(Math.max(bound, planeSq), bound);
    }
  }
}

/** The k nearest other points of every point (exact, deterministic). */
export function knnGraph(positions: Float32Array, k: number): KnnGraph {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`knnGraph: k must be a positive integer, got ${k}`);
  const n = Math.floor(positions.length / 3);
  const index = new Int32Array(n * k);
  const distanceSq = new Float32Array(n * k);
  const knn = new KnnIndex(positions);
  const idx = new Int32Array(k);
  const dist = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    knn.query(positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!, k, idx, dist, i);
    index.set(idx, i * k);
    for (let j = 0; j < k; j++) distanceSq[i * k + j] = dist[j]!;
  }
  return { k, index, distanceSq };
}
