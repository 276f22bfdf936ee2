import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample/room';
import { Random } from '../sample/random';
import { groupPointsByInstance } from '../scene/summary';
import { bruteForceClosestPair, closestPointPair } from './closest-pair';
import { KdTree } from './kdtree';

const dist = (p: Float32Array, i: number, j: number) => Math.hypot(p[i * 3]! - p[j * 3]!, p[i * 3 + 1]! - p[j * 3 + 1]!, p[i * 3 + 2]! - p[j * 3 + 2]!);

describe('closestPointPair', () => {
  it('equals brute force on random sets of varied sizes and separations', () => {
    const rng = new Random(21);
    for (let trial = 0; trial < 30; trial++) {
      const n = rng.int(1, 900);
      const m = rng.int(1, 900);
      const shift = rng.range(-2, 2);
      const p = new Float32Array((n + m) * 3);
      for (let i = 0; i < n + m; i++) {
        p[i * 3] = rng.range(-1, 1) + (i >= n ? shift : 0);
        p[i * 3 + 1] = rng.range(-1, 1);
        p[i * 3 + 2] = rng.range(-0.3, 0.3);
      }
      const a = Uint32Array.from({ length: n }, (_, i) => i);
      const b = Uint32Array.from({ length: m }, (_, i) => n + i);
      const ours = closestPointPair(p, a, b);
      const ref = bruteForceClosestPair(p, a, b);
      expect(ours.distance).toBe(ref.distance);
      expect(a.includes(ours.indexA)).toBe(true);
      expect(b.includes(ours.indexB)).toBe(true);
      expect(Math.abs(dist(p, ours.indexA, ours.indexB) - ours.distance)).toBeLessThan(1e-9);
      expect(ours.pointA).toEqual([p[ours.indexA * 3], p[ours.indexA * 3 + 1], p[ours.indexA * 3 + 2]]);
    }
  });

  it('keeps a and b in their roles whichever set is larger, and accepts a prebuilt tree', () => {
    const p = new Float32Array([0, 0, 0, 10, 0, 0, 3, 0, 0, 3, 1, 0, 3, 2, 0]);
    const a = new Uint32Array([0, 1]);
    const b = new Uint32Array([2, 3, 4]);
    const ab = closestPointPair(p, a, b);
    expect([ab.indexA, ab.indexB, ab.distance]).toEqual([0, 2, 3]);
    const ba = closestPointPair(p, b, a);
    expect([ba.indexA, ba.indexB, ba.distance]).toEqual([2, 0, 3]);
    expect(ba.pointA).toEqual([3, 0, 0]);
    const withTree = closestPointPair(p, b, a, { treeB: new KdTree(p, a) });
    expect(withTree.distance).toBe(3);
  });

  it('is zero for sets that share a point and rejects empty or out-of-range sets', () => {
    const p = new Float32Array([1, 2, 3, 1, 2, 3, 4, 4, 4]);
    expect(closestPointPair(p, new Uint32Array([0]), new Uint32Array([1, 2])).distance).toBe(0);
    expect(() => closestPointPair(p, new Uint32Array([]), new Uint32Array([1]))).toThrow(/set a is empty/);
    expect(() => bruteForceClosestPair(p, new Uint32Array([0]), new Uint32Array([]))).toThrow(/set b is empty/);
    expect(() => closestPointPair(p, new Uint32Array([0]), new Uint32Array([7]))).toThrowError(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/b\[0\] = 7/) }));
  });

  it('equals brute force on instance pairs of the sample room', () => {
    const { scene, objects } = generateSampleRoom({ seed: 4, targetPoints: 60_000 });
    const groups = groupPointsByInstance(scene);
    const id = (category: string) => objects.find((o) => o.category === category)!.instanceId;
    const pairs: Array<[number, number]> = [
      [id('armchair'), id('table')],
      [id('sofa'), id('bed')],
      [id('chair'), id('table')],
      [id('floor'), id('bed')],
      [id('wall'), id('door')],
      [id('lamp'), id('bed')],
    ];
    for (const [a, b] of pairs) {
      const ours = closestPointPair(scene.positions, groups.get(a)!, groups.get(b)!);
      const ref = bruteForceClosestPair(scene.positions, groups.get(a)!, groups.get(b)!);
      expect(ours.distance, `${a}–${b}`).toBe(ref.distance);
      expect(scene.instanceIds[ours.indexA]).toBe(a);
      expect(scene.instanceIds[ours.indexB]).toBe(b);
    }
  });
});
