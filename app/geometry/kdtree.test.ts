import { describe, expect, it } from 'vitest';
import { Random } from '../sample/random';
import { KdTree } from './kdtree';

function randomCloud(rng: Random, n: number, spread = 1): Float32Array {
  const p = new Float32Array(n * 3);
  for (let i = 0; i < p.length; i++) p[i] = rng.range(-spread, spread);
  return p;
}

function bruteNearest(p: Float32Array, subset: Uint32Array, x: number, y: number, z: number) {
  let best = Infinity;
  let index = -1;
  for (const i of subset) {
    const dx = p[i * 3]! - x;
    const dy = p[i * 3 + 1]! - y;
    const dz = p[i * 3 + 2]! - z;
    const d = dx * dx + dy * dy + dz * dz;
    if (d < best) {
      best = d;
      index = i;
    }
  }
  return { index, best };
}

describe('KdTree', () => {
  it('finds the same nearest distance as a linear scan, on a subset of the points', () => {
    const rng = new Random(11);
    const p = randomCloud(rng, 3000);
    const subset = Uint32Array.from({ length: 1700 }, (_, i) => (i * 7) % 3000);
    const tree = new KdTree(p, subset);
    expect(tree.size).toBe(1700);
    for (let q = 0; q < 400; q++) {
      const [x, y, z] = [rng.range(-1.5, 1.5), rng.range(-1.5, 1.5), rng.range(-1.5, 1.5)];
      const hit = tree.nearest(x, y, z);
      const ref = bruteNearest(p, subset, x, y, z);
      expect(hit.distanceSq).toBe(ref.best);
      expect(subset.includes(hit.index)).toBe(true);
    }
  });

  it('handles duplicate coordinates and degenerate (flat) clouds', () => {
    const rng = new Random(5);
    const n = 500;
    const p = new Float32Array(n * 3);
    // All on a plane z = 0, on a coarse grid so many points coincide.
    for (let i = 0; i < n; i++) {
      p[i * 3] = Math.round(rng.range(0, 5));
      p[i * 3 + 1] = Math.round(rng.range(0, 5));
    }
    const all = Uint32Array.from({ length: n }, (_, i) => i);
    const tree = new KdTree(p, all);
    for (let q = 0; q < 200; q++) {
      const [x, y, z] = [rng.range(-1, 6), rng.range(-1, 6), rng.range(-1, 1)];
      expect(tree.nearest(x, y, z).distanceSq).toBe(bruteNearest(p, all, x, y, z).best);
    }
  });

  it('returns no hit when nothing is closer than the initial bound', () => {
    const p = new Float32Array([0, 0, 0, 1, 0, 0, 0, 2, 0]);
    const tree = new KdTree(p, new Uint32Array([0, 1, 2]));
    expect(tree.nearest(5, 0, 0, 1).index).toBe(-1);
    const hit = tree.nearest(5, 0, 0, 16.5);
    expect(hit.index).toBe(1);
    expect(hit.distanceSq).toBe(16);
    // The bound is strict: a point exactly at it is not reported.
    expect(tree.nearest(5, 0, 0, 16).index).toBe(-1);
    expect(new KdTree(p, new Uint32Array(0)).nearest(0, 0, 0).index).toBe(-1);
  });

  it('rejects an index past the end of the positions', () => {
    expect(() => new KdTree(new Float32Array(6), new Uint32Array([0, 2]))).toThrow(/subset\[1\].*past the last point \(1\)/);
  });
});
