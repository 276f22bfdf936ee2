// Peak memory of a whole import (read, parse, convert, cache write) measured in a fresh child process,
// so the process's RSS high-water mark belongs to that one import: `--import-peak-child <file> <mode>`
// runs it and prints one JSON line. Mode 'streaming' is today's path; 'whole' reads the whole file
// before parsing (the path before chunked parsing, kept as the baseline).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db';
import { importScenePath } from '../../import/import-scene';

export type ImportMode = 'streaming' | 'whole';
export const CHILD_FLAG = '--import-peak-child';

interface ChildResult {
  peakGrowthMb: number;
  fileMb: number;
  seconds: number;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The child's side: import `file` into a throwaway data dir and report the RSS growth. */
export async function importPeakChild(file: string, mode: ImportMode): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-import-peak-'));
  const store = openDatabase(join(dir, 'bench.db'));
  try {
    const before = maxRssMb();
    const t0 = performance.now();
    await importScenePath(file, { dataDir: dir, scenes: store.scenes }, { streaming: mode === 'streaming' });
    const out: ChildResult = { peakGrowthMb: maxRssMb() - before, fileMb: statSync(file).size / 2 ** 20, seconds: (performance.now() - t0) / 1000 };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one import in a child of this bench process (same bundle) and returns what it measured. */
export function measureImportPeak(file: string, mode: ImportMode): ChildResult {
  const r = spawnSync(process.execPath, [process.argv[1]!, 'formats', CHILD_FLAG, file, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{"peakGrowthMb"')) ?? '';
  if (r.status !== 0 || !line) throw new Error(`formats: import-peak child (${mode}) failed: ${r.stderr || r.stdout}`);
  return JSON.parse(line) as ChildResult;
}
