// Oriented bounding box: the shape every QA rule over instances measures. Side lengths are FULL
// extents (VSI-Bench `axesLengths`, SpatialLM `scale`), not half extents.
import type { Vec3 } from '../scene/types';

export interface Obb {
  center: Vec3;
  /** Three orthonormal axes; side `size[i]` runs along `axes[i]`. */
  axes: [Vec3, Vec3, Vec3];
  size: Vec3;
}

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** center + Σ u[i]·axes[i]: a point given in the box's own frame. */
export function obbPoint(box: Obb, u: Vec3): Vec3 {
  const [a0, a1, a2] = box.axes;
  return [
    box.center[0] + u[0] * a0[0] + u[1] * a1[0] + u[2] * a2[0],
    box.center[1] + u[0] * a0[1] + u[1] * a1[1] + u[2] * a2[1],
    box.center[2] + u[0] * a0[2] + u[1] * a1[2] + u[2] * a2[2],
  ];
}

/** A world point in the box's frame (coordinates along its axes, from its center). */
export function obbLocal(box: Obb, p: Vec3): Vec3 {
  const d = sub(p, box.center);
  return [dot(d, box.axes[0]), dot(d, box.axes[1]), dot(d, box.axes[2])];
}

/** The 8 corners; corner k has sign bit i of k on axis i (bit set = +half side). */
export function obbCorners(box: Obb): Vec3[] {
  const corners: Vec3[] = [];
  for (let k = 0; k < 8; k++) {
    corners.push(obbPoint(box, [((k & 1 ? 1 : -1) * box.size[0]) / 2, ((k & 2 ? 1 : -1) * box.size[1]) / 2, ((k & 4 ? 1 : -1) * box.size[2]) / 2]));
  }
  return corners;
}

/** The 12 edges as corner index pairs of obbCorners: corners differing in exactly one sign bit. */
export const OBB_EDGES: ReadonlyArray<readonly [number, number]> = (() => {
  const edges: Array<[number, number]> = [];
  for (let k = 0; k < 8; k++) for (const bit of [1, 2, 4]) if (!(k & bit)) edges.push([k, k | bit]);
  return edges;
})();
