// Superpoints of a point cloud (no faces): the Segmentator's Felzenszwalb merging, run on a k-nearest-
// neighbour graph instead of mesh edges. Normals come from PCA of each point's neighbourhood (a point
// cloud has no faces to average), and colour difference joins the weight because planes that meet
// flush (a book on a shelf, a rug on the floor) differ in colour, not in normal.
import { smallestEigenvector } from './covariance';
import type { MeshEdges } from './edge-weights';
import { knnGraph, type KnnGraph, type KnnPlan } from './knn';
import { mergeSortedEdges, pointGraphEdges, sortEdgesByWeight, type SortedEdgeMerger } from './point-graph';

export interface PointSuperpointOptions {
  /** Neighbours per point, for the graph and for the PCA normal. */
  k?: number;
  /** Felzenszwalb's k: larger values give larger superpoints. */
  kThresh?: number;
  /** Superpoints with fewer points are merged into a neighbour. */
  segMinVerts?: number;
  /** Weight of the colour term (RGB distance scaled to 0..1) against the normal term `1 − |n·n'|`. */
  colorWeight?: number;
  /** Neighbours farther than this (metres) give no edge, so separate surfaces never touch in the graph. */
  maxEdgeLength?: number;
}

export const POINT_SUPERPOINT_DEFAULTS: Required<PointSuperpointOptions> = {
  k: 10,
  kThresh: 0.05,
  segMinVerts: 40,
  colorWeight: 0.5,
  maxEdgeLength: 0.1,
};

export interface PointSuperpoints {
  /** Superpoint id per point, dense 0..count-1 numbered in order of each superpoint's first point. */
  ids: Int32Array;
  count: number;
  /** Unit PCA normal per point (xyz interleaved), sign chosen so that z ≥ 0. */
  normals: Float32Array;
  /** The neighbour graph the superpoints were cut from (features reuse it for adjacency). */
  graph: KnnGraph;
}

/** The neighbour count pointSuperpoints searches with for a cloud of `n` points. */
export function pointSuperpointK(n: number, options: PointSuperpointOptions = {}): number {
  return Math.min(options.k ?? POINT_SUPERPOINT_DEFAULTS.k, Math.max(1, n - 1));
}

/**
 * The steps before merging, already computed (on several threads by the host): the graph, the PCA
 * normals and the edges, each what knnGraph, pcaNormals and pointGraphEdges give for the same
 * positions, colours and options; with `sorted`, the edges are sortEdgesByWeight's order already.
 */
export interface PointGraphParts {
  graph: KnnGraph;
  normals: Float32Array;
  edges: MeshEdges;
  sorted?: boolean;
}

/**
 * Deterministic: the same positions, colours and options give the same ids. `knn`: the graph
 * knnGraph(positions, pointSuperpointK(n, options)) already computed, or all of PointGraphParts.
 * `merge`: the merging over the sorted edges (the host passes its WebAssembly kernel; same ids).
 */
export function pointSuperpoints(positions: Float32Array, colors: Uint8Array | undefined, options: PointSuperpointOptions = {}, knn?: KnnGraph | PointGraphParts, merge: SortedEdgeMerger = mergeSortedEdges): PointSuperpoints {
  const o = { ...POINT_SUPERPOINT_DEFAULTS, ...options };
  if (positions.length % 3 !== 0) throw new RangeError(`pointSuperpoints: positions length ${positions.length} is not a multiple of 3`);
  if (colors && colors.length !== positions.length) throw new RangeError(`pointSuperpoints: ${colors.length / 3} colours for ${positions.length / 3} points`);
  if (!Number.isInteger(o.k) || o.k < 1) throw new RangeError(`pointSuperpoints: k must be a positive integer, got ${o.k}`);
  if (!(o.kThresh > 0)) throw new RangeError(`pointSuperpoints: kThresh must be positive, got ${o.kThresh}`);
  if (!Number.isInteger(o.segMinVerts) || o.segMinVerts < 0) throw new RangeError(`pointSuperpoints: segMinVerts must be a non-negative integer, got ${o.segMinVerts}`);
  if (!(o.colorWeight >= 0)) throw new RangeError(`pointSuperpoints: colorWeight must be ≥ 0, got ${o.colorWeight}`);
  if (!(o.maxEdgeLength > 0)) throw new RangeError(`pointSuperpoints: maxEdgeLength must be positive, got ${o.maxEdgeLength}`);

  const n = positions.length / 3;
  const k = pointSuperpointK(n, o);
  const parts = knn && 'graph' in knn ? knn : null;
  const given: KnnGraph | undefined = knn && 'graph' in knn ? knn.graph : knn;
  if (given && (given.k !== k || given.index.length !== n * k)) throw new RangeError(`pointSuperpoints: the given graph has k=${given.k} for ${given.index.length / given.k} points, expected k=${k} for ${n}`);
  if (parts && parts.normals.length !== 3 * n) throw new RangeError(`pointSuperpoints: ${parts.normals.length / 3} given normals for ${n} points`);
  const graph = given ?? knnGraph(positions, k);
  const normals = parts ? parts.normals : pcaNormals(positions, graph);
  const edges = parts?.sorted ? parts.edges : sortEdgesByWeight(parts ? parts.edges : pointGraphEdges(graph, normals, colors, o.colorWeight, o.maxEdgeLength));
  const { ids, count } = denseIds(merge(n, edges, o.kThresh, o.segMinVerts));
  return { ids, count, normals, graph };
}

