// Compiles our own WebAssembly kernels. Convention: every `native/wasm/<name>/index.ts` (AssemblyScript,
// not TypeScript: it is outside every tsconfig project and the import lint) becomes
// `dist/wasm/<name>.wasm`. One set of flags for all kernels: optimized, no GC runtime (kernels use flat
// arrays in linear memory they grow themselves), no assertions. A kernel is rebuilt only when a file in
// its folder, or this script, is newer than its .wasm. A compile error fails the build with asc's message.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const FLAGS = ['-O3', '--runtime', 'stub', '--noAssert'];

const newestMtime = (dir) =>
  Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, String(f))).mtimeMs));

/** Builds stale kernels under root; returns the names built. Throws with the compiler's output on error. */
export async function buildWasmKernels(root) {
  const srcRoot = join(root, 'native/wasm');
  if (!existsSync(srcRoot)) return [];
  const kernels = readdirSync(srcRoot).filter((n) => existsSync(join(srcRoot, n, 'index.ts')));
  const self = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const built = [];
  for (const name of kernels) {
    const out = join(root, 'dist/wasm', `${name}.wasm`);
    const srcTime = Math.max(self, newestMtime(join(srcRoot, name)));
    if (existsSync(out) && statSync(out).mtimeMs >= srcTime) continue;
    mkdirSync(join(root, 'dist/wasm'), { recursive: true });
    // Loaded only when a kernel needs compiling, so an up-to-date build does not pay for the compiler.
    const { default: asc } = await import('assemblyscript/asc');
    const entry = relative(root, join(srcRoot, name, 'index.ts'));
    let messages = '';
    const sink = { write: (s) => { messages += String(s); return true; } };
    const args = [entry, '--outFile', relative(root, out), ...FLAGS, '--baseDir', root];
    const { error } = await asc.main(args, { stdout: sink, stderr: sink });
    if (error) throw new Error(`wasm kernel ${entry} failed to compile:\n${messages || error.message}`);
    built.push(name);
  }
  return built;
}
