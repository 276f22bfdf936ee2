// `npm run fuzz`: every reader against at least 10,000 mutated and truncated variants of small valid
// seeds (and of real ScanNet files when ../shared/data exists). Each case must return a
// self-consistent result or throw FormatError; anything else, or a case over the time guard, is a
// failure printed with reader, seed and case index. Exits 1 on any failure.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sharedDataDir } from '../launch/paths';
import { parseFuzzArgs, type FuzzArgs } from './args';
import { runCase } from './cases';
import { runTargetLoop } from './harness';
import { realSeeds } from './real-seeds';
import { superviseTarget, type WorkerJob } from './supervise';
import { lazTarget } from './laz-target';
import { fuzzTargets } from './targets';
import type { FuzzSeed, TargetSummary } from './types';

function seedsFrom(dataDir: string | undefined): Record<string, FuzzSeed[]> {
  return dataDir ? realSeeds(dataDir) : {};
}

/** The synchronous table plus the LAZ target, whose decoder loads asynchronously (laz-target.ts). */
const allTargets = async (extra: Record<string, FuzzSeed[]>) => [...fuzzTargets(extra), await lazTarget()];

async function workerMain(job: WorkerJob): Promise<void> {
  const target = (await allTargets(seedsFrom(job.dataDir))).find((t) => t.name === job.target)!;
  const summary = runTargetLoop(target, { cases: job.cases, deadline: performance.now() + job.budgetMs, guardMs: job.guardMs, heartbeat: new Int32Array(job.heartbeat) });
  parentPort!.postMessage(summary);
}

function printSummaries(rows: TargetSummary[], seedCounts: Map<string, number>): void {
  const head = ['reader', 'seeds', 'cases', 'ok', 'FormatError', 'failures', ''];
  const cells = rows.map((r) => [r.reader, String(seedCounts.get(r.reader) ?? 0), String(r.cases), String(r.ok), String(r.formatErrors), String(r.failures.length), r.cutShort ? 'stopped early' : '']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  for (const c of [head, ...cells]) process.stdout.write(`${c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
}

async function main(args: FuzzArgs): Promise<number> {
  const dataDir = args.dataDir ?? sharedDataDir();
  const targets = (await allTargets(seedsFrom(dataDir))).filter((t) => args.readers.length === 0 || args.readers.includes(t.name));
  if (targets.length === 0) throw new Error(`fuzz: no reader named ${args.readers.join(', ')}`);

  if (args.caseIndex !== undefined) {
    for (const t of targets) {
      const r = runCase(t, args.caseIndex);
      process.stdout.write(`${t.name} case ${args.caseIndex} (seed ${r.seed}): ${r.outcome}${r.message ? `: ${r.message}` : ''}\n`);
    }
    return 0;
  }

  const started = performance.now();
  const budgetMs = args.budgetSeconds * 1000;
  const summaries: TargetSummary[] = [];
  for (const [k, t] of targets.entries()) {
    const left = budgetMs - (performance.now() - started);
    const share = Math.max(0, left / (targets.length - k));
    summaries.push(await superviseTarget(new URL(import.meta.url), t, { cases: args.cases, budgetMs: share, guardMs: args.guardMs, dataDir }));
  }
  const seedCounts = new Map(targets.map((t) => [t.name, t.seeds.length]));
  printSummaries(summaries, seedCounts);
  const failures = summaries.flatMap((s) => s.failures);
  for (const f of failures) {
    process.stdout.write(`FAIL ${f.reader} seed "${f.seed}" case ${f.caseIndex}: ${f.message}\n  rerun: npm run fuzz -- --reader ${f.reader} --case ${f.caseIndex}\n`);
  }
  const total = summaries.reduce((s, r) => s + r.cases, 0);
  const short = summaries.filter((s) => s.cases < args.cases).map((s) => s.reader);
  process.stdout.write(
    `fuzz: ${total} cases over ${summaries.length} readers in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failures.length} failure(s)` +
      `${short.length ? `; budget ended before ${args.cases} cases for ${short.join(', ')}` : ''}\n`,
  );
  return failures.length ? 1 : 0;
}

if (!isMainThread && (workerData as WorkerJob | undefined)?.role === 'fuzz-worker') {
  await workerMain(workerData as WorkerJob);
} else {
  try {
    process.exitCode = await main(parseFuzzArgs(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
