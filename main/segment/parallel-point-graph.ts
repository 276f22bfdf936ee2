// Everything point-cloud superpoints do before merging, on several cores: the k-NN graph and each
// point's PCA normal (a worker answers the normals of the points whose rows it has just found), then
// the weighted edges split by point range (they need every normal, so they wait for the first step),
// each range's run sorted by weight where it was made, and the runs merged here. Each step writes
// disjoint parts of shared buffers with the same code the single thread runs, and the stable sort of
// each run plus a stable merge in point order is the stable sort of the whole list, so the result is
// byte for byte knnGraph + pcaNormals + sortEdgesByWeight(pointGraphEdges); merging the sorted edges
// into superpoints (sequential by nature) stays with the caller.
import { availableParallelism } from 'node:os';
import { emptyKnnGraph, planKnn, splitCells } from '../../app/segment/knn';
import { mergeSortedEdgeRuns, pointGraphEdges, pointGraphEdgesOf, sortEdgeRunByWeight, sortEdgesByWeight } from '../../app/segment/point-graph';
import { pcaNormals, pcaNormalsOfCells, pointSuperpointK, POINT_SUPERPOINT_DEFAULTS, type PointGraphParts, type PointSuperpointOptions } from '../../app/segment/point-superpoints';
import { knnCellsWith, knnGraphWith, knnKernelFile } from './knn-kernel';
import type { WorkerRequest } from './knn-worker-protocol';
import { defaultKnnWorkerScript, knnWorkers, PARALLEL_KNN_MIN_POINTS, shared, type ParallelKnnOptions, type PooledWorker } from './parallel-knn';

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * Same answer as the single-thread steps of pointSuperpoints(positions, colors, options) before
 * merging, with the edges already sorted by weight (`sorted: true`).
 */
export async function parallelPointGraph(positions: Float32Array, colors: Uint8Array | undefined, options: PointSuperpointOptions = {}, parallel: ParallelKnnOptions = {}): Promise<PointGraphParts> {
  const o = { ...POINT_SUPERPOINT_DEFAULTS, ...options };
  if (colors && colors.length !== positions.length) throw new RangeError(`pointSuperpoints: ${colors.length / 3} colours for ${positions.length / 3} points`);
  const n = Math.floor(positions.length / 3);
  const k = pointSuperpointK(n, o);
  const threads = Math.max(1, Math.floor(parallel.threads ?? Math.min(4, availableParallelism())));
  const script = parallel.script ?? defaultKnnWorkerScript();
  const kernelFile = knnKernelFile(parallel.implementation);
  if (threads < 2 || n < (parallel.minPoints ?? PARALLEL_KNN_MIN_POINTS) || !script) {
    parallel.onRun?.({ parts: 1, workerFailures: 0 });
    const graph = knnGraphWith(kernelFile, positions, k);
    const normals = pcaNormals(positions, graph);
    return { graph, normals, edges: sortEdgesByWeight(pointGraphEdges(graph, normals, colors, o.colorWeight, o.maxEdgeLength)), sorted: true };
  }
  const team = new Team(knnWorkers(script, threads - 1));

  // Step 1: rows and normals by runs of grid cells of about equal point counts.
  const sharedPositions = new Float32Array(shared(positions.byteLength));
  sharedPositions.set(positions);
  const plan = planKnn(sharedPositions, k, shared);
  const graph = emptyKnnGraph(n, k, shared);
  const normals = new Float32Array(shared(12 * n));
  const cuts = splitCells(plan, threads);
  await team.each(
    (t) => ({ plan, positions: sharedPositions, out: graph, cellFrom: cuts[t]!, cellTo: cuts[t + 1]!, normals, ...(kernelFile ? { kernelFile } : {}) }),
    (t) => {
      knnCellsWith(kernelFile, plan, sharedPositions, graph, cuts[t]!, cuts[t + 1]!);
      pcaNormalsOfCells(plan, sharedPositions, graph, normals, cuts[t]!, cuts[t + 1]!);
      return 0;
    },
  );

  // Step 2: edges by equal ranges of points, each run written from slot first·k and sorted there,
  // then the sorted runs merged in point order.
  const sharedColors = colors ? new Uint8Array(shared(colors.byteLength)) : undefined;
  sharedColors?.set(colors!);
  const edges = { a: new Int32Array(shared(4 * n * k)), b: new Int32Array(shared(4 * n * k)), w: new Float32Array(shared(4 * n * k)) };
  const point = (t: number) => Math.round((t * n) / threads);
  const counts = await team.each(
    (t) => ({ task: 'edges', graph, normals, ...(sharedColors ? { colors: sharedColors } : {}), colorWeight: o.colorWeight, maxEdgeLength: o.maxEdgeLength, from: point(t), to: point(t + 1), out: edges, at: point(t) * k, sort: true }),
    (t) => {
      const count = pointGraphEdgesOf(graph, normals, sharedColors, o.colorWeight, o.maxEdgeLength, point(t), point(t + 1), edges, point(t) * k);
      sortEdgeRunByWeight(edges, point(t) * k, point(t) * k + count);
      return count;
    },
  );
  const sorted = mergeSortedEdgeRuns(edges, counts.map((count, t) => ({ from: point(t) * k, count })));
  parallel.onRun?.({ parts: threads, workerFailures: team.failed.size });
  return { graph, normals, edges: sorted, sorted: true };
}

/**
 * The host and its workers on one step: part 0 here, part t on worker t-1. A worker that failed (it
 * died, it could not start) is not asked again; its parts are answered here, with the same result.
 */
class Team {
  readonly failed = new Set<number>();
  constructor(private readonly workers: PooledWorker[]) {}

  async each(request: (part: number) => Request, local: (part: number) => number): Promise<number[]> {
    const runs = this.workers.map((w, i) => (this.failed.has(i) ? Promise.reject(new Error('worker failed before')) : w.run(request(i + 1))));
    const results = [local(0)];
    const settled = await Promise.all(runs.map((r) => r.then((v) => v, () => null)));
    settled.forEach((r, i) => {
      if (r === null) this.failed.add(i);
      results.push(r ?? local(i + 1));
    });
    return results;
  }
}
