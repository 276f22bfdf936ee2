// Oriented rectangles on the floor plane: how the layout step keeps furniture apart, inside the walls
// and out of the door swing.

export interface Rect {
  cx: number;
  cy: number;
  /** Half extents along the rectangle's own axes. */
  hx: number;
  hy: number;
  /** Rotation of the rectangle's x axis from world +x, radians counter-clockwise. */
  yaw: number;
}

export function rectCorners(r: Rect): Array<[number, number]> {
  const c = Math.cos(r.yaw);
  const s = Math.sin(r.yaw);
  const out: Array<[number, number]> = [];
  for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
    const lx = sx * r.hx;
    const ly = sy * r.hy;
    out.push([r.cx + c * lx - s * ly, r.cy + s * lx + c * ly]);
  }
  return out;
}

/** Separating-axis test. `gap` is the clearance both must keep: rectangles closer than it overlap. */
export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  const axes: Array<[number, number]> = [
    [Math.cos(a.yaw), Math.sin(a.yaw)],
    [-Math.sin(a.yaw), Math.cos(a.yaw)],
    [Math.cos(b.yaw), Math.sin(b.yaw)],
    [-Math.sin(b.yaw), Math.cos(b.yaw)],
  ];
  const ca = rectCorners(a);
  const cb = rectCorners(b);
  for (const [ax, ay] of axes) {
    let minA = Infinity;
    let maxA = -Infinity;
    let minB = Infinity;
    let maxB = -Infinity;
    for (const [x, y] of ca) {
      const p = x * ax + y * ay;
      if (p < minA) minA = p;
      if (p > maxA) maxA = p;
    }
    for (const [x, y] of cb) {
      const p = x * ax + y * ay;
      if (p < minB) minB = p;
      if (p > maxB) maxB = p;
    }
    if (maxA + gap <= minB || maxB + gap <= minA) return false;
  }
  return true;
}

/** True when every corner lies within the axis-aligned box. */
export function rectInside(r: Rect, minX: number, minY: number, maxX: number, maxY: number): boolean {
  return rectCorners(r).every(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY);
}

/** True when every corner of `inner` lies inside `outer` (both convex, so corners suffice). */
export function rectContains(outer: Rect, inner: Rect, tolerance = 1e-9): boolean {
  const c = Math.cos(outer.yaw);
  const s = Math.sin(outer.yaw);
  return rectCorners(inner).every(([x, y]) => {
    const dx = x - outer.cx;
    const dy = y - outer.cy;
    return Math.abs(c * dx + s * dy) <= outer.hx + tolerance && Math.abs(-s * dx + c * dy) <= outer.hy + tolerance;
  });
}
