// The k-NN graph of a point cloud on several cores: the host plans the grid (app/segment/knn.ts) in
// SharedArrayBuffers, cuts its cells into runs of about equal point counts, answers the first run
// itself and hands the others to worker threads that write their rows of the same shared graph.
// Every query is independent of the others, so the graph is byte for byte the single-thread one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { emptyKnnGraph, planKnn, splitCells, type BufferAlloc, type KnnGraph } from '../../app/segment/knn';
import { installRoot } from '../launch/paths';
import { knnCellsWith, knnGraphWith, knnKernelFile, type KnnImplementation } from './knn-kernel';
import type { KnnReply, KnnRequest, WorkerRequest } from './knn-worker-protocol';

/** Below this many points a worker's start and hand-off cost more than half the search. */
export const PARALLEL_KNN_MIN_POINTS = 20_000;

export interface ParallelKnnOptions {
  /** Threads in all, the host's included; default: the cores available, at most 4. */
  threads?: number;
  /** The bundled worker; default dist/main/knn-worker.js. Missing: the host answers alone. */
  script?: string;
  /** Smallest cloud worth splitting; default PARALLEL_KNN_MIN_POINTS. */
  minPoints?: number;
  /** How the search ran: runs of cells, and those a failed worker left to the host. */
  onRun?(run: { parts: number; workerFailures: number }): void;
  /** The queries on the WebAssembly kernel or the JS; default: the kernel when it is built (same rows). */
  implementation?: KnnImplementation;
}

/** The bundled worker beside the other host bundles (tools/build.js writes it), or null when absent. */
export function defaultKnnWorkerScript(): string | null {
  const file = join(installRoot(), 'dist', 'main', 'knn-worker.js').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  return existsSync(file) ? file : null;
}

/** Buffers that worker threads share (a request carries views on them, never copies). */
export const shared: BufferAlloc = (bytes) => new SharedArrayBuffer(bytes);

/** Same answer as knnGraph(positions, k), computed on up to `threads` threads. */
export async function parallelKnnGraph(positions: Float32Array, k: number, options: ParallelKnnOptions = {}): Promise<KnnGraph> {
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(4, availableParallelism())));
  const n = Math.floor(positions.length / 3);
  const script = options.script ?? defaultKnnWorkerScript();
  const kernelFile = knnKernelFile(options.implementation);
  if (threads < 2 || n < (options.minPoints ?? PARALLEL_KNN_MIN_POINTS) || !script) {
    options.onRun?.({ parts: 1, workerFailures: 0 });
    return knnGraphWith(kernelFile, positions, k);
  }

  const sharedPositions = new Float32Array(shared(positions.byteLength));
  sharedPositions.set(positions);
  const plan = planKnn(sharedPositions, k, shared);
  const out = emptyKnnGraph(n, k, shared);
  const cuts = splitCells(plan, threads);
  const pool = knnWorkers(script, threads - 1);
  const runs = pool.map((w, t) => w.run({ plan, positions: sharedPositions, out, cellFrom: cuts[t + 1]!, cellTo: cuts[t + 2]!, ...(kernelFile ? { kernelFile } : {}) } satisfies Omit<KnnRequest, 'id'>));
  knnCellsWith(kernelFile, plan, sharedPositions, out, cuts[0]!, cuts[1]!);
  const failed = await Promise.all(runs.map((r) => r.then(() => null, (err: unknown) => err)));
  // A worker that failed (it died, it could not start): its cells are answered here, same result.
  failed.forEach((err, t) => {
    if (err) knnCellsWith(kernelFile, plan, sharedPositions, out, cuts[t + 1]!, cuts[t + 2]!);
  });
  options.onRun?.({ parts: threads, workerFailures: failed.filter(Boolean).length });
  return out;
}

export interface PooledWorker {
  /** Answers the edge count of an edges request, 0 for a k-NN one. */
  run(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<number>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Workers live between runs (starting one costs tens of milliseconds) and do not keep the process alive. */
const pools = new Map<string, KnnWorker[]>();

/** `count` running workers of `script`, started on first use and kept for later runs. */
export function knnWorkers(script: string, count: number): PooledWorker[] {
  let pool = pools.get(script);
  if (!pool) pools.set(script, (pool = []));
  const alive = pool.filter((w) => !w.dead);
  while (alive.length < count) alive.push(new KnnWorker(script));
  pools.set(script, alive);
  return alive.slice(0, count);
}

/** Ends the pooled workers (tests; a host shutting down need not: they are unref'd). */
export async function closeKnnWorkers(): Promise<void> {
  const all = [...pools.values()].flat();
  pools.clear();
  await Promise.all(all.map((w) => w.close()));
}

class KnnWorker implements PooledWorker {
  dead = false;
  private readonly thread: Worker | null = null;
  private readonly pending = new Map<number, { resolve(count: number): void; reject(e: Error): void }>();
  private nextId = 1;
  private startError: Error | null = null;

  constructor(script: string) {
    try {
      this.thread = new Worker(script);
    } catch (err) {
      this.dead = true;
      this.startError = err instanceof Error ? err : new Error(String(err));
      return;
    }
    this.thread.unref();
    this.thread.on('message', (reply: KnnReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.thread?.unref();
      if (reply.ok) p.resolve(reply.count);
      else p.reject(new Error(`k-NN worker: ${reply.message}`));
    });
    const fail = (e: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.thread.on('error', fail);
    this.thread.on('exit', (code) => fail(new Error(`k-NN worker exited (code ${code})`)));
  }

  run(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<number> {
    const thread = this.thread;
    if (this.dead || !thread) return Promise.reject(this.startError ?? new Error('k-NN worker is not running'));
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.thread?.terminate();
  }
}
