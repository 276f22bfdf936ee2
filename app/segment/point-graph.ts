// The graph side of point-cloud superpoints, in flat typed arrays: the k-NN edges with their weights,
// a radix sort of those edges by weight, and Felzenszwalb's merging over the sorted edges. The mesh
// Segmentator (mesh-segmentator.ts) must reproduce the C++ tool's std::sort tie order; a point cloud
// has no reference to match, so its edges sort stably (equal weights keep the order they were made
// in: by point, then by neighbour rank), which is deterministic and several times faster.
import type { MeshEdges } from './edge-weights';
import type { KnnGraph } from './knn';

const f = Math.fround;

/** One edge per unordered neighbour pair within reach, weighted by normal change plus colour change. */
export function pointGraphEdges(graph: KnnGraph, normals: Float32Array, colors: Uint8Array | undefined, colorWeight: number, maxEdgeLength: number): MeshEdges {
  const n = graph.index.length / graph.k;
  const out = { a: new Int32Array(n * graph.k), b: new Int32Array(n * graph.k), w: new Float32Array(n * graph.k) };
  const m = pointGraphEdgesOf(graph, normals, colors, colorWeight, maxEdgeLength, 0, n, out, 0);
  return { a: out.a.slice(0, m), b: out.b.slice(0, m), w: out.w.slice(0, m) };
}

/**
 * The edges pointGraphEdges makes from points from..to-1, in the same order, written into `out` from
 * slot `at` (room for (to − from)·k edges); answers how many. Needs every point's normal and row, so
 * threads that split the points run it after all normals are known; their runs, concatenated in
 * point order, are pointGraphEdges' list.
 */
export function pointGraphEdgesOf(graph: KnnGraph, normals: Float32Array, colors: Uint8Array | undefined, colorWeight: number, maxEdgeLength: number, from: number, to: number, out: MeshEdges, at: number): number {
  const { k, index, distanceSq } = graph;
  const { a, b, w } = out;
  const maxSq = maxEdgeLength * maxEdgeLength;
  let m = at;
  const colorScale = colors ? colorWeight / (255 * Math.sqrt(3)) : 0;
  for (let i = from; i < to; i++) {
    const nx = normals[3 * i]!;
    const ny = normals[3 * i + 1]!;
    const nz = normals[3 * i + 2]!;
    for (let s = 0; s < k; s++) {
      const j = index[i * k + s]!;
      if (j < 0 || distanceSq[i * k + s]! > maxSq) continue;
      // Keep (i, j) once: from the smaller index, or from i when j does not list i back.
      if (j < i && listsNeighbour(index, k, j, i)) continue;
      const dot = nx * normals[3 * j]! + ny * normals[3 * j + 1]! + nz * normals[3 * j + 2]!;
      let weight = 1 - Math.abs(dot);
      if (colors) {
        const dr = colors[3 * i]! - colors[3 * j]!;
        const dg = colors[3 * i + 1]! - colors[3 * j + 1]!;
        const db = colors[3 * i + 2]! - colors[3 * j + 2]!;
        weight += colorScale * Math.sqrt(dr * dr + dg * dg + db * db);
      }
      a[m] = i;
      b[m] = j;
      w[m] = weight;
      m++;
    }
  }
  return m - at;
}

function listsNeighbour(index: Int32Array, k: number, of: number, target: number): boolean {
  for (let s = 0; s < k; s++) if (index[of * k + s] === target) return true;
  return false;
}

/**
 * The edges by non-decreasing weight, equal weights in their given order: an LSD radix sort on the
 * float32 bit patterns made monotonic (sortKeyedRange). The endpoints travel with their keys in every
 * pass, so that every pass reads sequentially (gathering them once at the end by a permutation would
 * be a cache miss per edge, most of the sort's time), and the weights are decoded from the keys.
 */
export function sortEdgesByWeight(edges: MeshEdges): MeshEdges {
  const m = edges.w.length;
  const keys = new Uint32Array(m);
  weightKeys(edges.w, keys, 0, m);
  const a = edges.a.slice();
  const b = edges.b.slice();
  sortKeyedRange(keys, a, b, 0, m, new Uint32Array(m), new Int32Array(m), new Int32Array(m));
  const w = new Float32Array(m);
  weightsOfKeys(keys, w, 0, m);
  return { a, b, w };
}

/**
 * sortEdgesByWeight on the run edges[from..to) in place (a thread sorts the run it has just made;
 * mergeSortedEdgeRuns joins the runs).
 */
