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

  it('stays exact where density varies a hundredfold (dense clusters, a sparse plane, far outliers)', () => {
    let s = 7;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pts: number[] = [];
    // A sparse floor, three tight clusters on it, a few points far away.
    for (let i = 0; i < 1500; i++) pts.push(rand() * 4, rand() * 4, 0);
    for (const [cx, cy] of [[1, 1], [3, 2], [2, 3.5]]) for (let i = 0; i < 600; i++) pts.push(cx! + rand() * 0.05, cy! + rand() * 0.05, rand() * 0.05);
    pts.push(40, 40, 10, -30, 5, 2, 0.5, 0.5, 25);
    const positions = Float32Array.from(pts);
    const n = positions.length / 3;
    for (const k of [1, 10, 16]) {
      const g = knnGraph(positions, k);
      for (let i = 0; i < n; i++) {
        // Brute force: every other point, the k smallest (distance, index) pairs.
        const best: [number, number][] = [];
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          const dx = positions[3 * j]! - positions[3 * i]!;
          const dy = positions[3 * j + 1]! - positions[3 * i + 1]!;
          const dz = positions[3 * j + 2]! - positions[3 * i + 2]!;
          const d = dx * dx + dy * dy + dz * dz;
          if (best.length === k && d >= best[k - 1]![0]) continue;
          let at = best.length;
          while (at > 0 && best[at - 1]![0] > d) at--;
          best.splice(at, 0, [d, j]);
          if (best.length > k) best.pop();
        }
        expect([...g.index.subarray(i * k, i * k + k)]).toEqual(best.map((e) => e[1]));
        expect([...g.distanceSq.subarray(i * k, i * k + k)]).toEqual(best.map((e) => Math.fround(e[0])));
      }
    }
  });

  it('pads with -1 when there are fewer than k other points', () => {
    const g = knnGraph(Float32Array.from([0, 0, 0, 1, 0, 0]), 3);
    expect([...g.index]).toEqual([1, -1, -1, 0, -1, -1]);
  });
});
