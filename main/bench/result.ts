// One benchmark or evaluation result, printed as a table row for people and a JSON line for tools.
export interface BenchResult {
  suite: string;
  case: string;
  metric: string;
  ours: number;
  peer: number | null;
  peer_name: string | null;
  unit: string;
  /** How many times better ours is (>1 means we beat the peer), whether lower or higher is better. */
  ratio: number | null;
}

export type Better = 'lower' | 'higher';

export function result(
  suite: string,
  name: string,
  metric: string,
  unit: string,
  ours: number,
  peer: { value: number; name: string; better: Better } | null,
): BenchResult {
  let ratio: number | null = null;
  if (peer && peer.value > 0 && ours > 0) ratio = peer.better === 'lower' ? peer.value / ours : ours / peer.value;
  return { suite, case: name, metric, ours, peer: peer?.value ?? null, peer_name: peer?.name ?? null, unit, ratio };
}

const fmt = (v: number | null) => (v === null ? '-' : Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4));

export function printResults(results: BenchResult[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const rows = results.map((r) => [r.suite, r.case, r.metric, fmt(r.ours), fmt(r.peer), r.peer_name ?? '-', r.unit, r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`]);
  const head = ['suite', 'case', 'metric', 'ours', 'peer', 'peer_name', 'unit', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  out(line(head));
  for (const r of rows) out(line(r));
  for (const r of results) out(JSON.stringify(r));
}

/** Median-of-runs timer: warms up once, then runs until both minRuns and minMs are reached. */
export function timeIt(fn: () => unknown, opts: { minRuns?: number; minMs?: number } = {}): { medianMs: number; runs: number; samples: number[] } {
  const minRuns = opts.minRuns ?? 5;
  const minMs = opts.minMs ?? 300;
  fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (samples.length > 10_000) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, runs: samples.length, samples };
}