export function sortEdgeRunByWeight(edges: MeshEdges, from: number, to: number): void {
  const m = to - from;
  if (m < 2) return;
  const w = edges.w.subarray(from, to);
  const keys = new Uint32Array(m);
  weightKeys(w, keys, 0, m);
  sortKeyedRange(keys, edges.a.subarray(from, to), edges.b.subarray(from, to), 0, m, new Uint32Array(m), new Int32Array(m), new Int32Array(m));
  weightsOfKeys(keys, w, 0, m);
}

/**
 * Runs of `edges`, each sorted by sortEdgeRunByWeight, joined into new arrays: what sortEdgesByWeight
 * gives for the runs laid end to end in the order listed (a stable merge: equal keys take the earlier run).
 */
export function mergeSortedEdgeRuns(edges: MeshEdges, runs: readonly { from: number; count: number }[]): MeshEdges {
  if (runs.length === 0) return { a: new Int32Array(0), b: new Int32Array(0), w: new Float32Array(0) };
  // Pairwise, first with second, that with the third…: each merge keeps the earlier runs first on ties.
  const first = runs[0]!;
  let merged: MeshEdges = edges;
  let [from, to] = [first.from, first.from + first.count];
  for (let r = 1; r < runs.length; r++) {
    const run = runs[r]!;
    merged = mergeTwo(merged, from, to, edges, run.from, run.from + run.count);
    [from, to] = [0, merged.w.length];
  }
  if (merged === edges) merged = { a: edges.a.slice(from, to), b: edges.b.slice(from, to), w: edges.w.slice(from, to) };
  return merged;
}

/** Stable merge of x[xFrom..xTo) and y[yFrom..yTo), both sorted by weight key; x first on ties. */
function mergeTwo(x: MeshEdges, xFrom: number, xTo: number, y: MeshEdges, yFrom: number, yTo: number): MeshEdges {
  const total = xTo - xFrom + (yTo - yFrom);
  const a = new Int32Array(total);
  const b = new Int32Array(total);
  const w = new Float32Array(total);
  const out = new Uint32Array(w.buffer);
  const xBits = new Uint32Array(x.w.buffer, x.w.byteOffset, x.w.length);
  const yBits = new Uint32Array(y.w.buffer, y.w.byteOffset, y.w.length);
  let i = xFrom;
  let j = yFrom;
  let p = 0;
  if (i < xTo && j < yTo) {
    let xv = xBits[i]!;
    let yv = yBits[j]!;
    let xk = xv & 0x80000000 ? ~xv >>> 0 : (xv | 0x80000000) >>> 0;
    let yk = yv & 0x80000000 ? ~yv >>> 0 : (yv | 0x80000000) >>> 0;
    for (;;) {
      if (yk < xk) {
        a[p] = y.a[j]!;
        b[p] = y.b[j]!;
        out[p++] = yv;
        if (++j === yTo) break;
        yv = yBits[j]!;
        yk = yv & 0x80000000 ? ~yv >>> 0 : (yv | 0x80000000) >>> 0;
      } else {
        a[p] = x.a[i]!;
        b[p] = x.b[i]!;
        out[p++] = xv;
        if (++i === xTo) break;
        xv = xBits[i]!;
        xk = xv & 0x80000000 ? ~xv >>> 0 : (xv | 0x80000000) >>> 0;
      }
    }
  }
  a.set(x.a.subarray(i, xTo), p);
  b.set(x.b.subarray(i, xTo), p);
  out.set(xBits.subarray(i, xTo), p);
  p += xTo - i;
  a.set(y.a.subarray(j, yTo), p);
  b.set(y.b.subarray(j, yTo), p);
  out.set(yBits.subarray(j, yTo), p);
  return { a, b, w };
}

/**
 * Sort keys of the weights w[from..to) into keys[from..to): float bits made unsigned and monotonic
 * (negatives, a dot product rounded past 1, flip whole, the rest flip the sign bit; -0 sorts just
 * before +0, which compare equal, fine for merging).
 */
function weightKeys(w: Float32Array, keys: Uint32Array, from: number, to: number): void {
  const raw = new Uint32Array(w.buffer, w.byteOffset, w.length);
  for (let e = from; e < to; e++) {
    const v = raw[e]!;
    const key = v & 0x80000000 ? ~v >>> 0 : (v | 0x80000000) >>> 0;
    keys[e] = key;
  }
}

/** The weights back from their keys (weightKeys inverted, bit for bit). */
function weightsOfKeys(keys: Uint32Array, w: Float32Array, from: number, to: number): void {
  const bits = new Uint32Array(w.buffer, w.byteOffset, w.length);
  for (let p = from; p < to; p++) {
    const key = keys[p]!;
    bits[p] = key & 0x80000000 ? key ^ 0x80000000 : ~key >>> 0;
  }
}

