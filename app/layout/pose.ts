// Poses and upright boxes: the layout keeps every object upright (yaw only), and the QA geometry
// (SAT, distances) works on Obb, so these convert between the two and give the object's frame.
import type { Obb } from '../geometry/obb';
import { obbCorners } from '../geometry/obb';
import { convexHull2d, minAreaRect } from '../geometry/hull2d';
import type { Vec3 } from '../scene/types';
import type { LayoutObject, Pose, Vec2 } from './types';

export const wrapAngle = (a: number): number => {
  const t = a % (2 * Math.PI);
  const w = t <= -Math.PI ? t + 2 * Math.PI : t > Math.PI ? t - 2 * Math.PI : t;
  // −0 === 0, so this turns −0 into +0 (a stored pose never shows "-0").
  return w === 0 ? 0 : w;
};

/** Smallest signed difference a − b, radians in (−π, π]. */
export const angleDiff = (a: number, b: number): number => wrapAngle(a - b);

export const deg = (rad: number): number => (rad * 180) / Math.PI;
export const rad = (d: number): number => (d * Math.PI) / 180;

/** Local +x (width axis) and local +y (front) of a yaw. */
export const xAxis = (yaw: number): Vec2 => [Math.cos(yaw), Math.sin(yaw)];
export const frontOf = (yaw: number): Vec2 => [-Math.sin(yaw), Math.cos(yaw)];
/** The yaw whose front points along d. */
export const yawFacing = (d: Vec2): number => wrapAngle(Math.atan2(d[1], d[0]) - Math.PI / 2);

export function boxAt(size: Vec3, pose: Pose): Obb {
  const [c, s] = xAxis(pose.yaw);
  return { center: pose.center, axes: [[c, s, 0], [-s, c, 0], [0, 0, 1]], size };
}

export const boxOf = (o: LayoutObject, pose: Pose = o.pose): Obb => boxAt(o.size, pose);

/** Half the footprint's extent along the unit direction d (support function of the rectangle). */
export function halfExtent(size: Vec3, yaw: number, d: Vec2): number {
  const [c, s] = xAxis(yaw);
  return (size[0] / 2) * Math.abs(c * d[0] + s * d[1]) + (size[1] / 2) * Math.abs(-s * d[0] + c * d[1]);
}

/** Footprint corners, counter-clockwise. */
export function footprint(size: Vec3, pose: Pose): Vec2[] {
  const [c, s] = xAxis(pose.yaw);
  const hx = size[0] / 2;
  const hy = size[1] / 2;
  const [x, y] = pose.center;
  return [
    [x - c * hx + s * hy, y - s * hx - c * hy],
    [x + c * hx + s * hy, y + s * hx - c * hy],
    [x + c * hx - s * hy, y + s * hx + c * hy],
    [x - c * hx - s * hy, y - s * hx + c * hy],
  ];
}

export const bottomOf = (o: { size: Vec3; pose: Pose }): number => o.pose.center[2] - o.size[2] / 2;
export const topOf = (o: { size: Vec3; pose: Pose }): number => o.pose.center[2] + o.size[2] / 2;

/**
 * The upright box enclosing any box (meta boxes can be tilted): the minimum-area rectangle of its
 * corners seen from above, and their z range. Returns yaw with x = the rectangle's first side.
 */
export function uprightOf(box: Obb): { center: Vec3; yaw: number; size: Vec3 } {
  const corners = obbCorners(box);
  const hull = convexHull2d(corners.flatMap((c) => [c[0], c[1]]));
  let z0 = Infinity;
  let z1 = -Infinity;
  for (const c of corners) {
    if (c[2] < z0) z0 = c[2];
    if (c[2] > z1) z1 = c[2];
  }
  // Prefer the box's own horizontal axis so an upright box comes back unchanged.
  const lead = Math.abs(box.axes[0][2]) < 0.9 ? box.axes[0] : box.axes[1];
  const r = minAreaRect(hull, [Math.atan2(lead[1], lead[0])]);
  return { center: [r.center[0], r.center[1], (z0 + z1) / 2], yaw: wrapAngle(r.angle), size: [r.size[0], r.size[1], z1 - z0] };
}

/** The same box seen with its front along another side: turn the yaw by k·90° and swap width/depth for odd k. */
export function turnFrame(size: Vec3, yaw: number, quarterTurns: number): { size: Vec3; yaw: number } {
  const k = ((quarterTurns % 4) + 4) % 4;
  return { size: k % 2 === 1 ? [size[1], size[0], size[2]] : [...size], yaw: wrapAngle(yaw + (k * Math.PI) / 2) };
}

export const samePose = (a: Pose, b: Pose, eps = 1e-9): boolean =>
  Math.abs(a.center[0] - b.center[0]) <= eps && Math.abs(a.center[1] - b.center[1]) <= eps && Math.abs(a.center[2] - b.center[2]) <= eps && Math.abs(angleDiff(a.yaw, b.yaw)) <= eps;
