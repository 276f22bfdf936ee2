import { describe, expect, it } from 'vitest';
import { joinSmallComponents, segmentGraph } from './felzenszwalb';
import { felzenszwalbSorted } from './mesh-felzenszwalb';
import { partitionAgreement } from './partition-agreement';
import { stdSortByKey } from './std-sort';

/** A random graph whose weights come from a few values, so most edges tie (as on real meshes). */
function tiedGraph(vertexCount: number, edgeCount: number, seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const levels = [0, 0, 0, 1e-4, 1e-4, 3e-3, 0.02, 0.3];
  const a = new Int32Array(edgeCount);
  const b = new Int32Array(edgeCount);
  const w = new Float32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    // Mostly near neighbours (mesh-like locality), some long edges.
    a[e] = Math.floor(next() * vertexCount);
    b[e] = next() < 0.9 ? Math.min(vertexCount - 1, a[e]! + 1 + Math.floor(next() * 3)) : Math.floor(next() * vertexCount);
    w[e] = levels[Math.floor(next() * levels.length)]!;
  }
  return { a, b, w, next };
}

/** The edges in the order std::sort leaves them, as both passes of the reference walk them. */
function stdSorted(g: { a: Int32Array; b: Int32Array; w: Float32Array }) {
  const sorted = { a: g.a.slice(), b: g.b.slice(), w: g.w.slice() };
  stdSortByKey(sorted.w, sorted.a, sorted.b);
  return sorted;
}

/** The two passes on the general DisjointSet, structured as the C++ is: the reference for the ids. */
function referenceIds(vertexCount: number, g: { a: Int32Array; b: Int32Array; w: Float32Array }, k: number, minSize: number): Int32Array {
  const { sets, sorted } = segmentGraph(vertexCount, g, k);
  joinSmallComponents(sets, sorted, minSize);
  return Int32Array.from({ length: vertexCount }, (_, v) => sets.find(v));
}

describe('felzenszwalbSorted', () => {
  it('gives the same segment ids as the reference passes, small-segment merge included', () => {
    for (const [seed, k, minSize] of [
      [1, 0.01, 20],
      [2, 0.05, 5],
      [3, 0.001, 50],
      [4, 0.01, 0],
    ] as const) {
      const n = 3000;
      const g = tiedGraph(n, 9000, seed);
      const sorted = stdSorted(g);
      const ids = felzenszwalbSorted(n, sorted.a, sorted.b, sorted.w, k, minSize);
      const ref = referenceIds(n, g, k, minSize);
      expect([...ids]).toEqual([...ref]);
      // The case is not trivial: several segments, and (with minSize > 1) none below minSize unless isolated.
      expect(new Set(ids).size).toBeGreaterThan(3);
    }
  });

  it('splits vertices into the same segments whatever the order of equal weights', () => {
    const n = 2000;
    const g = tiedGraph(n, 6000, 7);
    const sorted = stdSorted(g);
    // Reverse every run of equal weights: still sorted, ties in the opposite order.
    const a = sorted.a.slice();
    const b = sorted.b.slice();
    for (let start = 0; start < sorted.w.length; ) {
      let end = start;
      while (end < sorted.w.length && sorted.w[end] === sorted.w[start]) end++;
      a.subarray(start, end).reverse();
      b.subarray(start, end).reverse();
      start = end;
    }
    // minSize 1: the threshold pass alone, whose partition does not depend on the order of ties.
    const forward = felzenszwalbSorted(n, sorted.a, sorted.b, sorted.w, 0.01, 1);
    const backward = felzenszwalbSorted(n, a, b, sorted.w, 0.01, 1);
    expect(partitionAgreement(forward, backward).vertexAgreement).toBe(1);
    // The ids (union-find roots) do depend on it, which is why the mesh path mirrors std::sort.
    expect([...forward]).not.toEqual([...backward]);
  });

  it('leaves no segment below minSize when every vertex has an edge', () => {
    const n = 500;
    const a = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const b = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    // A chain of rising weights: the threshold pass stops joining early, the small pass finishes.
    const w = Float32Array.from({ length: n - 1 }, (_, i) => i * 0.01);
    const ids = felzenszwalbSorted(n, a, b, w, 0.001, 30);
    const sizes = new Map<number, number>();
    for (const id of ids) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(30);
  });

  it('rejects endpoint arrays that do not match the weights', () => {
    expect(() => felzenszwalbSorted(3, new Int32Array(2), new Int32Array(1), new Float32Array(2), 0.01, 1)).toThrow(RangeError);
  });
});
