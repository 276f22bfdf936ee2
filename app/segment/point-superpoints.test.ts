import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { pointSuperpoints } from './point-superpoints';

/** Fraction of points whose superpoint's majority ground-truth instance is their own. */
function purity(ids: Int32Array, truth: Int32Array): number {
  const counts = new Map<number, Map<number, number>>();
  for (let i = 0; i < ids.length; i++) {
    const byTruth = counts.get(ids[i]!) ?? new Map<number, number>();
    byTruth.set(truth[i]!, (byTruth.get(truth[i]!) ?? 0) + 1);
    counts.set(ids[i]!, byTruth);
  }
  let majority = 0;
  for (const byTruth of counts.values()) majority += Math.max(...byTruth.values());
  return majority / ids.length;
}

/** A jittered grid on the plane through `origin` spanned by u, v. */
function patch(origin: number[], u: number[], v: number[], n: number, color: number[]): { p: number[]; c: number[] } {
  const p: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const s = (i + 0.3 * Math.sin(7 * i + 3 * j)) / n;
      const t = (j + 0.3 * Math.cos(5 * i - 2 * j)) / n;
      for (let a = 0; a < 3; a++) p.push(origin[a]! + s * u[a]! + t * v[a]!);
      c.push(...color);
    }
  }
  return { p, c };
}

describe('pointSuperpoints', () => {
  it('splits two flush planes of different colour and a perpendicular one, and is deterministic', () => {
    const floorA = patch([0, 0, 0], [1, 0, 0], [0, 1, 0], 30, [200, 200, 200]);
    const floorB = patch([1, 0, 0], [1, 0, 0], [0, 1, 0], 30, [40, 40, 160]);
    const wall = patch([0, 1, 0], [2, 0, 0], [0, 0, 1], 30, [200, 200, 200]);
    const positions = Float32Array.from([...floorA.p, ...floorB.p, ...wall.p]);
    const colors = Uint8Array.from([...floorA.c, ...floorB.c, ...wall.c]);
    const sp = pointSuperpoints(positions, colors, { segMinVerts: 20 });
    const truth = Int32Array.from({ length: positions.length / 3 }, (_, i) => Math.floor(i / 900));
    expect(purity(sp.ids, truth)).toBeGreaterThan(0.97);
    expect(sp.count).toBeGreaterThanOrEqual(3);
    expect(sp.count).toBeLessThan(30);
    // Ids are dense and numbered by first point.
    expect(sp.ids[0]).toBe(0);
    expect(Math.max(...sp.ids)).toBe(sp.count - 1);
    // PCA normals: the floor's point up, the wall's lie along ±y.
    expect(sp.normals[3 * 100 + 2]).toBeCloseTo(1, 3);
    expect(Math.abs(sp.normals[3 * 2000 + 1]!)).toBeCloseTo(1, 3);
    expect([...pointSuperpoints(positions, colors, { segMinVerts: 20 }).ids]).toEqual([...sp.ids]);
    // Without the colour term the two flush floor halves may join; never more superpoints than with it.
    expect(pointSuperpoints(positions, colors, { segMinVerts: 20, colorWeight: 0 }).count).toBeLessThanOrEqual(sp.count);
  });

  it('rejects bad parameters', () => {
    const p = new Float32Array(30);
    expect(() => pointSuperpoints(p, undefined, { k: 0 })).toThrow(RangeError);
    expect(() => pointSuperpoints(p, undefined, { kThresh: 0 })).toThrow(/kThresh/);
    expect(() => pointSuperpoints(p, new Uint8Array(3))).toThrow(/colours/);
  });

  describe('on the sample room', () => {
    const { scene } = generateSampleRoom();
    const sp = pointSuperpoints(scene.positions, scene.colors);

    it('never lets a superpoint straddle two ground-truth instances much', () => {
      const p = purity(sp.ids, scene.instanceIds);
      console.log(`sample room: ${sp.count} superpoints for ${scene.positions.length / 3} points, purity ${p.toFixed(4)}`);
      expect(p).toBeGreaterThanOrEqual(0.95);
    });

    it('gives a reasonable count: well above the instance count, far below the point count', () => {
      expect(sp.count).toBeGreaterThan(4 * scene.instances.length);
      expect(sp.count).toBeLessThan(5000);
      // segMinVerts holds: no superpoint smaller than the minimum.
      const sizes = new Int32Array(sp.count);
      for (const id of sp.ids) sizes[id]!++;
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(40);
    });

    it('coarsens with a larger kThresh', () => {
      expect(pointSuperpoints(scene.positions, scene.colors, { kThresh: 0.5 }).count).toBeLessThan(sp.count);
    });
  });
});
