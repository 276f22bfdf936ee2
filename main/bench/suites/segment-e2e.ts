// End-to-end segmentation of a 250k-point scan: superpoints + features + model + grouping, as the
// host runs it (segmentScene), on a simulated room scan cut to exactly 250,000 points. The peer is the
// same pipeline answered by the geometric fallback (no model), so the ratio shows what the model costs.
import { availableParallelism } from 'node:os';
import { simulateScan } from '../../../app/sample/scan-sim';
import type { PointScene } from '../../../app/scene/types';
import { bundledSegmentationModelPath } from '../../segment/model-store';
import { segmentScene } from '../../segment/segment-scene';
import { knnGraph } from '../../../app/segment/knn';
import { pointSuperpointK } from '../../../app/segment/point-superpoints';
import { parallelKnnGraph } from '../../segment/parallel-knn';
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
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export async function endToEndCase(runs: number): Promise<BenchResult[]> {
  const scene = scanOf(E2E_POINTS);
  const name = `simulated scan ${E2E_POINTS / 1000}k points, ${availableParallelism()} cores`;
  const model = bundledSegmentationModelPath();
  const quiet = { log: () => {} };
  let stages: number[] = [];
  let superpoints = 0;
  const ours = await median(runs, async () => {
    const marks: number[] = [performance.now()];
    const seg = await segmentScene({ scene }, { modelPath: model, modelOptions: quiet, onProgress: () => marks.push(performance.now()) });
    if (seg.source !== 'model') throw new Error(`segment-e2e: expected the model to answer, got ${seg.reason}`);
    superpoints = seg.superpointCount;
    stages = marks.slice(1).map((t, i) => t - marks[i]!);
  });
  const peer = await median(runs, () => segmentScene({ scene }, { bundledModel: false }));
  // The neighbour search alone: split across the cores (worker threads) against one thread.
  const k = pointSuperpointK(E2E_POINTS);
  const split = await median(runs, () => parallelKnnGraph(scene.positions, k));
  const oneThread = await median(runs, async () => knnGraph(scene.positions, k));
  return [
    result(SUITE, name, `neighbour search, ${Math.min(4, availableParallelism())} threads`, 'ms', split, { value: oneThread, name: 'same search, one thread', better: 'lower' }),
    result(SUITE, name, 'superpoints+features+model+grouping', 'ms', ours, { value: peer, name: 'same pipeline, geometric fallback', better: 'lower' }),
    result(SUITE, name, 'superpoints + features (last run)', 'ms', (stages[0] ?? 0) + (stages[1] ?? 0), null),
    result(SUITE, name, 'model + grouping + masks (last run)', 'ms', (stages[2] ?? 0) + (stages[3] ?? 0) + (stages[4] ?? 0), null),
    result(SUITE, name, 'superpoints', 'count', superpoints, null),
  ];
}
