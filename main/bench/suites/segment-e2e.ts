// End-to-end segmentation of a 250k-point scan: superpoints + features + model + grouping, as the
// host runs it (segmentScene), on a simulated room scan cut to exactly 250,000 points. The peer is the
// same pipeline answered by the geometric fallback (no model), so the ratio shows what the model costs.
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { simulateScan } from '../../../app/sample/scan-sim';
import type { PointScene } from '../../../app/scene/types';
import { bundledSegmentationModelPath } from '../../segment/model-store';
import { segmentScene } from '../../segment/segment-scene';
import { knnGraph } from '../../../app/segment/knn';
import { pointSuperpointK } from '../../../app/segment/point-superpoints';
import { sceneSuperpointFeatures } from '../../../app/segment/scene-superpoints';
import { knnGraphWith, knnKernelFile } from '../../segment/knn-kernel';
import { parallelKnnGraph } from '../../segment/parallel-knn';
import { parallelPointGraph } from '../../segment/parallel-point-graph';
import { result, type BenchResult } from '../result';

const SUITE = 'segmentation';
export const E2E_POINTS = 250_000;

/** A simulated scan of at least `points` returns (no voxel fusion), cut to exactly `points`. */
export function scanOf(points: number, seed = 1_000_123): PointScene {
  const sim = simulateScan({ seed, roomType: 'living', rays: Math.ceil(points * 1.6), voxel: 0 });
  const n = sim.scene.positions.length / 3;
  if (n < points) throw new Error(`segment-e2e: the simulated scan has ${n} points, fewer than ${points}`);
  return { ...sim.scene, positions: sim.scene.positions.slice(0, 3 * points), colors: sim.scene.colors.slice(0, 3 * points), instanceIds: sim.scene.instanceIds.slice(0, points) };
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  return medianOf(runs, fn);
}

/** Median of `runs` timed runs, no warm-up. */
async function medianOf(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * What two threads gain over one right now on plain arithmetic (2.00 on two idle cores): the ceiling
 * for any two-thread ratio below, which other processes on the same cores push down.
 */
async function twoThreadCeiling(): Promise<number> {
  // Each thread reports when its loop began and ended (epoch ms), so thread start-up is not counted.
  const code = "const { parentPort } = require('node:worker_threads'); const t0 = performance.timeOrigin + performance.now(); let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; parentPort.postMessage([t0, performance.timeOrigin + performance.now(), x]);";
  const spin = () => new Promise<[number, number]>((resolve, reject) => new Worker(code, { eval: true }).once('message', (m: [number, number]) => resolve(m)).once('error', reject));
  const [s, e] = await spin();
  const both = await Promise.all([spin(), spin()]);
  const span = Math.max(both[0][1], both[1][1]) - Math.min(both[0][0], both[1][0]);
  return (2 * (e - s)) / span;
}

export async function endToEndCase(runs: number): Promise<BenchResult[]> {
  const scene = scanOf(E2E_POINTS);
  const name = `simulated scan ${E2E_POINTS / 1000}k points, ${availableParallelism()} cores`;
  // Other processes on the same cores slow the threaded runs most: the load goes with the numbers.
  process.stdout.write(`${SUITE}: ${name}: the first call, then medians of runs after a warm-up; load average ${loadAverage()}; two threads do ${(await twoThreadCeiling()).toFixed(2)}x the work of one now\n`);
  const model = bundledSegmentationModelPath();
  const quiet = { log: () => {} };
  let stages: number[] = [];
  let superpoints = 0;
  const segment = async () => {
    const marks: number[] = [performance.now()];
    const seg = await segmentScene({ scene }, { modelPath: model, modelOptions: quiet, onProgress: () => marks.push(performance.now()) });
    if (seg.source !== 'model') throw new Error(`segment-e2e: expected the model to answer, got ${seg.reason}`);
    superpoints = seg.superpointCount;
    stages = marks.slice(1).map((t, i) => t - marks[i]!);
  };
  // The first call of the process: worker threads start, the model loads, V8 compiles the JS.
  const c0 = performance.now();
  await segment();
  const cold = performance.now() - c0;
  const coldModelWait = stages[2] ?? 0;
  // Then what every later segmentation of the session costs: the median of `warm` runs in a row
  // (V8 keeps optimising the JS over the first few, so fewer runs report a slower median).
  const warm = Math.max(runs, 5);
  const ours = await medianOf(warm, segment);
  const peer = await median(runs, () => segmentScene({ scene }, { bundledModel: false }));
  // The neighbour search alone: split across the cores (worker threads) against one thread.
  const k = pointSuperpointK(E2E_POINTS);
  const split = await median(runs, () => parallelKnnGraph(scene.positions, k));
  const kernelFile = knnKernelFile();
  const oneThread = await median(runs, async () => knnGraphWith(kernelFile, scene.positions, k));
  // The queries on the WebAssembly kernel (dist/wasm/knn.wasm; oneThread above) against app/segment's JS.
  const jsOneThread = kernelFile ? await median(runs, async () => knnGraph(scene.positions, k)) : null;
  // Superpoints + features as segmentScene computes them (graph, normals and edges on every core) against one thread.
  const source = { positions: scene.positions, colors: scene.colors };
  const spSplit = await median(runs, async () => sceneSuperpointFeatures(source, { pointGraph: await parallelPointGraph(scene.positions, scene.colors) }));
  const spOneThread = await median(runs, async () => sceneSuperpointFeatures(source, { pointGraph: await parallelPointGraph(scene.positions, scene.colors, {}, { threads: 1 }) }));
  process.stdout.write(`${SUITE}: ${name}: done; load average ${loadAverage()}; two threads do ${(await twoThreadCeiling()).toFixed(2)}x the work of one now\n`);
  const threads = `${Math.min(4, availableParallelism())} threads`;
  return [
    result(SUITE, name, `neighbour search, ${threads}`, 'ms', split, { value: oneThread, name: 'same search, one thread', better: 'lower' }),
    ...(jsOneThread === null ? [] : [result(SUITE, name, 'neighbour search, wasm kernel, one thread', 'ms', oneThread, { value: jsOneThread, name: 'same search, JS, one thread', better: 'lower' })]),
    result(SUITE, name, `superpoints+features, ${threads}`, 'ms', spSplit, { value: spOneThread, name: 'same, one thread', better: 'lower' }),
    result(SUITE, name, `superpoints+features+model+grouping (median of ${warm} after the first)`, 'ms', ours, { value: peer, name: 'same pipeline, geometric fallback', better: 'lower' }),
    result(SUITE, name, 'same, first call of the process (workers start, model loads, JIT)', 'ms', cold, null),
    result(SUITE, name, 'first call: waiting for the model after the superpoints', 'ms', coldModelWait, null),
    result(SUITE, name, 'superpoints + features (last run)', 'ms', (stages[0] ?? 0) + (stages[1] ?? 0), null),
    result(SUITE, name, 'model + grouping + masks (last run)', 'ms', (stages[2] ?? 0) + (stages[3] ?? 0) + (stages[4] ?? 0), null),
    result(SUITE, name, 'superpoints', 'count', superpoints, null),
  ];
}
