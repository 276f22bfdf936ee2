// Tests run the TypeScript sources, but a worker thread needs JavaScript: bundle the generation
// worker fresh (not dist/, which may be stale) into a temp folder. Its packages (zod, immer) are
// bundled in too, since nothing resolves node_modules from the temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerBundle {
  file: string;
  remove(): void;
}

export function bundleGenerateWorker(): WorkerBundle {
  const require = createRequire(import.meta.url);
  const esbuild = join(dirname(require.resolve('esbuild/package.json')), 'bin', 'esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'sw-qa-worker-'));
  const file = join(dir, 'qa-generate-worker.cjs');
  const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'generate-worker.ts');
  const r = spawnSync(
    esbuild,
    [entry, '--bundle', '--platform=node', '--format=cjs', '--log-level=warning', '--define:import.meta.url=__swMetaUrl', "--banner:js=const __swMetaUrl = require('node:url').pathToFileURL(__filename).href;", `--outfile=${file}`],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed on ${entry}: ${r.stderr || r.error?.message}`);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
