// Per-superpoint features: the one computation that both the training-data builder and inference use,
// so the model sees at run time exactly what it was trained on. The layout is a stable tensor,
// Float32Array [count × FEATURE_COUNT] row-major, columns in SUPERPOINT_FEATURES order. Appending a
// column is a new layout version: a model records FEATURE_LAYOUT_VERSION and the host refuses a mismatch.
import { eigenSymmetric3, shapeFeatures } from './covariance';
import type { KnnGraph } from './knn';

/** Column order of the feature tensor. Lengths in metres, scene frame (z up); colours 0..1. */
export const SUPERPOINT_FEATURES = [
  'centroid_x',
  'centroid_y',
  'centroid_z',
  /** Axis-aligned extent of the superpoint's points. */
  'extent_x',
  'extent_y',
  'extent_z',
  /** Demantké dimensionality from covariance eigenvalues λ1 ≥ λ2 ≥ λ3: (λ1−λ2)/λ1, (λ2−λ3)/λ1, λ3/λ1. */
  'linearity',
  'planarity',
  'scattering',
  /** 1 − |n_z| of the superpoint's PCA normal: 1 for walls, 0 for floors and table tops. */
  'verticality',
  /** Centroid, lowest and highest point above the floor (floor = FLOOR_PERCENTILE of all z). */
  'height',
  'z_min',
  'z_max',
  /** Mean of the point normals, each flipped to agree with the superpoint's PCA normal (length < 1 on curved parts). */
  'normal_x',
  'normal_y',
  'normal_z',
  'color_mean_r',
  'color_mean_g',
  'color_mean_b',
  'color_std_r',
  'color_std_g',
  'color_std_b',
  /** ln(1 + number of points). */
  'log_points',
] as const;

export type SuperpointFeatureName = (typeof SUPERPOINT_FEATURES)[number];
export const FEATURE_COUNT = SUPERPOINT_FEATURES.length;
export const FEATURE_LAYOUT_VERSION = 1;
/** Column of a named feature. */
export const featureColumn = (name: SuperpointFeatureName): number => SUPERPOINT_FEATURES.indexOf(name);

/** The floor height is this quantile of point z: low enough to sit on the floor, high enough to skip stray points below it. */
export const FLOOR_PERCENTILE = 0.02;

/** Superpoint adjacency as compressed rows: neighbours of s are ids[offsets[s] .. offsets[s+1]), ascending. */
export interface Adjacency {
  offsets: Int32Array;
  ids: Int32Array;
}

export interface SuperpointFeatures {
  count: number;
  /** [count × FEATURE_COUNT], row-major. */
  features: Float32Array;
  pointCounts: Int32Array;
  /** [count × 6]: min xyz, max xyz of each superpoint's points. */
  bounds: Float32Array;
  floorZ: number;
  neighbours: Adjacency;
}

export interface FeatureInput {
  positions: Float32Array;
  colors?: Uint8Array;
  /** Per point normals (mesh or PCA); absent: each superpoint's PCA normal stands in. */
  normals?: Float32Array;
  /** Dense superpoint id per point, 0..count-1. */
  superpoints: Int32Array;
  count: number;
  neighbours: Adjacency;
}

const SUMS = 10; // n, x, y, z, xx, xy, xz, yy, yz, zz
const COLOR_MEAN = featureColumn('color_mean_r');
const COLOR_STD = featureColumn('color_std_r');
const LOG_POINTS = featureColumn('log_points');
const NORMAL = featureColumn('normal_x');

