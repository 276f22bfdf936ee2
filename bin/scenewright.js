#!/usr/bin/env -S NODE_EXTRA_CA_CERTS= node
// CLI launcher: builds on first use (npm ci already does, through `prepare`), then runs the bundle.
// The shebang empties NODE_EXTRA_CA_CERTS: Node 20 builds its whole certificate store at start-up
// when that variable names a file (nodejs/node#40524; ~70 ms of the 2-core machine here, more than
// `superpoints` spends on scene0000_00), and no scenewright command opens a TLS connection.
// `node bin/scenewright.js …` still works, with the variable as the shell has it.
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
