// `npm run fuzz -- [--budget-seconds N] [--cases N] [--reader a,b] [--case i] [--guard-ms N] [--data dir]`
export interface FuzzArgs {
  /** Bound on the whole run; each reader gets an equal share of what is left. */
  budgetSeconds: number;
  /** Cases per reader. */
  cases: number;
  /** Only these readers (all when empty). */
  readers: string[];
  /** Run this one case of each chosen reader and print it (to reproduce a failure). */
  caseIndex?: number;
  /** A case running longer than this is a failure; one that never returns is stopped after it. */
  guardMs: number;
  /** The shared data folder with real scans; absent or missing folder: synthetic seeds only. */
  dataDir?: string;
}

export function parseFuzzArgs(argv: string[]): FuzzArgs {
  const a: FuzzArgs = { budgetSeconds: 600, cases: 10_000, readers: [], guardMs: 2000 };
  const num = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`fuzz: ${flag} needs a non-negative number, found ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const v = argv[i + 1];
    if (flag === '--budget-seconds') a.budgetSeconds = num(flag, v);
    else if (flag === '--cases') a.cases = Math.floor(num(flag, v));
    else if (flag === '--guard-ms') a.guardMs = num(flag, v);
    else if (flag === '--case') a.caseIndex = Math.floor(num(flag, v));
    else if (flag === '--reader') a.readers.push(...(v ?? '').split(',').filter(Boolean));
    else if (flag === '--data') a.dataDir = v;
    else throw new Error(`fuzz: unknown flag ${flag}`);
    i++;
  }
  return a;
}
