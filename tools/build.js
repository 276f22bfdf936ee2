#!/usr/bin/env node
// Bundles every runnable entry with esbuild. Entries that do not exist yet are skipped, so the
// build works while layers grow. Node bundles keep packages external (they live in node_modules).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWasmKernels } from './build-wasm.js';
import { lintTree } from './lint-imports.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => join(root, p);

// The build refuses a forbidden import (ARCHITECTURE.md layering), not just the lint step.
const problems = lintTree(root);
if (problems.length) {
  console.error(`build: ${problems.length} forbidden import(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

// native/wasm/<name>/index.ts (AssemblyScript) -> dist/wasm/<name>.wasm, before the bundles that load them.
try {
  const kernels = await buildWasmKernels(root);
  if (kernels.length) console.log(`build: wasm ${kernels.join(', ')}`);
} catch (err) {
  console.error(`build: ${err.message}`);
  process.exit(1);
}

const common = {
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  loader: { '.sql': 'text' },
  target: 'es2022',
};

const nodeEntries = [
  ['main/start.ts', 'dist/main/start.js', 'esm'],
  ['main/cli/index.ts', 'dist/main/cli.js', 'esm'],
  // `superpoints` alone, without the rest of the CLI's modules (bin/scenewright.js routes it here).
  ['main/cli/superpoints-main.ts', 'dist/main/superpoints-cli.js', 'esm'],
  ['main/bench/run.ts', 'dist/bench/run.js', 'esm'],
  ['main/eval/run.ts', 'dist/eval/run.js', 'esm'],
  ['main/fuzz/run.ts', 'dist/fuzz/run.js', 'esm'],
  // Scene import runs here, one worker thread per import, off the host's event loop.
  ['main/import/worker.ts', 'dist/main/import-worker.js', 'esm'],
  // `qa generate` over a folder of scenes: one scene per message, one thread per core.
  ['main/qa/generate-worker.ts', 'dist/main/qa-generate-worker.js', 'esm'],
  // Point-cloud superpoints split their neighbour search across cores (main/segment/parallel-knn.ts).
  ['main/segment/knn-worker.ts', 'dist/main/knn-worker.js', 'esm'],
  ['main/electron/main.ts', 'dist/main/electron/main.cjs', 'cjs'],
  ['main/electron/preload.ts', 'dist/main/electron/preload.cjs', 'cjs'],
];

const jobs = [];
for (const [src, out, format] of nodeEntries) {
  if (!existsSync(r(src))) continue;
  jobs.push(
    build({
      ...common,
      entryPoints: [r(src)],
      outfile: r(out),
      platform: 'node',
      format,
      packages: 'external',
      // ESM bundles still meet CommonJS-style code in deps; give them require/__dirname.
      // ESM bundles still meet CommonJS-style code in deps: give them require. CommonJS bundles (Electron)
      // meet import.meta.url in our code: give them a real one.
      banner:
        format === 'esm'
          ? { js: "import { createRequire as __swCreateRequire } from 'node:module'; const require = __swCreateRequire(import.meta.url);" }
          : { js: "const __swMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: format === 'cjs' ? { 'import.meta.url': '__swMetaUrl' } : undefined,
    }),
  );
}

if (existsSync(r('renderer/main.tsx'))) {
  mkdirSync(r('dist/renderer'), { recursive: true });
  jobs.push(
    build({
      ...common,
      entryPoints: [r('renderer/main.tsx')],
      outfile: r('dist/renderer/app.js'),
      platform: 'browser',
      format: 'esm',
      jsx: 'automatic',
      minify: process.env.SW_DEV !== '1',
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
  );
  // The LOD octree is built in a module worker (renderer/viewport/octree-client.ts loads it by this name).
  jobs.push(
    build({
      ...common,
      entryPoints: [r('renderer/viewport/octree-worker.ts')],
      outfile: r('dist/renderer/octree-worker.js'),
      platform: 'browser',
      format: 'esm',
      minify: process.env.SW_DEV !== '1',
    }),
  );
  for (const f of ['index.html', 'styles.css']) {
    if (existsSync(r(`renderer/${f}`))) copyFileSync(r(`renderer/${f}`), r(`dist/renderer/${f}`));
  }
}

const started = Date.now();
await Promise.all(jobs);
console.log(`build: ${jobs.length} bundle(s) in ${Date.now() - started} ms`);
