// A static kd-tree over a chosen subset of the points of an interleaved xyz Float32Array. The tree is
// implicit: the index list is reordered so that each range [lo, hi) has its splitting point at the
// middle, left of it lie points not above the split and right of it points not below. Coordinates are
// copied to float64 in tree order, which keeps queries cache-friendly and exact.

/** Ranges this small are scanned linearly instead of split further. */
const LEAF_SIZE = 8;

export interface NearestHit {
  /** Index of the point in the source positions (point index, not float offset); -1 if none. */
  index: number;
  /** Squared Euclidean distance, float64. */
  distanceSq: number;
}

export class KdTree {
  /** Point indices in tree order. */
  readonly indices: Uint32Array;
  private readonly xyz: Float64Array;
  /** Split axis of the node whose median sits at this tree position (0, 1, 2). */
  private readonly axes: Uint8Array;

  constructor(positions: Float32Array, subset: Uint32Array) {
    const n = subset.length;
    const count = Math.floor(positions.length / 3);
    this.indices = new Uint32Array(subset);
    for (let i = 0; i < n; i++) {
      if (this.indices[i]! >= count) throw new RangeError(`KdTree: index ${this.indices[i]} at subset[${i}] is past the last point (${count - 1})`);
    }
    this.xyz = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const p = this.indices[i]! * 3;
      this.xyz[i * 3] = positions[p]!;
      this.xyz[i * 3 + 1] = positions[p + 1]!;
      this.xyz[i * 3 + 2] = positions[p + 2]!;
    }
    this.axes = new Uint8Array(n);
    this.build(0, n);
  }

  get size(): number {
    return this.indices.length;
  }

  private build(lo: number, hi: number): void {
    // Explicit stack: recursion depth is only log n, but this keeps the build free of call overhead.
    const stack: number[] = [lo, hi];
    while (stack.length) {
      const h = stack.pop()!;
      const l = stack.pop()!;
      if (h - l <= LEAF_SIZE) continue;
      const axis = this.widestAxis(l, h);
      const mid = (l + h) >> 1;
      this.select(l, h - 1, mid, axis);
      this.axes[mid] = axis;
      stack.push(l, mid, mid + 1, h);
    }
  }

  private widestAxis(lo: number, hi: number): number {
    const xyz = this.xyz;
    let best = 0;
    let bestSpread = -1;
    for (let a = 0; a < 3; a++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = xyz[i * 3 + a]!;
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

  private swap(i: number, j: number): void {
    const xyz = this.xyz;
    const idx = this.indices;
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
    for (let a = 0; a < 3; a++) {
      const v = xyz[i * 3 + a]!;
      xyz[i * 3 + a] = xyz[j * 3 + a]!;
      xyz[j * 3 + a] = v;
    }
  }

  /** Quickselect (Hoare partition, median-of-three pivot): puts the k-th smallest along `axis` at k. */
  private select(lo: number, hi: number, k: number, axis: number): void {
    const xyz = this.xyz;
    const key = (i: number) => xyz[i * 3 + axis]!;
    while (hi > lo) {
      const m = (lo + hi) >> 1;
      if (key(m) < key(lo)) this.swap(m, lo);
      if (key(hi) < key(lo)) this.swap(hi, lo);
      if (key(hi) < key(m)) this.swap(hi, m);
      const pivot = key(m);
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (key(i) < pivot) i++;
        while (key(j) > pivot) j--;
        if (i <= j) {
          this.swap(i, j);
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /**
   * The nearest tree point to (x, y, z) strictly closer than sqrt(maxDistanceSq). Returns index -1
   * when no point is that close, which lets a caller that already knows a bound skip most of the tree.
   */
  nearest(x: number, y: number, z: number, maxDistanceSq = Infinity, out: NearestHit = { index: -1, distanceSq: Infinity }): NearestHit {
    out.index = -1;
    out.distanceSq = maxDistanceSq;
    if (this.indices.length === 0) return out;
    const q = [x, y, z] as const;
    const xyz = this.xyz;
    let bestPos = -1;
    let best = maxDistanceSq;
    // Stack of ranges with the lower bound (squared) they were pushed with.
    const los: number[] = [0];
    const his: number[] = [this.indices.length];
    const bounds: number[] = [0];
    while (los.length) {
      const lo = los.pop()!;
      const hi = his.pop()!;
      const bound = bounds.pop()!;
      if (bound >= best) continue;
      if (hi - lo <= LEAF_SIZE) {
        for (let i = lo; i < hi; i++) {
          const dx = xyz[i * 3]! - x;
          const dy = xyz[i * 3 + 1]! - y;
          const dz = xyz[i * 3 + 2]! - z;
          const d = dx * dx + dy * dy + dz * dz;
          if (d < best) {
            best = d;
            bestPos = i;
          }
        }
        continue;
      }
      const mid = (lo + hi) >> 1;
      const axis = this.axes[mid]!;
      const dx = xyz[mid * 3]! - x;
      const dy = xyz[mid * 3 + 1]! - y;
      const dz = xyz[mid * 3 + 2]! - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < best) {
        best = d;
        bestPos = mid;
      }
      const diff = q[axis]! - xyz[mid * 3 + axis]!;
      const planeSq = diff * diff;
      // Push the far side first so the near side is searched first and tightens `best`.
      if (diff < 0) {
        los.push(mid + 1, lo);
        his.push(hi, mid);
      } else {
        los.push(lo, mid + 1);
        his.push(mid, hi);
      }
      bounds.push(Math.max(bound, planeSq), bound);
    }
    if (bestPos >= 0) {
      out.index = this.indices[bestPos]!;
      out.distanceSq = best;
    }
    return out;
  }

  /**
   * The k nearest points to (x, y, z), nearest first, written into `outIndex`/`outDistSq` (length ≥ k,
   * unused slots -1 / Infinity). Point `skip` (e.g. the query point itself) is left out. Ties break by
   * smaller point index, so results do not depend on traversal order.
   */
  nearestK(x: number, y: number, z: number, k: number, outIndex: Int32Array, outDistSq: Float64Array, skip = -1): void {
    outIndex.fill(-1, 0, k);
    outDistSq.fill(Infinity, 0, k);
    const xyz = this.xyz;
    const order = this.indices;
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
