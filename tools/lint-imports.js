#!/usr/bin/env node
// Fails the build on an import that breaks the layering in ARCHITECTURE.md.
// Scans import/export-from/dynamic import()/require() specifiers in every TS source of each layer.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYER_IMPORTS, LAYER_PACKAGES, NODE_ALLOWED, NODE_BUILTINS, PACKAGE_OWNERS } from './layers.js';

const SPEC_RE = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,$]*\s*from\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

export function importsOf(source) {
  const out = [];
  const text = stripComments(source);
  for (const m of text.matchAll(SPEC_RE)) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ spec: m[1], line });
  }
  return out;
}

const isTest = (file) => /\.(test|bench)\.tsx?$/.test(file);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Returns human-readable violations for one file (path relative to root, posix separators). */
export function checkFile(relPath, source) {
  const layer = relPath.split('/')[0];
  if (!(layer in LAYER_IMPORTS)) return [];
  const test = isTest(relPath);
  const problems = [];
  for (const { spec, line } of importsOf(source)) {
    const where = `${relPath}:${line}`;
    if (spec.startsWith('.')) {
      const target = relative('.', join(dirname(relPath), spec)).split(sep).join('/');
      if (target.startsWith('..')) {
        problems.push(`${where}: import "${spec}" leaves the repository`);
        continue;
      }
      const targetLayer = target.split('/')[0];
      if (targetLayer === layer) continue;
      const allowed = LAYER_IMPORTS[layer].some((l) => target === l || target.startsWith(`${l}/`));
      // Tests may reach their own layer's fixtures and lower layers only, like production code.
      if (!allowed) problems.push(`${where}: layer ${layer}/ may not import ${target} (allowed: ${LAYER_IMPORTS[layer].join(', ') || 'nothing of ours'})`);
      continue;
    }
    if (NODE_BUILTINS.has(spec) || spec.startsWith('node:')) {
      if (!NODE_ALLOWED[layer] && !test) problems.push(`${where}: ${layer}/ is runtime-neutral and may not import Node's "${spec}"`);
      continue;
    }
    const pkg = packageName(spec);
    const owner = PACKAGE_OWNERS[pkg];
    if (owner && !relPath.startsWith(owner)) {
      problems.push(`${where}: only ${owner} may import "${pkg}"`);
      continue;
    }
    if (test && (pkg === 'vitest' || pkg === 'js-yaml')) continue;
    const allowedPkgs = LAYER_PACKAGES[layer];
    if (allowedPkgs && !allowedPkgs.includes(pkg) && !(test && layer !== 'app' && pkg === 'three')) {
      problems.push(`${where}: ${layer}/ may not import package "${pkg}" (allowed: ${allowedPkgs.join(', ')})`);
    }
  }
  return problems;
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

export function lintTree(root) {
  const problems = [];
  for (const layer of Object.keys(LAYER_IMPORTS)) {
    let files;
    try {
      files = [...walk(join(root, layer))];
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = relative(root, file).split(sep).join('/');
      problems.push(...checkFile(rel, readFileSync(file, 'utf8')));
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = lintTree(root);
  if (problems.length) {
    console.error(`lint-imports: ${problems.length} forbidden import(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('lint-imports: layering ok');
}
