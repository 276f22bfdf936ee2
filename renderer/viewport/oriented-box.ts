// Gravity-aligned oriented boxes: indoor objects stand upright, so an OBB only needs a yaw. The yaw
// is the principal axis of the points' xy covariance; extents are taken along it.
import type { Vec3 } from './viewpoint';

export interface OrientedBox {
  center: Vec3;
  /** Half sizes along the box's own x, y and world z. */
  halfSize: Vec3;
  /** Rotation about z, radians. */
  yaw: number;
}

/** `positions` xyz interleaved (z up); `indices` which points belong to the object. */
export function orientedBox(positions: Float32Array, indices: ArrayLike<number>): OrientedBox | null {
  const n = indices.length;
  if (!n) return null;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k]! * 3;
    mx += positions[i]!;
    my += positions[i + 1]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k]! * 3;
    const dx = positions[i]! - mx;
    const dy = positions[i + 1]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const yaw = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity, z0 = Infinity, z1 = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = indices[k]! * 3;
    const x = positions[i]!;
    const y = positions[i + 1]!;
    const z = positions[i + 2]!;
    const u = x * c + y * s;
    const v = -x * s + y * c;
    u0 = Math.min(u0, u); u1 = Math.max(u1, u);
    v0 = Math.min(v0, v); v1 = Math.max(v1, v);
    z0 = Math.min(z0, z); z1 = Math.max(z1, z);
  }
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  return { center: [cu * c - cv * s, cu * s + cv * c, (z0 + z1) / 2], halfSize: [(u1 - u0) / 2, (v1 - v0) / 2, (z1 - z0) / 2], yaw };
}

/** The eight corners, bottom four then top four, each counter-clockwise. */
export function boxCorners(b: OrientedBox): Vec3[] {
  const c = Math.cos(b.yaw);
  const s = Math.sin(b.yaw);
  const out: Vec3[] = [];
  for (const dz of [-1, 1]) {
    for (const [du, dv] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
      const u = du * b.halfSize[0];
      const v = dv * b.halfSize[1];
      out.push([b.center[0] + u * c - v * s, b.center[1] + u * s + v * c, b.center[2] + dz * b.halfSize[2]]);
    }
  }
  return out;
}
