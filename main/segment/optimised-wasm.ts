// Our wasm kernels each run a stage as one long call. V8 compiles wasm on its baseline compiler
// (Liftoff) first and swaps optimised code in only for a later call, so the first segmentation of a
// session, and every worker thread's first run, would go unoptimised from start to end (the 250k-
// point segmentation took 3–4 runs to reach its steady time). The kernels are a few KB: compiling
// them optimised up front costs a few ms.
import { setFlagsFromString } from 'node:v8';

/** Runs `instantiate` (a kernel's synchronous compile) with V8's baseline wasm compiler off. */
export function compileOptimised<T>(instantiate: () => T): T {
  // Lazy compilation off too: otherwise V8 compiles each function at its first call, with the
  // flags of that moment. V8 flags are process-wide: both come back at once for any other module
  // (laz-perf's, 200 KB, where Liftoff's fast compile is the better trade).
  setFlagsFromString('--no-liftoff');
  setFlagsFromString('--no-wasm-lazy-compilation');
  try {
    return instantiate();
  } finally {
    setFlagsFromString('--wasm-lazy-compilation');
    setFlagsFromString('--liftoff');
  }
}
