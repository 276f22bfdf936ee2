// Do two oriented boxes share a point? Separating axis test over the 15 candidate axes (3 face
// normals of each box and the 9 edge-direction cross products); touching counts as overlapping.
import type { Vec3 } from '../scene/types';
import { cross, dot, obbCorners, obbLocal, OBB_EDGES, sub, type Obb } from './obb';

// Cross products of (nearly) parallel edges carry no direction; the face normals already cover them.
const DEGENERATE_AXIS_SQ = 1e-12;

function projectedRadius(box: Obb, axis: Vec3): number {
  return (box.size[0] / 2) * Math.abs(dot(box.axes[0], axis)) + (box.size[1] / 2) * Math.abs(dot(box.axes[1], axis)) + (box.size[2] / 2) * Math.abs(dot(box.axes[2], axis));
}

export function obbsOverlap(a: Obb, b: Obb): boolean {
  const t = sub(b.center, a.center);
  const axes: Vec3[] = [...a.axes, ...b.axes];
  for (const ea of a.axes) for (const eb of b.axes) axes.push(cross(ea, eb));
  for (const axis of axes) {
    if (dot(axis, axis) < DEGENERATE_AXIS_SQ) continue;
    // Unnormalised axis: both sides of the comparison scale by |axis|, so no division is needed.
    if (Math.abs(dot(t, axis)) > projectedRadius(a, axis) + projectedRadius(b, axis)) return false;
  }
  return true;
}

/** The part of segment p→q inside the box as parameters [t0, t1] ⊂ [0, 1], or null (slab clipping). */
export function clipSegmentToObb(box: Obb, p: Vec3, q: Vec3): [number, number] | null {
  const lp = obbLocal(box, p);
  const lq = obbLocal(box, q);
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < 3; i++) {
    const h = box.size[i]! / 2;
    const start = lp[i]!;
    const delta = lq[i]! - start;
    if (delta === 0) {
      if (start < -h || start > h) return null;
      continue;
    }
    let enter = (-h - start) / delta;
    let exit = (h - start) / delta;
    if (enter > exit) [enter, exit] = [exit, enter];
    t0 = Math.max(t0, enter);
    t1 = Math.min(t1, exit);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

/**
 * A point the two boxes share, or null. When convex polytopes meet, some edge of one of them meets
 * the other (a vertex of the intersection lies on an edge of A or of B), so clipping the 24 edges finds one.
 */
export function obbOverlapWitness(a: Obb, b: Obb): Vec3 | null {
  for (const [box, other] of [[a, b], [b, a]] as const) {
    const corners = obbCorners(box);
    for (const [i, j] of OBB_EDGES) {
      const p = corners[i]!;
      const q = corners[j]!;
      const span = clipSegmentToObb(other, p, q);
      if (!span) continue;
      const t = (span[0] + span[1]) / 2;
      return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]), p[2] + t * (q[2] - p[2])];
    }
  }
  return null;
}
