// Exact closest-point distance between oriented boxes (VSI-Bench "measuring from the closest point
// of each object"), and from a point to a box. VSI-Bench itself samples points inside the boxes,
// which can only overestimate; this is the true minimum up to float rounding.
import type { Vec3 } from '../scene/types';
import { distance, dot, obbCorners, obbLocal, obbPoint, OBB_EDGES, sub, type Obb } from './obb';
import { obbOverlapWitness, obbsOverlap } from './obb-overlap';

export interface ObbDistance {
  distance: number;
  /** Closest point on (or in) box a, and on box b; the same shared point when the boxes overlap. */
  pointA: Vec3;
  pointB: Vec3;
  overlapping: boolean;
}

export interface PointObbDistance {
  distance: number;
  /** The box point nearest to the query (the query itself when it is inside). */
  point: Vec3;
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

export function pointObbDistance(p: Vec3, box: Obb): PointObbDistance {
  const local = obbLocal(box, p);
  const inside: Vec3 = [0, 1, 2].map((i) => clamp(local[i]!, -box.size[i]! / 2, box.size[i]! / 2)) as Vec3;
  const point = obbPoint(box, inside);
  return { distance: distance(p, point), point };
}

/** Parameters (s, t) of the closest points of segments p1 + s·d1 and p2 + t·d2, s, t ∈ [0, 1]. */
function closestOnSegments(p1: Vec3, d1: Vec3, p2: Vec3, d2: Vec3): [number, number] {
  const r = sub(p1, p2);
  const a = dot(d1, d1);
  const e = dot(d2, d2);
  const f = dot(d2, r);
  if (a === 0 && e === 0) return [0, 0];
  if (a === 0) return [0, clamp(f / e, 0, 1)];
  const c = dot(d1, r);
  if (e === 0) return [clamp(-c / a, 0, 1), 0];
  const b = dot(d1, d2);
  const denom = a * e - b * b;
  // Parallel segments (denom 0): any s works for the infinite lines; start at 0 and let the clamp fix t.
  let s = denom > 0 ? clamp((b * f - c * e) / denom, 0, 1) : 0;
  let t = (b * s + f) / e;
  if (t < 0) {
    t = 0;
    s = clamp(-c / a, 0, 1);
  } else if (t > 1) {
    t = 1;
    s = clamp((b - c) / a, 0, 1);
  }
  return [s, t];
}

const along = (p: Vec3, d: Vec3, s: number): Vec3 => [p[0] + s * d[0], p[1] + s * d[1], p[2] + s * d[2]];

/**
 * For disjoint convex polytopes some closest pair is vertex–face, face–vertex or edge–edge, so the
 * minimum over the 8 + 8 vertex-to-box distances and the 144 edge pairs is the exact distance.
 * Overlap is decided first by the separating axis test, since a box piercing another need not
 * bring any of those feature pairs to zero.
 */
export function obbDistance(a: Obb, b: Obb): ObbDistance {
  if (obbsOverlap(a, b)) {
    const shared = obbOverlapWitness(a, b);
    // The witness can miss by rounding on boxes that merely touch; the feature search then gives the contact.
    if (shared) return { distance: 0, pointA: shared, pointB: shared, overlapping: true };
    const contact = closestFeatures(a, b);
    return { ...contact, distance: 0, overlapping: true };
  }
  return { ...closestFeatures(a, b), overlapping: false };
}

function closestFeatures(a: Obb, b: Obb): Omit<ObbDistance, 'overlapping'> {
  let best: Omit<ObbDistance, 'overlapping'> = { distance: Infinity, pointA: a.center, pointB: b.center };
  const ca = obbCorners(a);
  const cb = obbCorners(b);
  for (const p of ca) {
    const hit = pointObbDistance(p, b);
    if (hit.distance < best.distance) best = { distance: hit.distance, pointA: p, pointB: hit.point };
  }
  for (const q of cb) {
    const hit = pointObbDistance(q, a);
    if (hit.distance < best.distance) best = { distance: hit.distance, pointA: hit.point, pointB: q };
  }
  for (const [i, j] of OBB_EDGES) {
    const p1 = ca[i]!;
    const d1 = sub(ca[j]!, p1);
    for (const [k, l] of OBB_EDGES) {
      const p2 = cb[k]!;
      const d2 = sub(cb[l]!, p2);
      const [s, t] = closestOnSegments(p1, d1, p2, d2);
      const pa = along(p1, d1, s);
      const pb = along(p2, d2, t);
      const d = distance(pa, pb);
      if (d < best.distance) best = { distance: d, pointA: pa, pointB: pb };
    }
  }
  return best;
}
