// The k-NN worker bundled from its source into a temporary folder, as tools/build.js bundles it (by
// esbuild's own command line), so worker tests run the source under test and not a stale dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installRoot } from '../../launch/paths';
import { closeKnnWorkers } from '../parallel-knn';

export interface KnnWorkerBundle {
  /** The bundled worker script; empty until setUp() ran. */
  readonly script: string;
  /** The temporary folder holding it (tests may write broken workers beside it). */
  readonly dir: string;
  /** For beforeAll (bundling takes a few seconds: give the hook a 60 s timeout). */
  setUp(): void;
  /** For afterAll: stops the pooled workers and removes the folder. */
  tearDown(): Promise<void>;
}

export function knnWorkerBundle(prefix: string): KnnWorkerBundle {
  let dir = '';
  let script = '';
  return {
    get script() { return script; },
    get dir() { return dir; },
    setUp() {
      dir = mkdtempSync(join(tmpdir(), prefix));
      script = join(dir, 'knn-worker.mjs');
      const source = join(installRoot(), 'main', 'segment', 'knn-worker.ts');
      execFileSync(join(installRoot(), 'node_modules', '.bin', 'esbuild'), [source, '--bundle', '--platform=node', '--format=esm', '--log-level=error', `--outfile=${script}`]);
    },
    async tearDown() {
      await closeKnnWorkers();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
