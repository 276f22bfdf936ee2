// The native/wasm/<name>/index.ts → dist/wasm/<name>.wasm convention, on a throwaway root with a real
// AssemblyScript compile: builds, skips when up to date, rebuilds on change, fails with asc's message.
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (tools/ is JavaScript)
import { buildWasmKernels } from './build-wasm.js';

const build = buildWasmKernels as (root: string) => Promise<string[]>;

describe('buildWasmKernels', () => {
  it('compiles each kernel folder once, again only when a source changes, and reports compile errors', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sw-wasm-build-'));
    expect(await build(root)).toEqual([]); // no native/wasm at all
    const dir = join(root, 'native/wasm/add');
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(root, 'native/wasm/notes')); // a folder without index.ts is not a kernel
    writeFileSync(join(dir, 'index.ts'), 'export function add(a: i32, b: i32): i32 { return a + b; }\n');

    expect(await build(root)).toEqual(['add']);
    const out = join(root, 'dist/wasm/add.wasm');
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(out)), {});
    expect((exports as { add(a: number, b: number): number }).add(2, 40)).toBe(42);
    expect(await build(root)).toEqual([]);

    // A helper file newer than the output also counts.
    writeFileSync(join(dir, 'util.ts'), 'export const TWO: i32 = 2;\n');
    const later = new Date(statSync(out).mtimeMs + 5000);
    utimesSync(join(dir, 'util.ts'), later, later);
    expect(await build(root)).toEqual(['add']);

    writeFileSync(join(dir, 'index.ts'), 'export function add(a: i32): i32 { return a + missing; }\n');
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'index.ts'), future, future);
    await expect(build(root)).rejects.toThrow(/native\/wasm\/add\/index\.ts failed to compile:[\s\S]*missing/);
  });
});
