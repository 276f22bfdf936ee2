// Planar geometry of the room outline: containment with a signed margin, how far a ray travels
// before meeting a wall, and simplification of a scanned outline into wall-length edges.
import { polygonArea } from '../geometry/hull2d';
import type { Vec2 } from './types';

export function pointInPolygon(p: Vec2, poly: readonly Vec2[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

export function pointSegmentDistance(p: Vec2, a: Vec2, b: Vec2): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

export function distanceToBoundary(p: Vec2, poly: readonly Vec2[]): number {
  let d = Infinity;
  for (let i = 0; i < poly.length; i++) d = Math.min(d, pointSegmentDistance(p, poly[i]!, poly[(i + 1) % poly.length]!));
  return d;
}

/** Signed distance: positive inside the polygon. */
export const signedDistance = (p: Vec2, poly: readonly Vec2[]): number => (pointInPolygon(p, poly) ? 1 : -1) * distanceToBoundary(p, poly);

const cross2 = (o: Vec2, a: Vec2, b: Vec2) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Proper crossing only: an end point on (or within rounding of) the other segment does not count. */
function segmentsCross(p: Vec2, q: Vec2, a: Vec2, b: Vec2): boolean {
  const eps = 1e-9 * (Math.hypot(b[0] - a[0], b[1] - a[1]) + Math.hypot(q[0] - p[0], q[1] - p[1]) + 1);
  const d1 = cross2(a, b, p);
  const d2 = cross2(a, b, q);
  const d3 = cross2(p, q, a);
  const d4 = cross2(p, q, b);
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

/**
 * How far a convex footprint is inside the room: the smallest signed distance of its corners to the
 * outline. In a concave room (an L) every corner can be inside while a reflex corner of the room pokes
 * into the footprint: then a wall crosses an edge of the footprint, and the margin is minus the depth of
 * the deepest room vertex inside the footprint (how far the footprint reaches past that corner).
 */
export function footprintMargin(corners: readonly Vec2[], poly: readonly Vec2[]): number {
  let margin = Infinity;
  for (const c of corners) margin = Math.min(margin, signedDistance(c, poly));
  if (margin <= 0) return margin;
  let crossed = false;
  for (let i = 0; i < corners.length && !crossed; i++) {
    const p = corners[i]!;
    const q = corners[(i + 1) % corners.length]!;
    for (let j = 0; j < poly.length; j++)
      if (segmentsCross(p, q, poly[j]!, poly[(j + 1) % poly.length]!)) {
        crossed = true;
        break;
      }
  }
  if (!crossed) return margin;
  let depth = 0;
  for (const v of poly) if (pointInPolygon(v, corners)) depth = Math.max(depth, distanceToBoundary(v, corners));
  return -Math.max(depth, 1e-6);
}

/**
 * A point well inside the room: the area centroid when it lies at least `clearance` inside the
 * outline (any convex room, most L-shapes), else the point of a 5 cm grid farthest from every wall
 * (nearest the centroid among equals), so "the middle of the room" is never in the missing part of an L.
 */
export function roomCentre(poly: readonly Vec2[], clearance = 0.3): Vec2 {
  const c = polygonCentroid(poly);
  if (signedDistance(c, poly) >= clearance) return c;
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const step = 0.05;
  let best: { p: Vec2; d: number; off: number } = { p: c, d: -Infinity, off: Infinity };
  for (let x = Math.min(...xs) + step / 2; x < Math.max(...xs); x += step)
    for (let y = Math.min(...ys) + step / 2; y < Math.max(...ys); y += step) {
      const p: Vec2 = [x, y];
      const d = signedDistance(p, poly);
      const off = Math.hypot(x - c[0], y - c[1]);
      if (d > best.d + 1e-9 || (Math.abs(d - best.d) <= 1e-9 && off < best.off)) best = { p, d, off };
    }
  return best.p;
}

/** Distance from p along unit d to the first wall, or Infinity when the ray leaves through nothing. */
export function rayToBoundary(p: Vec2, d: Vec2, poly: readonly Vec2[]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const den = d[0] * ey - d[1] * ex;
    if (Math.abs(den) < 1e-12) continue;
    const t = ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / den;
    const s = ((a[0] - p[0]) * d[1] - (a[1] - p[1]) * d[0]) / den;
    if (t >= 0 && s >= 0 && s <= 1) best = Math.min(best, t);
  }
  return best;
}

/** Area-weighted centroid of a simple polygon. */
export function polygonCentroid(poly: readonly Vec2[]): Vec2 {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    const k = p[0] * q[1] - q[0] * p[1];
    a += k;
    cx += (p[0] + q[0]) * k;
    cy += (p[1] + q[1]) * k;
  }
  if (Math.abs(a) < 1e-12) return [poly.reduce((s, p) => s + p[0], 0) / poly.length, poly.reduce((s, p) => s + p[1], 0) / poly.length];
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Drops vertices that sit within `tolerance` of the line through their neighbours (a scanned wall
 * gives many nearly collinear hull vertices), repeating until none does. Keeps the polygon counter-clockwise.
 */
export function simplifyPolygon(poly: readonly Vec2[], tolerance: number): Vec2[] {
  let out = [...poly];
  if (polygonArea(out) < 0) out.reverse();
  let changed = true;
  while (changed && out.length > 3) {
    changed = false;
    let worst = -1;
    let worstDev = Infinity;
    for (let i = 0; i < out.length; i++) {
      const prev = out[(i + out.length - 1) % out.length]!;
      const next = out[(i + 1) % out.length]!;
      const len = Math.hypot(next[0] - prev[0], next[1] - prev[1]);
      const dev = len > 0 ? Math.abs(cross2(prev, next, out[i]!)) / len : 0;
      if (dev < worstDev) {
        worstDev = dev;
        worst = i;
      }
    }
    if (worstDev <= tolerance) {
      out.splice(worst, 1);
      changed = true;
    }
  }
  return out;
}
