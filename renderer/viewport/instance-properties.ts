// What the properties panel shows for a selected instance, measured from the points the viewer
// holds (world frame, z up, metres).
import type { OrientedBox } from './oriented-box';
import type { Vec3 } from './viewpoint';

export interface InstanceProperties {
  id: number;
  pointCount: number;
  min: Vec3;
  max: Vec3;
  /** Axis-aligned box side lengths. */
  size: Vec3;
  centroid: Vec3;
  /** Gravity-aligned oriented box: full side lengths along its own axes, and its yaw (radians). */
  obb: { center: Vec3; size: Vec3; yaw: number } | null;
}

export function obbSummary(box: OrientedBox | null): InstanceProperties['obb'] {
  if (!box) return null;
  return { center: box.center, size: [box.halfSize[0] * 2, box.halfSize[1] * 2, box.halfSize[2] * 2], yaw: box.yaw };
}
