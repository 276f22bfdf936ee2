#!/usr/bin/env node
// Type-checks each layer under its own tsconfig (app/ with no DOM and no Node types, renderer/ with
// DOM and no Node), then the tests. A layer that reaches for a forbidden global fails here.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const projects = ['app', 'db', 'main', 'renderer', 'e2e', 'native-models'].map((l) => `${l}/tsconfig.json`);
projects.push('tsconfig.tests.json');

const hasSources = (dir) =>
  existsSync(dir) &&
  readdirSync(dir, { recursive: true }).some((f) => /\.tsx?$/.test(String(f)) && !String(f).endsWith('.d.ts') && !String(f).includes('node_modules'));

let failed = 0;
for (const project of projects) {
  const p = join(root, project);
  if (!existsSync(p)) continue;
  if (project !== 'tsconfig.tests.json' && !hasSources(dirname(p))) continue;
  const r = spawnSync(process.execPath, [tsc, '-p', p], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    failed++;
    console.error(`typecheck: ${project} failed`);
  }
}
if (failed) process.exit(1);
console.log(`typecheck: ${projects.length} project(s) ok`);
