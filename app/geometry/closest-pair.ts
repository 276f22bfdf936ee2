// Exact minimum Euclidean distance between two point sets of one interleaved xyz array. Distances are
// computed in float64 from the float32 coordinates with the same expression as the brute-force
// reference, so both return the identical minimum.
import { AppError } from '../contract/errors';
import type { Vec3 } from '../scene/types';
import { KdTree, type NearestHit } from './kdtree';

export interface ClosestPair {
  distance: number;
  pointA: Vec3;
  pointB: Vec3;
  /** Point indices (not float offsets) into the positions array. */
  indexA: number;
  indexB: number;
}

export interface Aabb {
  min: Vec3;
  max: Vec3;
}

function checkSets(positions: Float32Array, a: Uint32Array, b: Uint32Array): void {
  if (a.length === 0 || b.length === 0) throw new AppError('invalid_input', `closest pair: point set ${a.length === 0 ? 'a' : 'b'} is empty`);
  const count = Math.floor(positions.length / 3);
  for (const [name, set] of [['a', a], ['b', b]] as const) {
    for (let i = 0; i < set.length; i++) {
      if (set[i]! >= count) throw new AppError('invalid_input', `closest pair: ${name}[${i}] = ${set[i]} is past the last point (${count - 1})`);
    }
  }
}

const point = (positions: Float32Array, i: number): Vec3 => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];

function pair(positions: Float32Array, ia: number, ib: number, distanceSq: number): ClosestPair {
  return { distance: Math.sqrt(distanceSq), pointA: point(positions, ia), pointB: point(positions, ib), indexA: ia, indexB: ib };
}

export function boundsOf(positions: Float32Array, set: Uint32Array): Aabb {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < set.length; i++) {
    const p = set[i]! * 3;
    for (let k = 0; k < 3; k++) {
      const v = positions[p + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return { min, max };
}

/** Squared distance from a point to a box (0 inside). */
export function distanceSqToBox(x: number, y: number, z: number, box: Aabb): number {
  const dx = x < box.min[0] ? box.min[0] - x : x > box.max[0] ? x - box.max[0] : 0;
  const dy = y < box.min[1] ? box.min[1] - y : y > box.max[1] ? y - box.max[1] : 0;
  const dz = z < box.min[2] ? box.min[2] - z : z > box.max[2] ? z - box.max[2] : 0;
  return dx * dx + dy * dy + dz * dz;
}

/** The naive O(n·m) reference: every pair, first minimum wins. */
export function bruteForceClosestPair(positions: Float32Array, a: Uint32Array, b: Uint32Array): ClosestPair {
  checkSets(positions, a, b);
  let best = Infinity;
  let ba = -1;
  let bb = -1;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]! * 3;
    const x = positions[p]!;
    const y = positions[p + 1]!;
    const z = positions[p + 2]!;
    for (let j = 0; j < b.length; j++) {
      const q = b[j]! * 3;
      const dx = positions[q]! - x;
      const dy = positions[q + 1]! - y;
      const dz = positions[q + 2]! - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < best) {
        best = d;
        ba = a[i]!;
        bb = b[j]!;
      }
    }
  }
  return pair(positions, ba, bb, best);
}

/**
 * Exact closest pair. Builds a kd-tree on the larger set and queries it with the smaller one, in
 * order of each query point's distance to the larger set's bounding box: the nearest candidates go
 * first, so the running best is small early and the box test then skips most remaining points.
 * Pass a prebuilt tree for `b` to reuse it across queries.
 */
export function closestPointPair(positions: Float32Array, a: Uint32Array, b: Uint32Array, options: { treeB?: KdTree } = {}): ClosestPair {
  checkSets(positions, a, b);
  const swap = !options.treeB && a.length > b.length;
  const small = swap ? b : a;
  const large = swap ? a : b;
  const tree = options.treeB ?? new KdTree(positions, large);
  const box = boundsOf(positions, large);

  const m = small.length;
  const boxDist = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = small[i]! * 3;
    boxDist[i] = distanceSqToBox(positions[p]!, positions[p + 1]!, positions[p + 2]!, box);
  }
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((i, j) => boxDist[i]! - boxDist[j]!);

  let best = Infinity;
  let bestSmall = -1;
  let bestLarge = -1;
  const hit: NearestHit = { index: -1, distanceSq: Infinity };
  for (let k = 0; k < m; k++) {
    const i = order[k]!;
    // Sorted ascending: once the box alone is no closer than the best, no later point can be either.
    if (boxDist[i]! >= best) break;
    const p = small[i]! * 3;
    tree.nearest(positions[p]!, positions[p + 1]!, positions[p + 2]!, best, hit);
    if (hit.index >= 0) {
      best = hit.distanceSq;
      bestSmall = small[i]!;
      bestLarge = hit.index;
    }
  }
  return swap ? pair(positions, bestLarge, bestSmall, best) : pair(positions, bestSmall, bestLarge, best);
}
