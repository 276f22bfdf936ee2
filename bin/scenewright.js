#!/usr/bin/env node
// CLI launcher: builds on first use (npm ci already does, through `prepare`), then runs the bundle.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/main/cli.js');
if (!existsSync(cli)) {
  const r = spawnSync(process.execPath, [join(root, 'tools/build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
