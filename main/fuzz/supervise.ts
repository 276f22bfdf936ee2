// Runs one target's loop in a worker thread and watches its heartbeat: a case still running after
// the guard is a hang, so the worker is terminated and the case reported by reader, seed and index.
import { Worker } from 'node:worker_threads';
import { caseInput } from './cases';
import { HEARTBEAT_FINISHED, HEARTBEAT_STARTED } from './harness';
import type { FuzzTarget, TargetSummary } from './types';

export interface WorkerJob {
  role: 'fuzz-worker';
  target: string;
  cases: number;
  /** Milliseconds the worker may spend starting cases. */
  budgetMs: number;
  guardMs: number;
  dataDir?: string;
  heartbeat: SharedArrayBuffer;
}

const POLL_MS = 100;

export function superviseTarget(script: URL, target: FuzzTarget, job: Omit<WorkerJob, 'role' | 'heartbeat' | 'target'>): Promise<TargetSummary> {
  const heartbeat = new SharedArrayBuffer(8);
  const beats = new Int32Array(heartbeat);
  const data: WorkerJob = { role: 'fuzz-worker', target: target.name, heartbeat, ...job };
  const worker = new Worker(script, { workerData: data });
  return new Promise((resolve) => {
    let settled = false;
    let lastStarted = -1;
    let since = performance.now();
    const finish = (s: TargetSummary) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      resolve(s);
    };
    const failed = (caseIndex: number, message: string): TargetSummary => {
      const seed = caseIndex >= 0 ? caseInput(target, caseIndex) : undefined;
      const cases = Atomics.load(beats, HEARTBEAT_FINISHED);
      return {
        reader: target.name,
        cases,
        ok: 0,
        formatErrors: 0,
        failures: [{ reader: target.name, seed: seed ? `${seed.seed.name} (${seed.mutated} mutated)` : '-', caseIndex, message }],
        cutShort: true,
      };
    };
    const timer = setInterval(() => {
      const started = Atomics.load(beats, HEARTBEAT_STARTED);
      const done = Atomics.load(beats, HEARTBEAT_FINISHED);
      if (started !== lastStarted) (lastStarted = started), (since = performance.now());
      else if (started > done && performance.now() - since > job.guardMs) {
        // A worker blocked in a synchronous loop only stops by termination.
        void worker.terminate();
        finish(failed(started - 1, `still running after ${job.guardMs} ms: a hang (worker terminated)`));
      }
    }, POLL_MS);
    worker.once('message', (s: TargetSummary) => finish(s));
    worker.once('error', (e) => finish(failed(Atomics.load(beats, HEARTBEAT_STARTED) - 1, `worker crashed: ${e instanceof Error ? e.message : String(e)}`)));
    worker.once('exit', (code) => finish(failed(-1, `worker exited with code ${code} before reporting`)));
  });
}
