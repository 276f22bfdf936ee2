// The graph, normals and sorted edges computed on worker threads are byte for byte what the single
// thread gives (knnGraph, pcaNormals, sortEdgesByWeight(pointGraphEdges)), with and without colours,
// with 2 and 3 threads, and when a worker cannot start; the superpoints cut from them are the same.
// The worker is bundled from its source here, as tools/build.js bundles it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knnGraph } from '../../app/segment/knn';
import { pointGraphEdges, sortEdgesByWeight } from '../../app/segment/point-graph';
import { pcaNormals, pointSuperpoints, type PointGraphParts } from '../../app/segment/point-superpoints';
import { simulateScan } from '../../app/sample/scan-sim';
import { parallelPointGraph } from './parallel-point-graph';
import { knnWorkerBundle } from './testing/knn-worker-bundle';

const worker = knnWorkerBundle('sw-point-graph-');
beforeAll(() => worker.setUp(), 60_000);
afterAll(() => worker.tearDown());

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const expectSame = (ours: PointGraphParts, reference: PointGraphParts) => {
  expect(bytes(ours.graph.index).equals(bytes(reference.graph.index))).toBe(true);
  expect(bytes(ours.graph.distanceSq).equals(bytes(reference.graph.distanceSq))).toBe(true);
  expect(bytes(ours.normals).equals(bytes(reference.normals))).toBe(true);
  expect(ours.edges.w.length).toBe(reference.edges.w.length);
  expect(bytes(ours.edges.a).equals(bytes(reference.edges.a))).toBe(true);
  expect(bytes(ours.edges.b).equals(bytes(reference.edges.b))).toBe(true);
  expect(bytes(ours.edges.w).equals(bytes(reference.edges.w))).toBe(true);
  expect(ours.sorted).toBe(true);
};

function singleThread(positions: Float32Array, colors: Uint8Array | undefined): PointGraphParts {
  const graph = knnGraph(positions, 10);
  const normals = pcaNormals(positions, graph);
  return { graph, normals, edges: sortEdgesByWeight(pointGraphEdges(graph, normals, colors, 0.5, 0.1)), sorted: true };
}

describe('parallelPointGraph', () => {
  const scan = simulateScan({ seed: 5, roomType: 'bedroom', rays: 80_000, voxel: 0 }).scene;

  it('gives the single-thread graph, normals and edges on a room scan, with 2 and 3 threads, with and without colours', async () => {
    const { positions, colors } = scan;
    expect(positions.length / 3).toBeGreaterThan(40_000);
    for (const c of [colors, undefined]) {
      const reference = singleThread(positions, c);
      expect(reference.edges.w.length).toBeGreaterThan(positions.length / 3);
      for (const threads of [2, 3]) {
        const runs: { parts: number; workerFailures: number }[] = [];
        expectSame(await parallelPointGraph(positions, c, {}, { threads, script: worker.script, onRun: (r) => runs.push(r) }), reference);
        expect(runs).toEqual([{ parts: threads, workerFailures: 0 }]);
      }
    }
    // The superpoints cut from the parts are those pointSuperpoints finds alone.
    const parts = await parallelPointGraph(positions, colors, {}, { threads: 2, script: worker.script });
    expect(bytes(pointSuperpoints(positions, colors, {}, parts).ids).equals(bytes(pointSuperpoints(positions, colors).ids))).toBe(true);
  }, 180_000);

  it('answers alone where a worker cannot start, and refuses colours of the wrong length', async () => {
    writeFileSync(join(worker.dir, 'broken-worker.mjs'), 'throw new Error("broken on purpose");\n');
    const { positions, colors } = scan;
    const runs: { parts: number; workerFailures: number }[] = [];
    expectSame(await parallelPointGraph(positions, colors, {}, { threads: 2, script: join(worker.dir, 'broken-worker.mjs'), onRun: (r) => runs.push(r) }), singleThread(positions, colors));
    expect(runs).toEqual([{ parts: 2, workerFailures: 1 }]);
    await expect(parallelPointGraph(positions, colors.subarray(3), {}, { threads: 2, script: worker.script })).rejects.toThrow(/colours for/);
  }, 180_000);
});