/** Normal of each point: the least-variance direction of the point and its k neighbours. */
export function pcaNormals(positions: Float32Array, graph: KnnGraph): Float32Array {
  const n = positions.length / 3;
  const normals = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) pcaNormalAt(positions, graph, i, normals);
  return normals;
}

/**
 * pcaNormals for the points points[from..to) only, written into `normals` (all n points long): a
 * thread answers the points whose neighbour rows it has just found. Each normal depends on its own
 * row alone, so any split gives the same array.
 */
export function pcaNormalsOf(positions: Float32Array, graph: KnnGraph, normals: Float32Array, points: Int32Array, from: number, to: number): void {
  for (let p = from; p < to; p++) pcaNormalAt(positions, graph, points[p]!, normals);
}

/** pcaNormalsOf for the points of the grid cells [cellFrom, cellTo): those knnCells just answered. */
export function pcaNormalsOfCells(plan: KnnPlan, positions: Float32Array, graph: KnnGraph, normals: Float32Array, cellFrom: number, cellTo: number): void {
  const grid = plan.grid;
  if (grid) pcaNormalsOf(positions, graph, normals, grid.order, grid.start[cellFrom]!, grid.start[cellTo]!);
  // Fewer than two points: no grid, and each normal is the default +z.
  else for (let i = 0; i < plan.n; i++) pcaNormalAt(positions, graph, i, normals);
}

function pcaNormalAt(positions: Float32Array, graph: KnnGraph, i: number, normals: Float32Array): void {
  const { k, index } = graph;
  // Moments about the point itself (shift-invariant, and better conditioned than about the origin).
  const px = positions[3 * i]!;
  const py = positions[3 * i + 1]!;
  const pz = positions[3 * i + 2]!;
  let m = 1;
  let sx = 0;
  let sy = 0;
  let sz = 0;
  let sxx = 0;
  let sxy = 0;
  let sxz = 0;
  let syy = 0;
  let syz = 0;
  let szz = 0;
  for (let j = 0; j < k; j++) {
    const q = index[i * k + j]!;
    if (q < 0) continue;
    const x = positions[3 * q]! - px;
    const y = positions[3 * q + 1]! - py;
    const z = positions[3 * q + 2]! - pz;
    m++;
    sx += x;
    sy += y;
    sz += z;
    sxx += x * x;
    sxy += x * y;
    sxz += x * z;
    syy += y * y;
    syz += y * z;
    szz += z * z;
  }
  if (m >= 3) {
    const mx = sx / m;
    const my = sy / m;
    const mz = sz / m;
    smallestEigenvector(sxx / m - mx * mx, sxy / m - mx * my, sxz / m - mx * mz, syy / m - my * my, syz / m - my * mz, szz / m - mz * mz, normals, 3 * i);
  } else {
    normals[3 * i] = 0;
    normals[3 * i + 1] = 0;
    normals[3 * i + 2] = 1;
  }
  let nx = normals[3 * i]!;
  let ny = normals[3 * i + 1]!;
  let nz = normals[3 * i + 2]!;
  if (nz < 0 || (nz === 0 && (ny < 0 || (ny === 0 && nx < 0)))) {
    nx = -nx;
    ny = -ny;
    nz = -nz;
  }
  normals[3 * i] = nx;
  normals[3 * i + 1] = ny;
  normals[3 * i + 2] = nz;
}

/** Renumbers labels 0..count-1 in order of first appearance. */
export function denseIds(labels: Int32Array): { ids: Int32Array; count: number } {
  const n = labels.length;
  let inRange = true;
  for (let i = 0; i < n && inRange; i++) inRange = labels[i]! >= 0 && labels[i]! < n;
  if (inRange) {
    // Labels that are point indices (union-find roots): a table instead of a Map.
    const table = new Int32Array(n).fill(-1);
    const ids = new Int32Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const l = labels[i]!;
      let id = table[l]!;
      if (id < 0) table[l] = id = count++;
      ids[i] = id;
    }
    return { ids, count };
  }
  const map = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = map.get(labels[i]!);
    if (id === undefined) {
      id = map.size;
      map.set(labels[i]!, id);
    }
    ids[i] = id;
  }
  return { ids, count: map.size };
}