/**
 * Stable sort of keys[from..to) ascending, a and b moving with their keys: four LSD passes of 8 bits,
 * skipping a pass whose digit is the same for every key. The scratch arrays' same range is overwritten;
 * the answer ends in keys, a and b.
 */
function sortKeyedRange(keys: Uint32Array, a: Int32Array, b: Int32Array, from: number, to: number, scratchKeys: Uint32Array, scratchA: Int32Array, scratchB: Int32Array): void {
  const m = to - from;
  if (m < 2) return;
  const counts = new Int32Array(4 * 256);
  for (let e = from; e < to; e++) {
    const key = keys[e]!;
    counts[key & 255]!++;
    counts[256 + ((key >>> 8) & 255)]!++;
    counts[512 + ((key >>> 16) & 255)]!++;
    counts[768 + (key >>> 24)]!++;
  }
  let srcK = keys;
  let srcA = a;
  let srcB = b;
  let dstK = scratchKeys;
  let dstA = scratchA;
  let dstB = scratchB;
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    const shift = 8 * pass;
    if (counts[base + ((srcK[from]! >>> shift) & 255)]! === m) continue;
    let sum = from;
    for (let d = 0; d < 256; d++) {
      const c = counts[base + d]!;
      counts[base + d] = sum;
      sum += c;
    }
    for (let p = from; p < to; p++) {
      const key = srcK[p]!;
      const at = counts[base + ((key >>> shift) & 255)]!++;
      dstK[at] = key;
      dstA[at] = srcA[p]!;
      dstB[at] = srcB[p]!;
    }
    [srcK, dstK] = [dstK, srcK];
    [srcA, dstA] = [dstA, srcA];
    [srcB, dstB] = [dstB, srcB];
  }
  if (srcK !== keys) {
    keys.set(srcK.subarray(from, to), from);
    a.set(srcA.subarray(from, to), from);
    b.set(srcB.subarray(from, to), from);
  }
}

/** mergeSortedEdges, or the same merging elsewhere (the host's WebAssembly kernel: point-merge-wasm.ts). */
export type SortedEdgeMerger = (vertexCount: number, sorted: MeshEdges, kThresh: number, minSize: number) => Int32Array;

/**
 * Felzenszwalb–Huttenlocher merging over edges already sorted by weight (thresholds in float32, as
 * the mesh path keeps them), then small components joined to a neighbour along the same edges.
 * Answers the component root of every vertex. Which vertex becomes a root never matters here (ids
 * are renumbered by first point afterwards), so the forest is a plain union by size with path halving.
 */
export function mergeSortedEdges(vertexCount: number, sorted: MeshEdges, kThresh: number, minSize: number): Int32Array {
  const c = f(kThresh);
  const parent = new Int32Array(vertexCount);
  const size = new Int32Array(vertexCount).fill(1);
  for (let i = 0; i < vertexCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x]!]!;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  const threshold = new Float32Array(vertexCount).fill(c);
  const { a: ea, b: eb, w: ew } = sorted;
  const m = ew.length;
  for (let e = 0; e < m; e++) {
    const w = ew[e]!;
    let a = find(ea[e]!);
    let b = find(eb[e]!);
    if (a !== b && w <= threshold[a]! && w <= threshold[b]!) {
      if (size[a]! < size[b]!) [a, b] = [b, a];
      parent[b] = a;
      size[a]! += size[b]!;
      threshold[a] = f(w + f(c / size[a]!));
    }
  }
  // Sizes only grow, so an edge between two components already at minSize never joins in the second
  // pass: only edges touching a small component need their roots looked up.
  const small = new Uint8Array(vertexCount);
  let any = false;
  for (let i = 0; i < vertexCount; i++) if (size[find(i)]! < minSize) small[i] = 1, (any = true);
  if (any) {
    for (let e = 0; e < m; e++) {
      const u = ea[e]!;
      const v = eb[e]!;
      if (!small[u] && !small[v]) continue;
      let a = find(u);
      let b = find(v);
      if (a !== b && (size[a]! < minSize || size[b]! < minSize)) {
        if (size[a]! < size[b]!) [a, b] = [b, a];
        parent[b] = a;
        size[a]! += size[b]!;
      }
    }
  }
  const roots = new Int32Array(vertexCount);
  for (let i = 0; i < vertexCount; i++) roots[i] = find(i);
  return roots;
}
