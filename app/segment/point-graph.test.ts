import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { joinSmallComponents, segmentGraph } from './felzenszwalb';
import { knnGraph } from './knn';
import { mergeSortedEdgeRuns, mergeSortedEdges, pointGraphEdges, sortEdgeRunByWeight, sortEdgesByWeight } from './point-graph';
import { denseIds, pcaNormals } from './point-superpoints';

let seed = 11;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

describe('sortEdgesByWeight', () => {
  it('sorts by weight, keeps equal weights in their order, and puts a weight rounded below 0 first', () => {
    const m = 5000;
    // Few distinct weights, so most edges tie; one slightly negative (a |dot| rounded past 1).
    const w = Float32Array.from({ length: m }, () => Math.floor(rand() * 20) / 16);
    w[1234] = -1e-7;
    const a = Int32Array.from({ length: m }, (_, e) => e);
    const b = Int32Array.from({ length: m }, (_, e) => m - e);
    const [a0, b0, w0] = [a.slice(), b.slice(), w.slice()];
    const s = sortEdgesByWeight({ a, b, w });
    // The given edges are left as they were (the sort works in buffers of its own).
    expect([a, b, w]).toEqual([a0, b0, w0]);
    const expected = [...a].sort((x, y) => w[x]! - w[y]! || x - y);
    expect([...s.a]).toEqual(expected);
    expect([...s.b]).toEqual(expected.map((e) => m - e));
    expect([...s.w]).toEqual(expected.map((e) => w[e]!));
    expect(s.a[0]).toBe(1234);
  });
});

describe('sortEdgeRunByWeight + mergeSortedEdgeRuns', () => {
  it('give sortEdgesByWeight of the runs laid end to end, ties across runs in run order', () => {
    const m = 6000;
    // Ties within and across runs, and a weight rounded below 0 in the last run.
    const w = Float32Array.from({ length: m }, () => Math.floor(rand() * 12) / 8);
    w[5555] = -1e-7;
    const a = Int32Array.from({ length: m }, (_, e) => e);
    const b = Int32Array.from({ length: m }, (_, e) => 2 * e + 1);
    // Three runs in a buffer with gaps between them (as the threads write them: each from its own slot).
    const runs = [
      { from: 0, count: 1500 },
      { from: 2000, count: 2500 },
      { from: 4600, count: 2000 },
    ];
    const buffer = { a: new Int32Array(m + 700).fill(-7), b: new Int32Array(m + 700).fill(-7), w: new Float32Array(m + 700).fill(9) };
    let e = 0;
    for (const r of runs) for (let i = 0; i < r.count; i++, e++) [buffer.a[r.from + i], buffer.b[r.from + i], buffer.w[r.from + i]] = [a[e]!, b[e]!, w[e]!];
    for (const r of runs) sortEdgeRunByWeight(buffer, r.from, r.from + r.count);
    // Each run is sorted in place and nothing outside it moved.
    expect(buffer.a[1500]).toBe(-7);
    expect(buffer.w[1999]).toBe(9);
    const merged = mergeSortedEdgeRuns(buffer, runs);
    const whole = sortEdgesByWeight({ a, b, w });
    expect([...merged.a]).toEqual([...whole.a]);
    expect([...merged.b]).toEqual([...whole.b]);
    expect([...merged.w]).toEqual([...whole.w]);
    expect(merged.a[0]).toBe(5555);
  });
});

describe('mergeSortedEdges', () => {
  it('gives the partition of the Segmentator merging (felzenszwalb.ts) on the same sorted edges', () => {
    // A random sparse graph with distinct weights, so any correct sort gives one order.
    const n = 3000;
    const m = 9000;
    const a = new Int32Array(m);
    const b = new Int32Array(m);
    const w = new Float32Array(m);
    for (let e = 0; e < m; e++) {
      a[e] = Math.floor(rand() * n);
      b[e] = (a[e]! + 1 + Math.floor(rand() * 30)) % n;
      w[e] = (e + 1) / m / 4 + rand() / m / 8;
    }
    const sorted = sortEdgesByWeight({ a, b, w });
    for (const [kThresh, minSize] of [
      [0.05, 0],
      [0.05, 20],
      [0.5, 40],
    ] as const) {
      const { sets, sorted: reference } = segmentGraph(n, { a, b, w }, kThresh);
      joinSmallComponents(sets, reference, minSize);
      const expected = denseIds(Int32Array.from({ length: n }, (_, i) => sets.find(i))).ids;
      expect([...denseIds(mergeSortedEdges(n, sorted, kThresh, minSize)).ids]).toEqual([...expected]);
    }
  });

  it('on the sample room, merges k-NN edges into the partition the Segmentator merging gives', () => {
    const { scene } = generateSampleRoom();
    const n = scene.positions.length / 3;
    const graph = knnGraph(scene.positions, 10);
    const edges = pointGraphEdges(graph, pcaNormals(scene.positions, graph), scene.colors, 0.5, 0.1);
    const ours = denseIds(mergeSortedEdges(n, sortEdgesByWeight(edges), 0.05, 40));
    const { sets, sorted } = segmentGraph(n, edges, 0.05);
    joinSmallComponents(sets, sorted, 40);
    const reference = denseIds(Int32Array.from({ length: n }, (_, i) => sets.find(i)));
    // Tie order differs between the two sorts; on this scan it changes no merge.
    expect(ours.count).toBe(reference.count);
    expect(Buffer.from(ours.ids.buffer).equals(Buffer.from(reference.ids.buffer))).toBe(true);
  });
});