export function superpointFeatures(input: FeatureInput): SuperpointFeatures {
  const { positions, colors, normals, superpoints: sp, count } = input;
  const n = positions.length / 3;
  if (sp.length !== n) throw new RangeError(`superpointFeatures: ${sp.length} superpoint ids for ${n} points`);
  if (input.neighbours.offsets.length !== count + 1) throw new RangeError(`superpointFeatures: adjacency has ${input.neighbours.offsets.length - 1} rows for ${count} superpoints`);
  const floorZ = quantileZ(positions, FLOOR_PERCENTILE);

  const sums = new Float64Array(count * SUMS);
  const bounds = new Float32Array(count * 6);
  for (let s = 0; s < count; s++) bounds.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], s * 6);
  const color = new Float64Array(count * 6); // r g b sums, r² g² b² sums
  for (let i = 0; i < n; i++) {
    const s = sp[i]!;
    if (!(s >= 0 && s < count)) throw new RangeError(`superpointFeatures: point ${i} has superpoint ${s}, expected 0..${count - 1}`);
    const x = positions[3 * i]!;
    const y = positions[3 * i + 1]!;
    const z = positions[3 * i + 2]!;
    const o = s * SUMS;
    sums[o]!++;
    sums[o + 1]! += x;
    sums[o + 2]! += y;
    sums[o + 3]! += z;
    sums[o + 4]! += x * x;
    sums[o + 5]! += x * y;
    sums[o + 6]! += x * z;
    sums[o + 7]! += y * y;
    sums[o + 8]! += y * z;
    sums[o + 9]! += z * z;
    const b = s * 6;
    if (x < bounds[b]!) bounds[b] = x;
    if (y < bounds[b + 1]!) bounds[b + 1] = y;
    if (z < bounds[b + 2]!) bounds[b + 2] = z;
    if (x > bounds[b + 3]!) bounds[b + 3] = x;
    if (y > bounds[b + 4]!) bounds[b + 4] = y;
    if (z > bounds[b + 5]!) bounds[b + 5] = z;
    if (colors) {
      for (let c = 0; c < 3; c++) {
        const v = colors[3 * i + c]! / 255;
        color[b + c]! += v;
        color[b + 3 + c]! += v * v;
      }
    }
  }

  // Scene centre in xy: vertical normals are turned to face it, so a wall's normal points into the room.
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += positions[3 * i]!;
    cy += positions[3 * i + 1]!;
  }
  cx /= n || 1;
  cy /= n || 1;

  const F = FEATURE_COUNT;
  const features = new Float32Array(count * F);
  const pcaNormal = new Float64Array(count * 3);
  const pointCounts = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const o = s * SUMS;
    const m = sums[o]!;
    pointCounts[s] = m;
    const row = s * F;
    if (m === 0) continue;
    const mx = sums[o + 1]! / m;
    const my = sums[o + 2]! / m;
    const mz = sums[o + 3]! / m;
    const cov = [sums[o + 4]! / m - mx * mx, sums[o + 5]! / m - mx * my, sums[o + 6]! / m - mx * mz, sums[o + 7]! / m - my * my, sums[o + 8]! / m - my * mz, sums[o + 9]! / m - mz * mz];
    const { values, vectors } = eigenSymmetric3(cov);
    const shape = shapeFeatures(values);
    let nx = vectors[6]!;
    let ny = vectors[7]!;
    let nz = vectors[8]!;
    const facing = Math.abs(nz) > 0.5 ? nz : (cx - mx) * nx + (cy - my) * ny;
    if (facing < 0) {
      nx = -nx;
      ny = -ny;
      nz = -nz;
    }
    pcaNormal.set([nx, ny, nz], s * 3);
    const b = s * 6;
    // Columns centroid_x … z_max, in SUPERPOINT_FEATURES order.
    features.set(
      [
        mx,
        my,
        mz,
        bounds[b + 3]! - bounds[b]!,
        bounds[b + 4]! - bounds[b + 1]!,
        bounds[b + 5]! - bounds[b + 2]!,
        shape.linearity,
        shape.planarity,
        shape.scattering,
        1 - Math.abs(nz),
        mz - floorZ,
        bounds[b + 2]! - floorZ,
        bounds[b + 5]! - floorZ,
      ],
      row,
    );
    if (colors) {
      for (let c = 0; c < 3; c++) {
        const mean = color[b + c]! / m;
        features[row + COLOR_MEAN + c] = mean;
        features[row + COLOR_STD + c] = Math.sqrt(Math.max(0, color[b + 3 + c]! / m - mean * mean));
      }
    }
    features[row + LOG_POINTS] = Math.log1p(m);
  }

  // Mean normal: point normals flipped onto the PCA normal's side, averaged.
  if (normals) {
    const acc = new Float64Array(count * 3);
    for (let i = 0; i < n; i++) {
      const s = sp[i]!;
      const px = normals[3 * i]!;
      const py = normals[3 * i + 1]!;
      const pz = normals[3 * i + 2]!;
      const sign = px * pcaNormal[3 * s]! + py * pcaNormal[3 * s + 1]! + pz * pcaNormal[3 * s + 2]! < 0 ? -1 : 1;
      acc[3 * s]! += sign * px;
      acc[3 * s + 1]! += sign * py;
      acc[3 * s + 2]! += sign * pz;
    }
    for (let s = 0; s < count; s++) for (let c = 0; c < 3; c++) features[s * F + NORMAL + c] = pointCounts[s]! > 0 ? acc[3 * s + c]! / pointCounts[s]! : 0;
  } else {
    for (let s = 0; s < count; s++) for (let c = 0; c < 3; c++) features[s * F + NORMAL + c] = pcaNormal[3 * s + c]!;
  }
  return { count, features, pointCounts, bounds, floorZ, neighbours: input.neighbours };
}

