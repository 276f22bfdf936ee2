// Directions from a viewpoint, in the xy plane, by VSI-Bench's angle rule: θ is the counter-clockwise
// angle from the reference direction (what the observer faces) to the target, in [0, 360), so left is [0, 180).
import type { Vec3 } from '../scene/types';

export interface Viewpoint {
  /** Where the observer stands (e.g. an object's centroid, or the camera). */
  position: Vec3;
  /** A point the observer faces (another object's centroid, or position + forward). */
  facing: Vec3;
}

export type ViewSide = 'left' | 'right' | 'front' | 'behind';

/** Each side as [from, to) in degrees; front wraps through 0. behind is VSI-Bench's medium "back" bin. */
export const VIEW_SIDE_BINS: Record<ViewSide, readonly [number, number]> = {
  left: [0, 180],
  right: [180, 360],
  behind: [135, 225],
  front: [315, 45],
};

/** θ of `target` seen from `from`, measured from the direction to `reference`; null without xy extent. */
export function angleFrom(from: Vec3, reference: Vec3, target: Vec3): number | null {
  const ox = reference[0] - from[0];
  const oy = reference[1] - from[1];
  const qx = target[0] - from[0];
  const qy = target[1] - from[1];
  if ((ox === 0 && oy === 0) || (qx === 0 && qy === 0)) return null;
  let deg = (Math.atan2(ox * qy - oy * qx, ox * qx + oy * qy) * 180) / Math.PI;
  if (deg < 0) deg += 360;
  return deg >= 360 ? 0 : deg;
}

const inBin = ([lo, hi]: readonly [number, number], theta: number) => (lo < hi ? theta >= lo && theta < hi : theta >= lo || theta < hi);
/** Degrees from θ to the nearer edge of the bin, on the circle. */
const edgeDistance = ([lo, hi]: readonly [number, number], theta: number) => {
  const d = (a: number) => {
    const x = Math.abs(theta - a) % 360;
    return Math.min(x, 360 - x);
  };
  return Math.min(d(lo), d(hi));
};

export interface SideVerdict {
  side: ViewSide;
  holds: boolean;
  /** Degrees. */
  theta: number;
  bin: readonly [number, number];
  /** Degrees from θ to the nearest edge of the side's bin: how far the answer is from flipping. */
  margin: number;
}

export function viewSide(side: ViewSide, theta: number): SideVerdict {
  const bin = VIEW_SIDE_BINS[side];
  return { side, holds: inBin(bin, theta), theta, bin, margin: edgeDistance(bin, theta) };
}

/** Every side that holds for θ (left/right always one, front/behind when inside their 90° bins). */
export function viewSides(theta: number): SideVerdict[] {
  return (['left', 'right', 'front', 'behind'] as const).map((s) => viewSide(s, theta)).filter((v) => v.holds);
}
