import { describe, expect, it } from 'vitest';
import { Random } from '../sample/random';
import type { Vec3 } from '../scene/types';
import { closestPointPair } from './closest-pair';
import { obbCorners, obbLocal, obbPoint, type Obb } from './obb';
import { obbDistance, pointObbDistance } from './obb-distance';
import { obbsOverlap } from './obb-overlap';

const S2 = Math.SQRT1_2;
const I: [Vec3, Vec3, Vec3] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];
const box = (center: Vec3, size: Vec3, axes = I): Obb => ({ center, size, axes });
/** Axes of a rotation by `angle` about the unit `axis` (Rodrigues), as the images of x, y, z. */
function rotation(axis: Vec3, angle: number): [Vec3, Vec3, Vec3] {
  const [x, y, z] = axis;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  const m = [
    [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
    [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
    [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
  ];
  return [0, 1, 2].map((col) => [m[0]![col]!, m[1]![col]!, m[2]![col]!] as Vec3) as [Vec3, Vec3, Vec3];
}
const insideBox = (b: Obb, p: Vec3, tol = 1e-9) => obbLocal(b, p).every((v, i) => Math.abs(v) <= b.size[i]! / 2 + tol);

/** Grid points on all six faces at spacing ≤ h, edges included. */
function surfaceSamples(b: Obb, h: number): Vec3[] {
  const out: Vec3[] = [];
  for (let axis = 0; axis < 3; axis++) {
    const u = (axis + 1) % 3;
    const v = (axis + 2) % 3;
    const nu = Math.ceil(b.size[u]! / h);
    const nv = Math.ceil(b.size[v]! / h);
    for (const side of [-1, 1])
      for (let i = 0; i <= nu; i++)
        for (let j = 0; j <= nv; j++) {
          const local: Vec3 = [0, 0, 0];
          local[axis] = (side * b.size[axis]!) / 2;
          local[u] = -b.size[u]! / 2 + (i * b.size[u]!) / nu;
          local[v] = -b.size[v]! / 2 + (j * b.size[v]!) / nv;
          out.push(obbPoint(b, local));
        }
  }
  return out;
}

function randomBox(rng: Random): Obb {
  const axis: Vec3 = [rng.normal(), rng.normal(), rng.normal()];
  const n = Math.hypot(...axis);
  return box([rng.range(-0.8, 0.8), rng.range(-0.8, 0.8), rng.range(-0.8, 0.8)], [rng.range(0.1, 0.6), rng.range(0.1, 0.6), rng.range(0.1, 0.6)], rotation([axis[0] / n, axis[1] / n, axis[2] / n], rng.range(0, Math.PI)));
}

describe('pointObbDistance', () => {
  it('is zero inside, the face gap outside a face, and the corner gap beyond a corner', () => {
    const b = box([1, 2, 3], [2, 4, 6], rotation([0, 0, 1], Math.PI / 2));
    expect(pointObbDistance([1.5, 2.5, 3.5], b)).toEqual({ distance: 0, point: [1.5, 2.5, 3.5] });
    // Rotated 90° about z: the 2 m side now runs along y, the 4 m side along x.
    expect(pointObbDistance([1, 2, 7], b).distance).toBeCloseTo(1, 12);
    expect(pointObbDistance([4, 2, 3], b).distance).toBeCloseTo(1, 12);
    expect(pointObbDistance([1, 4, 3], b).distance).toBeCloseTo(1, 12);
    const corner = pointObbDistance([4, 4, 7], b);
    expect(corner.distance).toBeCloseTo(Math.sqrt(3), 12);
    expect(corner.point.map((v) => Number(v.toFixed(12)))).toEqual([3, 3, 6]);
  });
});

describe('obbDistance', () => {
  it('gives the gap of separated axis-aligned boxes, face to face and corner to corner', () => {
    expect(obbDistance(box([0, 0, 0], [1, 1, 1]), box([3, 0, 0], [1, 1, 1])).distance).toBe(2);
    const diag = obbDistance(box([0, 0, 0], [1, 1, 1]), box([3, 3, 3], [1, 1, 1]));
    expect(diag.distance).toBeCloseTo(2 * Math.sqrt(3), 12);
    expect(diag.pointA).toEqual([0.5, 0.5, 0.5]);
    expect(diag.pointB).toEqual([2.5, 2.5, 2.5]);
    expect(diag.overlapping).toBe(false);
  });

  it('gives 0 for a rotated box touching a face with its edge, and the gap once moved away', () => {
    const a = box([0, 0, 0], [1, 1, 1]);
    const turned = rotation([0, 0, 1], Math.PI / 4);
    const touching = obbDistance(a, box([0.5 + S2, 0, 0], [1, 1, 1], turned));
    expect(touching.distance).toBeLessThan(1e-12);
    const apart = obbDistance(a, box([0.6 + S2, 0.2, 0], [1, 1, 1], turned));
    expect(apart.distance).toBeCloseTo(0.1, 12);
    expect(apart.pointA[0]).toBeCloseTo(0.5, 12);
    expect(apart.pointB[0]).toBeCloseTo(0.6, 12);
  });

  it('finds an edge–edge closest pair where no vertex is involved', () => {
    // A's top edge runs along x at z = √2/2; B's bottom edge runs along y at z = √2/2 + g: they cross.
    const g = 0.137;
    const a = box([0, 0, 0], [1, 1, 1], rotation([1, 0, 0], Math.PI / 4));
    const b = box([0, 0, Math.SQRT2 + g], [1, 1, 1], rotation([0, 1, 0], Math.PI / 4));
    const d = obbDistance(a, b);
    expect(d.distance).toBeCloseTo(g, 12);
    d.pointA.forEach((v, i) => expect(v).toBeCloseTo([0, 0, S2][i]!, 12));
    d.pointB.forEach((v, i) => expect(v).toBeCloseTo([0, 0, S2 + g][i]!, 12));
    // Every vertex of either box is farther than the edges.
    for (const p of obbCorners(a)) expect(pointObbDistance(p, b).distance).toBeGreaterThan(g + 0.1);
  });

  it('gives 0 with a shared point when one box is inside the other', () => {
    const outer = box([0, 0, 0], [4, 4, 4], rotation([0, 0, 1], 0.3));
    const inner = box([0.2, 0.1, -0.3], [0.5, 0.4, 0.3], rotation([1, 1, 0].map((v) => v * S2) as Vec3, 1));
    for (const [p, q] of [
      [outer, inner],
      [inner, outer],
    ] as const) {
      const d = obbDistance(p, q);
      expect(d.distance).toBe(0);
      expect(d.overlapping).toBe(true);
      expect(insideBox(outer, d.pointA) && insideBox(inner, d.pointA)).toBe(true);
    }
  });

  it('gives 0 for a stick piercing a box with no vertex of either inside the other', () => {
    const slab = box([0, 0, 0], [2, 2, 0.2]);
    const stick = box([0.1, -0.2, 0], [0.05, 0.05, 3], rotation([1, 0, 0], 0.2));
    for (const p of obbCorners(stick)) expect(insideBox(slab, p)).toBe(false);
    for (const p of obbCorners(slab)) expect(insideBox(stick, p)).toBe(false);
    const d = obbDistance(slab, stick);
    expect(d.distance).toBe(0);
    expect(insideBox(slab, d.pointA) && insideBox(stick, d.pointA)).toBe(true);
  });

  it('matches a dense surface-sampling reference on random rotated boxes', () => {
    const rng = new Random(4);
    const h = 0.01;
    let separated = 0;
    let overlapping = 0;
    for (let trial = 0; trial < 40; trial++) {
      const a = randomBox(rng);
      const b = randomBox(rng);
      const sa = surfaceSamples(a, h);
      const sb = surfaceSamples(b, h);
      const positions = new Float64Array([...sa, ...sb].flat());
      const ref = closestPointPair(new Float32Array(positions), Uint32Array.from(sa, (_, i) => i), Uint32Array.from(sb, (_, i) => sa.length + i));
      const sampledOverlap = sa.some((p) => insideBox(b, p)) || sb.some((p) => insideBox(a, p));
      const ours = obbDistance(a, b);
      expect(ours.overlapping).toBe(obbsOverlap(a, b));
      if (sampledOverlap) {
        overlapping++;
        expect(ours.distance).toBe(0);
        continue;
      }
      if (ours.distance === 0) continue;
      separated++;
      // Samples lie on the surfaces, so they can only overestimate; a grid cell is at most h·√2 across
      // (plus float32 storage of the samples).
      expect(ours.distance).toBeLessThanOrEqual(ref.distance + 1e-6);
      expect(ref.distance - ours.distance).toBeLessThanOrEqual(h * Math.SQRT2 + 1e-6);
      // The reported points are on their boxes and realise the distance.
      expect(pointObbDistance(ours.pointA, a).distance).toBeLessThan(1e-12);
      expect(pointObbDistance(ours.pointB, b).distance).toBeLessThan(1e-12);
      expect(Math.hypot(...ours.pointA.map((v, i) => v - ours.pointB[i]!))).toBeCloseTo(ours.distance, 12);
    }
    expect(separated).toBeGreaterThan(10);
    expect(overlapping).toBeGreaterThan(5);
  });
});
