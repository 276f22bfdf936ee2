// For tests that need the real code in a separate process (crash and locking tests): bundles one
// entry with the project's esbuild into a CommonJS file in a temp folder and says how to run it.
// The esbuild binary is run rather than imported, so no layer takes a dependency on it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface BundledScript {
  /** The bundle; run it with `process.execPath` and `env`. */
  file: string;
  /** The environment the bundle needs to find the project's packages (kept external). */
  env: NodeJS.ProcessEnv;
}

/**
 * `inside`: the folder to put the bundle under (default: the OS temp folder). Worker threads do not
 * read NODE_PATH, so a bundle run as a worker must sit where its packages resolve (under the project).
 */
export function bundleScript(entry: string, options: { inside?: string } = {}): BundledScript {
  const require = createRequire(import.meta.url);
  const esbuildDir = dirname(require.resolve('esbuild/package.json'));
  const nodeModules = dirname(esbuildDir);
  if (options.inside) mkdirSync(options.inside, { recursive: true });
  const file = join(mkdtempSync(join(options.inside ?? tmpdir(), 'sw-bundle-')), 'script.cjs');
  const r = spawnSync(
    join(esbuildDir, 'bin', 'esbuild'),
    [
      entry,
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--packages=external',
      '--loader:.sql=text',
      '--log-level=warning',
      // Code that reads import.meta.url gets the bundle's own URL, as in tools/build.js.
      '--define:import.meta.url=__swMetaUrl',
      "--banner:js=const __swMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      `--outfile=${file}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed on ${entry}: ${r.stderr || r.error?.message}`);
  return { file, env: { ...process.env, NODE_PATH: nodeModules } };
}
