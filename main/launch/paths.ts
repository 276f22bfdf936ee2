// Install-relative paths. The same code runs from source (Vitest) and from the bundles in dist/main,
// so the install root is found by walking up to our package.json instead of counting "..".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function installRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'scenewright') return (root = dir);
      } catch {
        // Unreadable package.json: keep walking.
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the scenewright install root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The built renderer the web bridge serves. */
export const rendererDir = () => join(installRoot(), 'dist', 'renderer');
/** A WebAssembly kernel built by tools/build-wasm.js from native/wasm/<name>/index.ts. */
export const wasmKernelPath = (name: string) => join(installRoot(), 'dist', 'wasm', `${name}.wasm`);
/** The Electron main bundle. */
export const electronMain = () => join(installRoot(), 'dist', 'main', 'electron', 'main.cjs');

/** Real test data lives beside the repository (../shared/data); SCENEWRIGHT_SHARED_DATA overrides it. */
export const sharedDataDir = () => process.env.SCENEWRIGHT_SHARED_DATA ?? join(installRoot(), '..', 'shared', 'data');
