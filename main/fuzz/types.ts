// The fuzz harness's vocabulary: a target is one reader with its seeds; a case is one mutated
// seed through that reader, identified by (reader, seed, case index) so it can be run again alone.

/** A valid input: one file, or several (folder readers) keyed by the names the reader sees. */
export interface FuzzSeed {
  name: string;
  files: Record<string, Uint8Array>;
}

export interface FuzzTarget {
  /** Reader name as printed in the summary, e.g. "ply-binary". */
  name: string;
  seeds: FuzzSeed[];
  /** Runs the reader; throws a plain Error when what it returned is not self-consistent. */
  run(files: Record<string, Uint8Array>, seed: FuzzSeed): void;
}

export type CaseOutcome = 'ok' | 'format-error' | 'failure';

export interface FuzzFailure {
  reader: string;
  seed: string;
  caseIndex: number;
  message: string;
}

export interface TargetSummary {
  reader: string;
  cases: number;
  ok: number;
  formatErrors: number;
  failures: FuzzFailure[];
  /** True when the time budget ended the target before its case count. */
  cutShort: boolean;
}
