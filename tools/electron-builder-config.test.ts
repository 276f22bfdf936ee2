// Packaging checks that need no Electron binary: electron-builder.yml is valid for the installed
// electron-builder, every native addon in the shipped dependency tree is unpacked from the asar,
// and the preload bundle needs no package a sandbox could not give it.
import Ajv from 'ajv';
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, matchesGlob, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// js-yaml ships no types; this is the one function used.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface PackageJson {
  name?: string;
  main?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface BuilderConfig {
  appId?: string;
  productName?: string;
  electronVersion?: string;
  directories?: { output?: string };
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  extraMetadata?: { main?: string };
  linux?: { target?: (string | { target: string })[]; category?: string; maintainer?: string };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const posix = (p: string) => p.split(sep).join('/');

const rootPackage = readJson<PackageJson>(join(root, 'package.json'));
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** Node's lookup: `<dir>/node_modules/<name>` from `fromDir` up to the repository root. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Every installed package the app ships: production dependencies and theirs, transitively. */
function shippedPackageDirs(): string[] {
  const seen = new Set<string>();
  const queue: [string, string][] = [];
  const enqueue = (pkg: PackageJson, from: string) => {
    for (const deps of [pkg.dependencies, pkg.optionalDependencies, pkg.peerDependencies]) {
      for (const name of Object.keys(deps ?? {})) queue.push([name, from]);
    }
  };
  enqueue(rootPackage, root);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = resolvePackageDir(next[0], next[1]);
    // Optional or peer dependencies that are not installed ship nothing.
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    enqueue(readJson<PackageJson>(join(dir, 'package.json')), dir);
  }
  return [...seen];
}

/** A package's native addon files (`binding.gyp`, `*.node`), not descending into nested packages. */
function nativeFilesOf(packageDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(p);
      } else if (entry.name === 'binding.gyp' || entry.name.endsWith('.node')) {
        found.push(posix(relative(root, p)));
      }
    }
  };
  walk(packageDir);
  return found;
}

const linuxTargets = (config.linux?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it("is valid against the installed electron-builder's own schema", () => {
    const schema = readJson<object>(join(root, 'node_modules/app-builder-lib/scheme.json'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and starts the Electron bundle that tools/build.js writes', () => {
    expect(config.appId).toBe('com.scenewright.app');
    expect(config.productName).toBe('Scenewright');
    expect(config.directories?.output).toBe('release/');
    expect(config.extraMetadata?.main).toBe('dist/main/electron/main.cjs');
    expect(config.extraMetadata?.main).toBe(rootPackage.main);
    const files = config.files ?? [];
    const included = (p: string) => files.some((g) => !g.startsWith('!') && matchesGlob(p, g)) && !files.some((g) => g.startsWith('!') && matchesGlob(p, g.slice(1)));
    for (const bundle of ['dist/main/electron/main.cjs', 'dist/main/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(included(bundle), bundle).toBe(true);
    }
    expect(included('node_modules/electron/dist/electron')).toBe(false);
  });

  it('pins the Electron version that package.json asks for', () => {
    expect(config.electronVersion).toBe(rootPackage.optionalDependencies?.electron);
  });

  it('builds AppImage and deb for Linux with a maintainer', () => {
    expect(linuxTargets).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.category).toBe('Graphics');
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('packs into an asar and rebuilds native modules for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks every native addon found in the shipped dependency tree', () => {
    const nativeFiles = shippedPackageDirs().flatMap(nativeFilesOf);
    // Guards against a discovery that silently finds nothing: db/ cannot work without this one.
    expect(nativeFiles).toContain('node_modules/better-sqlite3/binding.gyp');
    const unpack = config.asarUnpack ?? [];
    const packed = nativeFiles.filter((f) => !unpack.some((glob) => matchesGlob(f, glob)));
    expect(packed).toEqual([]);
  });
});

describe('preload bundle', () => {
  it('requires nothing but electron, as a sandboxed preload must', async () => {
    // Same rule as tools/build.js (packages external), so any package the preload pulls in shows up here.
    const result = await build({
      entryPoints: [join(root, 'main/electron/preload.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
    });
    const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(externals).toEqual(['electron']);
  });
});
