// World primitives of a simulated room and ray intersection against them. Furniture parts become
// yawed boxes and upright cylinders in world space; every primitive carries its instance and colour
// so the first surface a ray meets decides the point's label and colour.
import type { Part, Rgb } from '../parts';
import type { Pose } from '../surfaces';

export interface WorldBox {
  kind: 'box';
  /** Centre, world frame. */
  cx: number;
  cy: number;
  cz: number;
  /** Half extents along the box's own axes (x, y rotated by yaw; z up). */
  hx: number;
  hy: number;
  hz: number;
  cos: number;
  sin: number;
  color: Rgb;
  instance: number;
}

export interface WorldCylinder {
  kind: 'cylinder';
  /** Centre of the bottom disc. */
  bx: number;
  by: number;
  bz: number;
  radius: number;
  height: number;
  color: Rgb;
  instance: number;
}

export type Primitive = WorldBox | WorldCylinder;

/** Axis-aligned world bounds: min xyz, max xyz. */
export type Aabb = [number, number, number, number, number, number];

export function posePart(part: Part, pose: Pose, instance: number, color: Rgb = part.color): Primitive {
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  if (part.kind === 'cylinder') {
    const [x, y, z] = part.base;
    return { kind: 'cylinder', bx: pose.x + c * x - s * y, by: pose.y + s * x + c * y, bz: pose.z + z, radius: part.radius, height: part.height, color, instance };
  }
  const [x, y, z] = part.center;
  return {
    kind: 'box',
    cx: pose.x + c * x - s * y,
    cy: pose.y + s * x + c * y,
    cz: pose.z + z,
    hx: part.size[0] / 2,
    hy: part.size[1] / 2,
    hz: part.size[2] / 2,
    cos: c,
    sin: s,
    color,
    instance,
  };
}

export function primitiveBounds(p: Primitive): Aabb {
  if (p.kind === 'cylinder') return [p.bx - p.radius, p.by - p.radius, p.bz, p.bx + p.radius, p.by + p.radius, p.bz + p.height];
  const ex = Math.abs(p.cos) * p.hx + Math.abs(p.sin) * p.hy;
  const ey = Math.abs(p.sin) * p.hx + Math.abs(p.cos) * p.hy;
  return [p.cx - ex, p.cy - ey, p.cz - p.hz, p.cx + ex, p.cy + ey, p.cz + p.hz];
}

export function unionBounds(boxes: readonly Aabb[]): Aabb {
  const out: Aabb = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    for (let a = 0; a < 3; a++) {
      if (b[a]! < out[a]!) out[a] = b[a]!;
      if (b[a + 3]! > out[a + 3]!) out[a + 3] = b[a + 3]!;
    }
  }
  return out;
}

/** A ray hit: distance along the (unit) ray and the outward surface normal. */
export interface Hit {
  t: number;
  nx: number;
  ny: number;
  nz: number;
}

/** Entry distance of a ray into an axis-aligned box, or Infinity (slab test; a ray starting inside misses). */
export function rayAabb(ox: number, oy: number, oz: number, idx: number, idy: number, idz: number, b: Aabb, tMax: number): number {
  let t0 = 0;
  let t1 = tMax;
  let a = (b[0] - ox) * idx;
  let c = (b[3] - ox) * idx;
  if (a > c) [a, c] = [c, a];
  if (a > t0) t0 = a;
  if (c < t1) t1 = c;
  a = (b[1] - oy) * idy;
  c = (b[4] - oy) * idy;
  if (a > c) [a, c] = [c, a];
  if (a > t0) t0 = a;
  if (c < t1) t1 = c;
  a = (b[2] - oz) * idz;
  c = (b[5] - oz) * idz;
  if (a > c) [a, c] = [c, a];
  if (a > t0) t0 = a;
  if (c < t1) t1 = c;
  return t0 <= t1 ? t0 : Infinity;
}

/** Nearest hit of the ray on a primitive's outside surface closer than `tMax`, written to `out`; false when none. */
export function intersect(p: Primitive, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMax: number, out: Hit): boolean {
  return p.kind === 'box' ? intersectBox(p, ox, oy, oz, dx, dy, dz, tMax, out) : intersectCylinder(p, ox, oy, oz, dx, dy, dz, tMax, out);
}

