#!/usr/bin/env node
// CLI launcher: builds on first use (npm ci already does, through `prepare`), then runs the bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// `superpoints` has a bundle of its own: loading the whole CLI would cost more than the command's work.
const lean = args[0] === 'superpoints' && !args.includes('--help') && !args.includes('-h');
const cli = join(root, lean ? 'dist/main/superpoints-cli.js' : 'dist/main/cli.js');
if (!existsSync(cli)) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [join(root, 'tools/build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(lean ? args.slice(1) : args);
