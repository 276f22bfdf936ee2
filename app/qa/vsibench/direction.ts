// Relative direction in the xy plane: "standing by pos, facing ori, where is qry". θ is the
// counter-clockwise angle from o = ori − pos to q = qry − pos, so left is [0, 180).
import type { Vec3 } from '../../scene/types';
import type { DirectionLevel } from './questions';

/** Bin edges in degrees; bin i is [edges[i], edges[i+1]), labelled DIRECTION_LABELS[level][i]. */
export const DIRECTION_EDGES: Record<DirectionLevel, readonly number[]> = {
  hard: [0, 90, 180, 270, 360],
  medium: [0, 135, 225, 360],
  easy: [0, 180, 360],
};

/** Hard and medium skip θ within this many degrees of a bin edge. */
export const DIRECTION_MARGIN_DEG = 10;
/** Easy drops what the medium level would call "back". */
export const EASY_BACK_BIN: readonly [number, number] = [135, 225];

/** θ in [0, 360), or null when o or q has no xy extent (no facing, or the target under the observer). */
export function directionAngle(pos: Vec3, ori: Vec3, qry: Vec3): number | null {
  const ox = ori[0] - pos[0];
  const oy = ori[1] - pos[1];
  const qx = qry[0] - pos[0];
  const qy = qry[1] - pos[1];
  if ((ox === 0 && oy === 0) || (qx === 0 && qy === 0)) return null;
  let deg = (Math.atan2(ox * qy - oy * qx, ox * qx + oy * qy) * 180) / Math.PI;
  if (deg < 0) deg += 360;
  // -tiny + 360 rounds to 360, which belongs to the first bin.
  return deg >= 360 ? 0 : deg;
}

export function directionBin(level: DirectionLevel, theta: number): number {
  const edges = DIRECTION_EDGES[level];
  for (let i = 0; i < edges.length - 1; i++) if (theta < edges[i + 1]!) return i;
  return 0;
}

/** Degrees from θ to the nearest bin edge (0 and 360 are the same edge). */
export function directionMargin(level: DirectionLevel, theta: number): number {
  return Math.min(...DIRECTION_EDGES[level].map((e) => Math.abs(theta - e)));
}
