import { describe, expect, it } from 'vitest';
import { Random } from '../sample/random';
import type { Vec3 } from '../scene/types';
import { eigenSym3 } from './eigen-sym3';
import { convexHull2d, minAreaRect, polygonArea } from './hull2d';
import { dot, obbLocal, obbPoint, type Obb } from './obb';
import { tightObb } from './tight-obb';

const yawAxes = (a: number): Obb['axes'] => [
  [Math.cos(a), Math.sin(a), 0],
  [-Math.sin(a), Math.cos(a), 0],
  [0, 0, 1],
];

/** Points on the surface of a box: its 8 corners plus random face points. */
function boxSurface(box: Obb, rng: Random, extra = 400): Float32Array {
  const out: number[] = [];
  for (let k = 0; k < 8; k++) out.push(...obbPoint(box, [0, 1, 2].map((i) => ((k >> i) & 1 ? 0.5 : -0.5) * box.size[i]!) as Vec3));
  for (let j = 0; j < extra; j++) {
    const u = [0, 1, 2].map((i) => rng.range(-0.5, 0.5) * box.size[i]!) as Vec3;
    const face = rng.int(0, 2);
    u[face] = (rng.chance(0.5) ? 0.5 : -0.5) * box.size[face]!;
    out.push(...obbPoint(box, u));
  }
  return Float32Array.from(out);
}

const sortedSizes = (b: Obb) => [...b.size].sort((x, y) => y - x);

describe('eigenSym3', () => {
  it('diagonalises a symmetric matrix into a right-handed orthonormal frame, values descending', () => {
    const m: [[number, number, number], [number, number, number], [number, number, number]] = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 1],
    ];
    const { values, vectors } = eigenSym3(m);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    expect(values[1]).toBeGreaterThanOrEqual(values[2]);
    for (let i = 0; i < 3; i++) {
      const mv = m.map((row) => dot(row as Vec3, vectors[i]!));
      for (let k = 0; k < 3; k++) expect(mv[k]).toBeCloseTo(values[i]! * vectors[i]![k]!, 10);
    }
    const [x, y, z] = vectors;
    expect(dot([x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]], z)).toBeCloseTo(1, 12);
  });
});

describe('minAreaRect', () => {
  it('finds the rotated rectangle exactly from its hull edges', () => {
    const a = 0.3;
    const pts = [
      [0, 0],
      [2, 0],
      [2, 1],
      [0, 1],
      [1, 0.5],
    ].map(([x, y]) => [Math.cos(a) * x! - Math.sin(a) * y!, Math.sin(a) * x! + Math.cos(a) * y!]);
    const hull = convexHull2d(pts.flat());
    expect(hull).toHaveLength(4);
    expect(polygonArea(hull)).toBeCloseTo(2, 12);
    const r = minAreaRect(hull);
    expect(r.area).toBeCloseTo(2, 12);
    expect([...r.size].sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(2, 12)]);
  });

  it('keeps the preferred start angle on a tie', () => {
    const square = convexHull2d([0, 0, 1, 0, 1, 1, 0, 1]);
    expect(minAreaRect(square, [0]).angle).toBe(0);
  });
});