/** The q-quantile of the points' z (nearest rank). */
export function quantileZ(positions: Float32Array, q: number): number {
  const n = positions.length / 3;
  if (n === 0) return 0;
  const z = new Float32Array(n);
  for (let i = 0; i < n; i++) z[i] = positions[3 * i + 2]!;
  return selectNth(z, Math.min(n - 1, Math.max(0, Math.floor(q * (n - 1)))));
}

/** The value a full sort would put at `nth` (Hoare's quickselect, middle pivot; reorders `v`). */
function selectNth(v: Float32Array, nth: number): number {
  let lo = 0;
  let hi = v.length - 1;
  while (lo < hi) {
    const pivot = v[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i]! < pivot) i++;
      while (v[j]! > pivot) j--;
      if (i <= j) {
        const t = v[i]!;
        v[i] = v[j]!;
        v[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi], and anything strictly between j and i equals the pivot.
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return v[nth]!;
  }
  return v[lo]!;
}

/** Adjacency of superpoints that share a mesh edge. */
export function adjacencyFromFaces(superpoints: Int32Array, count: number, faces: Uint32Array): Adjacency {
  const pairs = new PairList(faces.length * 2);
  for (let t = 0; t + 2 < faces.length; t += 3) {
    const a = superpoints[faces[t]!]!;
    const b = superpoints[faces[t + 1]!]!;
    const c = superpoints[faces[t + 2]!]!;
    if (a !== b) pairs.push(a, b);
    if (a !== c) pairs.push(a, c);
    if (b !== c) pairs.push(b, c);
  }
  return toAdjacency(pairs, count);
}

/** Adjacency of superpoints with a k-NN edge between them no longer than `maxDistance`. */
export function adjacencyFromKnn(superpoints: Int32Array, count: number, graph: KnnGraph, maxDistance: number): Adjacency {
  const { k, index, distanceSq } = graph;
  const maxSq = maxDistance * maxDistance;
  const pairs = new PairList(index.length * 2);
  for (let i = 0; i < superpoints.length; i++) {
    const a = superpoints[i]!;
    for (let j = 0; j < k; j++) {
      const q = index[i * k + j]!;
      if (q < 0 || distanceSq[i * k + j]! > maxSq) continue;
      const b = superpoints[q]!;
      if (a !== b) pairs.push(a, b);
    }
  }
  return toAdjacency(pairs, count);
}

/** A flat list of (a, b) pairs with room for `capacity` ids. */
class PairList {
  readonly ids: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
  }
  push(a: number, b: number): void {
    this.ids[this.length++] = a;
    this.ids[this.length++] = b;
  }
}

/** Symmetric, deduplicated, sorted rows from a flat list of (a, b) pairs: bucketed by row, then each row deduplicated with a stamp. */
function toAdjacency(pairs: PairList, count: number): Adjacency {
  const { ids: flat, length } = pairs;
  const rowStart = new Int32Array(count + 1);
  for (let p = 0; p < length; p++) rowStart[flat[p]! + 1]!++;
  for (let s = 0; s < count; s++) rowStart[s + 1]! += rowStart[s]!;
  // Each pair lands in both rows: a's row gets b, b's row gets a.
  const bucket = new Int32Array(length);
  const fill = rowStart.slice(0, count);
  for (let p = 0; p < length; p += 2) {
    const a = flat[p]!;
    const b = flat[p + 1]!;
    bucket[fill[a]!++] = b;
    bucket[fill[b]!++] = a;
  }
  const stamp = new Int32Array(count).fill(-1);
  const offsets = new Int32Array(count + 1);
  const unique = new Int32Array(length);
  let n = 0;
  for (let s = 0; s < count; s++) {
    const first = n;
    for (let p = rowStart[s]!; p < rowStart[s + 1]!; p++) {
      const t = bucket[p]!;
      if (stamp[t] === s) continue;
      stamp[t] = s;
      unique[n++] = t;
    }
    unique.subarray(first, n).sort();
    offsets[s + 1] = n;
  }
  return { offsets, ids: unique.slice(0, n) };
}
