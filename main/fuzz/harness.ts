// The case loop for one target, run inside a worker so the parent can stop a hung reader. Progress
// goes to a shared heartbeat (cases started / finished) the parent watches for a case that never ends.
import { runCase } from './cases';
import type { FuzzTarget, TargetSummary } from './types';

export interface LoopOptions {
  /** Cases to run (indices 0..cases-1). */
  cases: number;
  /** Stop starting cases after this performance.now() time. */
  deadline: number;
  /** A case that finishes but took longer than this is a failure too (a near-hang). */
  guardMs: number;
  /** [0] cases started, [1] cases finished; written with Atomics for the watching thread. */
  heartbeat?: Int32Array;
}

export const HEARTBEAT_STARTED = 0;
export const HEARTBEAT_FINISHED = 1;

export function runTargetLoop(target: FuzzTarget, o: LoopOptions): TargetSummary {
  const summary: TargetSummary = { reader: target.name, cases: 0, ok: 0, formatErrors: 0, failures: [], cutShort: false };
  for (let i = 0; i < o.cases; i++) {
    if (performance.now() > o.deadline) {
      summary.cutShort = true;
      break;
    }
    if (o.heartbeat) Atomics.store(o.heartbeat, HEARTBEAT_STARTED, i + 1);
    const t0 = performance.now();
    const r = runCase(target, i);
    const ms = performance.now() - t0;
    if (o.heartbeat) Atomics.store(o.heartbeat, HEARTBEAT_FINISHED, i + 1);
    summary.cases++;
    if (ms > o.guardMs) {
      summary.failures.push({ reader: target.name, seed: r.seed, caseIndex: i, message: `took ${ms.toFixed(0)} ms, over the ${o.guardMs} ms guard` });
    } else if (r.outcome === 'ok') summary.ok++;
    else if (r.outcome === 'format-error') summary.formatErrors++;
    else summary.failures.push({ reader: target.name, seed: r.seed, caseIndex: i, message: r.message ?? 'failed' });
  }
  return summary;
}
