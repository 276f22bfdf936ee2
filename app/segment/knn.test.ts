import { describe, expect, it } from 'vitest';
import { knnGraph } from './knn';

describe('knnGraph', () => {
  it('matches brute force, nearest first, ties by smaller index, self excluded', () => {
    let s = 99;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    // Points on a coarse lattice so many distances tie.
    const n = 600;
    const positions = Float32Array.from({ length: 3 * n }, () => Math.floor(rand() * 8) * 0.25);
    const k = 7;
    const g = knnGraph(positions, k);
    for (let i = 0; i < n; i++) {
      const all: { j: number; d: number }[] = [];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const d = (positions[3 * i]! - positions[3 * j]!) ** 2 + (positions[3 * i + 1]! - positions[3 * j + 1]!) ** 2 + (positions[3 * i + 2]! - positions[3 * j + 2]!) ** 2;
        all.push({ j, d });
      }
      all.sort((a, b) => a.d - b.d || a.j - b.j);
      expect([...g.index.subarray(i * k, i * k + k)]).toEqual(all.slice(0, k).map((e) => e.j));
      expect(g.distanceSq[i * k + k - 1]).toBeCloseTo(all[k - 1]!.d, 6);
    }
  });

  it('pads with -1 when there are fewer than k other points', () => {
    const g = knnGraph(Float32Array.from([0, 0, 0, 1, 0, 0]), 3);
    expect([...g.index]).toEqual([1, -1, -1, 0, -1, -1]);
  });
});
