// Exact distance from a point set to an oriented box, with the two closest points (the set's point
// and the box point facing it), so the UI can draw the measurement.
import { AppError } from '../contract/errors';
import type { Vec3 } from '../scene/types';
import { pointObbDistance } from './obb-distance';
import { obbLocal, type Obb } from './obb';

export interface PointSetObbDistance {
  distance: number;
  /** The point of the set nearest the box, and its point index in `positions`. */
  pointSet: Vec3;
  index: number;
  /** The box point nearest to it (itself when inside the box). */
  pointBox: Vec3;
  /** Points of the set inside or on the box. */
  inside: number;
}

export function pointSetObbDistance(positions: Float32Array, subset: Uint32Array | null, box: Obb): PointSetObbDistance {
  const n = subset ? subset.length : Math.floor(positions.length / 3);
  if (n === 0) throw new AppError('invalid_input', 'point set to box distance: the point set is empty');
  let best: PointSetObbDistance | null = null;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const index = subset ? subset[i]! : i;
    const p: Vec3 = [positions[index * 3]!, positions[index * 3 + 1]!, positions[index * 3 + 2]!];
    // Decided in the box frame: a point inside is at distance 0 exactly, not the rounding of a round trip.
    const local = obbLocal(box, p);
    const isInside = local.every((u, k) => Math.abs(u) <= box.size[k]! / 2);
    const hit = isInside ? { distance: 0, point: p } : pointObbDistance(p, box);
    if (isInside) inside++;
    if (!best || hit.distance < best.distance) best = { distance: hit.distance, pointSet: p, index, pointBox: hit.point, inside: 0 };
  }
  return { ...best!, inside };
}