describe('tightObb', () => {
  it('recovers an analytic upright box turned about z: centre, yaw and full side lengths', () => {
    const rng = new Random(7);
    const truth: Obb = { center: [1, -2, 0.4], axes: yawAxes(0.6), size: [1.2, 0.5, 0.8] };
    const { box, volume, mode } = tightObb(boxSurface(truth, rng));
    expect(mode).toBe('upright');
    expect(box.size[0]).toBeCloseTo(1.2, 5);
    expect(box.size[1]).toBeCloseTo(0.5, 5);
    expect(box.size[2]).toBeCloseTo(0.8, 5);
    expect(volume).toBeCloseTo(1.2 * 0.5 * 0.8, 5);
    for (let k = 0; k < 3; k++) expect(box.center[k]).toBeCloseTo(truth.center[k]!, 5);
    expect(Math.abs(dot(box.axes[0], truth.axes[0]))).toBeCloseTo(1, 6);
    expect(box.axes[2]).toEqual([0, 0, 1]);
  });

  it('puts the longer horizontal side first and keeps +z third, right-handed', () => {
    const truth: Obb = { center: [0, 0, 0], axes: yawAxes(1.1), size: [0.4, 1.5, 0.6] };
    const { box } = tightObb(boxSurface(truth, new Random(9)));
    expect(box.size[0]).toBeCloseTo(1.5, 5);
    expect(box.axes[2]).toEqual([0, 0, 1]);
    const [x, y] = box.axes;
    expect(x[0] * y[1] - x[1] * y[0]).toBeCloseTo(1, 12);
  });

  it('contains every point', () => {
    const rng = new Random(3);
    const pts = Float32Array.from({ length: 600 }, () => rng.range(-1, 1));
    const { box } = tightObb(pts, undefined, { mode: 'free' });
    for (let i = 0; i < pts.length; i += 3) {
      const u = obbLocal(box, [pts[i]!, pts[i + 1]!, pts[i + 2]!]);
      for (let k = 0; k < 3; k++) expect(Math.abs(u[k]!)).toBeLessThanOrEqual(box.size[k]! / 2 + 1e-6);
    }
  });

  it('is never larger than the axis-aligned box, in every mode, on random clouds', () => {
    const rng = new Random(11);
    for (let trial = 0; trial < 30; trial++) {
      const n = rng.int(4, 80);
      const pts = Float32Array.from({ length: n * 3 }, () => rng.range(-2, 2) * (trial % 3 === 0 ? 0.1 : 1));
      for (const mode of ['upright', 'free', 'auto'] as const) {
        const r = tightObb(pts, undefined, { mode });
        expect(r.volume).toBeLessThanOrEqual(r.aabbVolume * (1 + 1e-9));
      }
    }
  });

  it('keeps the world frame for an axis-aligned box whose PCA frame is skewed', () => {
    // Points crowd one diagonal, which tilts PCA; the AABB is still the tightest box.
    const pts = Float32Array.from([0, 0, 0, 2, 0, 0, 0, 1, 0, 2, 1, 0, 0, 0, 1, 2, 1, 1, 1.9, 0.95, 0.5, 1.8, 0.9, 0.5, 0.1, 0.05, 0.5]);
    const r = tightObb(pts);
    expect(r.volume).toBeCloseTo(2, 9);
    expect(r.pcaVolume).toBeGreaterThan(r.volume);
  });

  it('finds a tilted box in free mode, and auto prefers it only when clearly smaller', () => {
    const rng = new Random(5);
    const tilt = 0.5;
    const axes: Obb['axes'] = [
      [Math.cos(tilt), 0, Math.sin(tilt)],
      [0, 1, 0],
      [-Math.sin(tilt), 0, Math.cos(tilt)],
    ];
    const truth: Obb = { center: [0, 0, 1], axes, size: [2, 0.3, 0.1] };
    const pts = boxSurface(truth, rng);
    const free = tightObb(pts, undefined, { mode: 'free' });
    expect(sortedSizes(free.box)[0]).toBeCloseTo(2, 3);
    expect(free.volume).toBeLessThan(2 * 0.3 * 0.1 * 1.01);
    const upright = tightObb(pts, undefined, { mode: 'upright' });
    expect(upright.volume).toBeGreaterThan(free.volume * 2);
    expect(tightObb(pts, undefined, { mode: 'auto' }).mode).toBe('free');
    // An upright box stays upright in auto mode.
    expect(tightObb(boxSurface({ center: [0, 0, 0], axes: yawAxes(0.2), size: [1, 0.5, 0.7] }, rng), undefined, { mode: 'auto' }).mode).toBe('upright');
  });

  it('measures a subset of a larger array and rejects an empty set', () => {
    const pts = Float32Array.from([9, 9, 9, 0, 0, 0, 1, 2, 3]);
    expect(tightObb(pts, Uint32Array.from([1, 2])).box.center).toEqual([0.5, 1, 1.5]);
    expect(() => tightObb(pts, new Uint32Array(0))).toThrow(/empty/);
  });
});
