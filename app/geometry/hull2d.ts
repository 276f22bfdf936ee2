// Planar convex hull (Andrew's monotone chain) and the minimum-area enclosing rectangle, which has
// one side collinear with a hull edge (Freeman & Shapira), so trying every edge direction is exact.

/** Points as interleaved xy. Returns the hull counter-clockwise, no repeated or collinear points. */
export function convexHull2d(xy: ArrayLike<number>): Array<[number, number]> {
  const n = Math.floor(xy.length / 2);
  const idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => xy[2 * i]! - xy[2 * j]! || xy[2 * i + 1]! - xy[2 * j + 1]!);
  const pts: Array<[number, number]> = [];
  for (const i of idx) {
    const p: [number, number] = [xy[2 * i]!, xy[2 * i + 1]!];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length < 3) return pts;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Array<[number, number]> = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Array<[number, number]> = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Shoelace area of a simple polygon (positive when counter-clockwise). */
export function polygonArea(poly: ReadonlyArray<readonly [number, number]>): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

export interface Rect2d {
  /** Angle of the rectangle's first side from +x, radians in [0, π/2). */
  angle: number;
  /** Side lengths along (cos a, sin a) and (−sin a, cos a). */
  size: [number, number];
  center: [number, number];
  area: number;
}

/** The bounding rectangle of the points at one orientation. */
export function rectAtAngle(points: ReadonlyArray<readonly [number, number]>, angle: number): Rect2d {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const [x, y] of points) {
    const u = c * x + s * y;
    const v = -s * x + c * y;
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  const um = (u0 + u1) / 2;
  const vm = (v0 + v1) / 2;
  return { angle, size: [u1 - u0, v1 - v0], center: [c * um - s * vm, s * um + c * vm], area: (u1 - u0) * (v1 - v0) };
}

const quarter = (a: number) => {
  const q = Math.PI / 2;
  const r = a - Math.floor(a / q) * q;
  return r >= q ? 0 : r;
};

/**
 * Minimum-area rectangle of a hull. `startAngles` are tried first and kept on ties, so a caller's
 * preferred frame (PCA, the world axes) wins when it is already optimal.
 */
export function minAreaRect(hull: ReadonlyArray<readonly [number, number]>, startAngles: readonly number[] = [0]): Rect2d {
  let best: Rect2d | null = null;
  const consider = (angle: number) => {
    const r = rectAtAngle(hull, quarter(angle));
    // A relative slack keeps the preferred frame when an edge direction is better only by rounding.
    if (!best || r.area < best.area * (1 - 1e-12)) best = r;
  };
  for (const a of startAngles) consider(a);
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i]!;
    const q = hull[(i + 1) % hull.length]!;
    if (p[0] === q[0] && p[1] === q[1]) continue;
    consider(Math.atan2(q[1] - p[1], q[0] - p[0]));
  }
  return best!;
}