function intersectBox(b: WorldBox, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMax: number, out: Hit): boolean {
  // Into the box frame: rotate by -yaw about z.
  const rx = ox - b.cx;
  const ry = oy - b.cy;
  const lo = [b.cos * rx + b.sin * ry, -b.sin * rx + b.cos * ry, oz - b.cz];
  const ld = [b.cos * dx + b.sin * dy, -b.sin * dx + b.cos * dy, dz];
  const h = [b.hx, b.hy, b.hz];
  let tNear = -Infinity;
  let tFar = Infinity;
  let axis = -1;
  let sign = 0;
  for (let a = 0; a < 3; a++) {
    const d = ld[a]!;
    const o = lo[a]!;
    if (Math.abs(d) < 1e-12) {
      if (o < -h[a]! || o > h[a]!) return false;
      continue;
    }
    let t1 = (-h[a]! - o) / d;
    let t2 = (h[a]! - o) / d;
    let s = -1;
    if (t1 > t2) {
      [t1, t2] = [t2, t1];
      s = 1;
    }
    if (t1 > tNear) {
      tNear = t1;
      axis = a;
      sign = s;
    }
    if (t2 < tFar) tFar = t2;
    if (tNear > tFar) return false;
  }
  if (axis < 0 || tNear <= 1e-6 || tNear >= tMax) return false;
  const n = [0, 0, 0];
  n[axis] = sign;
  out.t = tNear;
  out.nx = b.cos * n[0]! - b.sin * n[1]!;
  out.ny = b.sin * n[0]! + b.cos * n[1]!;
  out.nz = n[2]!;
  return true;
}

function intersectCylinder(c: WorldCylinder, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMax: number, out: Hit): boolean {
  let best = tMax;
  let found = false;
  const px = ox - c.bx;
  const py = oy - c.by;
  const a = dx * dx + dy * dy;
  if (a > 1e-12) {
    const b = px * dx + py * dy;
    const cc = px * px + py * py - c.radius * c.radius;
    const disc = b * b - a * cc;
    if (disc >= 0) {
      const t = (-b - Math.sqrt(disc)) / a;
      const z = oz + t * dz;
      if (t > 1e-6 && t < best && z >= c.bz && z <= c.bz + c.height) {
        best = t;
        found = true;
        out.nx = (px + t * dx) / c.radius;
        out.ny = (py + t * dy) / c.radius;
        out.nz = 0;
      }
    }
  }
  if (Math.abs(dz) > 1e-12) {
    for (const [zc, nz] of [
      [c.bz + c.height, 1],
      [c.bz, -1],
    ] as const) {
      // Only the cap facing the ray's origin can be its first hit.
      if ((oz - zc) * nz <= 0) continue;
      const t = (zc - oz) / dz;
      if (t <= 1e-6 || t >= best) continue;
      const x = px + t * dx;
      const y = py + t * dy;
      if (x * x + y * y > c.radius * c.radius) continue;
      best = t;
      found = true;
      out.nx = 0;
      out.ny = 0;
      out.nz = nz;
    }
  }
  if (found) out.t = best;
  return found;
}

/** Distance from a point to a primitive's surface (tests check that points lie on what they are labelled). */
export function surfaceDistance(p: Primitive, x: number, y: number, z: number): number {
  if (p.kind === 'cylinder') {
    const r = Math.hypot(x - p.bx, y - p.by);
    const dz = Math.max(p.bz - z, z - p.bz - p.height, 0);
    const inside = r <= p.radius && z >= p.bz && z <= p.bz + p.height;
    if (inside) return Math.min(p.radius - r, z - p.bz, p.bz + p.height - z);
    return Math.hypot(Math.max(r - p.radius, 0), dz);
  }
  const rx = x - p.cx;
  const ry = y - p.cy;
  const q = [Math.abs(p.cos * rx + p.sin * ry) - p.hx, Math.abs(-p.sin * rx + p.cos * ry) - p.hy, Math.abs(z - p.cz) - p.hz];
  const outside = Math.hypot(Math.max(q[0]!, 0), Math.max(q[1]!, 0), Math.max(q[2]!, 0));
  return outside > 0 ? outside : -Math.max(q[0]!, q[1]!, q[2]!);
}
