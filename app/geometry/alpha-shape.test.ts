import { describe, expect, it } from 'vitest';
import { Random } from '../sample/random';
import { alphaShapeArea, alphaShapeOfPoints, projectXy, ROOM_ALPHA } from './alpha-shape';
import { delaunay } from './delaunay';
import { convexHull2d, polygonArea } from './hull2d';

function circumcircle(xy: Float64Array, a: number, b: number, c: number) {
  const [ax, ay, bx, by, cx, cy] = [xy[2 * a]!, xy[2 * a + 1]!, xy[2 * b]!, xy[2 * b + 1]!, xy[2 * c]!, xy[2 * c + 1]!];
  const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
  const ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
  const uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
  return { ux, uy, r: Math.hypot(ax - ux, ay - uy) };
}

/** xy grid points over [x0, x1] × [y0, y1] at `step`, plus `inside` test to cut shapes out. */
function grid(x0: number, x1: number, y0: number, y1: number, step: number, keep: (x: number, y: number) => boolean = () => true): Float64Array {
  const out: number[] = [];
  for (let i = 0; x0 + i * step <= x1 + 1e-9; i++)
    for (let j = 0; y0 + j * step <= y1 + 1e-9; j++) {
      const x = x0 + i * step;
      const y = y0 + j * step;
      if (keep(x, y)) out.push(x, y);
    }
  return Float64Array.from(out);
}

describe('delaunay (Bowyer–Watson)', () => {
  it('has the empty-circumcircle property and tiles the convex hull, on random points', () => {
    const rng = new Random(21);
    const xy = Float64Array.from({ length: 2 * 400 }, () => rng.range(-3, 3));
    const { triangles } = delaunay(xy);
    const n = xy.length / 2;
    // Euler: a triangulation of n points with h on the hull has 2n − 2 − h triangles.
    const hull = convexHull2d(xy);
    expect(triangles.length / 3).toBe(2 * n - 2 - hull.length);
    let area = 0;
    let violations = 0;
    for (let t = 0; t < triangles.length; t += 3) {
      const [a, b, c] = [triangles[t]!, triangles[t + 1]!, triangles[t + 2]!];
      const { ux, uy, r } = circumcircle(xy, a, b, c);
      for (let p = 0; p < n; p++) if (p !== a && p !== b && p !== c && Math.hypot(xy[2 * p]! - ux, xy[2 * p + 1]! - uy) < r - 1e-9) violations++;
      const twice = (xy[2 * b]! - xy[2 * a]!) * (xy[2 * c + 1]! - xy[2 * a + 1]!) - (xy[2 * b + 1]! - xy[2 * a + 1]!) * (xy[2 * c]! - xy[2 * a]!);
      expect(twice).toBeGreaterThan(0);
      area += twice / 2;
    }
    expect(violations).toBe(0);
    expect(area).toBeCloseTo(polygonArea(hull), 9);
  });

  it('triangulates a regular grid (cocircular and collinear points) into its full area', () => {
    const xy = grid(0, 3, 0, 2, 0.1);
    const { triangles } = delaunay(xy);
    let area = 0;
    for (let t = 0; t < triangles.length; t += 3) {
      const [a, b, c] = [triangles[t]!, triangles[t + 1]!, triangles[t + 2]!];
      area += ((xy[2 * b]! - xy[2 * a]!) * (xy[2 * c + 1]! - xy[2 * a + 1]!) - (xy[2 * b + 1]! - xy[2 * a + 1]!) * (xy[2 * c]! - xy[2 * a]!)) / 2;
    }
    expect(area).toBeCloseTo(6, 9);
  });

  it('returns nothing for fewer than three points', () => {
    expect(delaunay([0, 0, 1, 1]).triangles).toHaveLength(0);
  });
});

describe('alphaShapeArea', () => {
  it('keeps only triangles with circumradius below 1/alpha: an L-shaped room loses its notch', () => {
    // 4 × 4 square without the 2 × 2 corner [2, 4] × [2, 4]: 12 m².
    const xy = grid(0, 4, 0, 4, 0.1, (x, y) => !(x > 2 + 1e-9 && y > 2 + 1e-9));
    // Grid cells have circumradius 0.0707 m; at 0.08 only the one cell-sized triangle at the reflex corner enters the notch.
    const tight = alphaShapeOfPoints(xy, 1 / 0.08);
    expect(tight.area).toBeCloseTo(12.005, 6);
    expect(alphaShapeOfPoints(xy, 1 / 0.06).area).toBe(0);
    expect(tight.rejected).toBeGreaterThan(0);
    // A huge alpha gives the convex hull, which bridges the notch (16 − 2 = 14 m²).
    expect(alphaShapeOfPoints(xy, 1e-6).area).toBeCloseTo(polygonArea(convexHull2d(xy)), 6);
    expect(polygonArea(convexHull2d(xy))).toBeCloseTo(14, 6);
  });

  it('reads alpha as 1/circumradius like Python alphashape: a 6 m gap is bridged at alpha 0.2, not at 0.5', () => {
    // Two strips 6 m apart: triangles across the gap have circumradius > 3 m.
    const xy = grid(0, 7, 0, 10, 0.25, (x) => x <= 0.5 + 1e-9 || x >= 6.5 - 1e-9);
    expect(alphaShapeOfPoints(xy, 0.5).area).toBeCloseTo(2 * 0.5 * 10, 6);
    expect(alphaShapeOfPoints(xy, 0.2).area).toBeGreaterThan(50);
  });

  it('at the room alpha (5) keeps 0.25 m grid cells but does not bridge a 0.5 m gap', () => {
    const xy = grid(0, 3, 0, 2, 0.25, (x) => x <= 1 + 1e-9 || x >= 1.5 - 1e-9);
    expect(alphaShapeOfPoints(xy, ROOM_ALPHA).area).toBeCloseTo(1 * 2 + 1.5 * 2, 6);
  });

  it('projects a 3D scan on xy (walls collapse to lines), snaps repeats and gives the centre', () => {
    const pts: number[] = [];
    for (let x = 0; x <= 30; x++) for (let y = 0; y <= 20; y++) pts.push(1 + x * 0.1, 2 + y * 0.1, 0);
    // A wall along y = 2 seen from the side: many points with the same xy.
    for (let x = 0; x <= 30; x++) for (let z = 1; z <= 25; z++) pts.push(1 + x * 0.1, 2 + 1e-5, z * 0.1);
    const positions = Float32Array.from(pts);
    expect(projectXy(positions, null, 0.001).length / 2).toBe(31 * 21);
    const shape = alphaShapeArea(positions);
    expect(shape.area).toBeCloseTo(6, 3);
    expect(shape.centre[0]).toBeCloseTo(2.5, 3);
    expect(shape.centre[1]).toBeCloseTo(3, 3);
    expect(shape.alpha).toBe(5);
  });
});
