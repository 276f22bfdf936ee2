// Instantiating one of our WebAssembly kernels (native/wasm/<name>, built into dist/wasm) from its
// bytes. Needs only the WebAssembly global, so it runs in Node and in browsers alike; the host reads
// the bytes and picks the compile flags (main/segment/optimised-wasm.ts).

/** The part of the WebAssembly API used here (app/ is compiled without DOM or Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/**
 * Instantiates the kernel synchronously (each is a few KB). `label` starts every error message;
 * throws when the runtime has no WebAssembly or the module lacks one of `exportNames`.
 */
export function instantiateKernel<T>(label: string, bytes: Uint8Array, exportNames: readonly (keyof T & string)[]): T {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) throw new Error(`${label}: this runtime has no WebAssembly`);
  const abort = (): never => {
    throw new Error(`${label}: the wasm kernel aborted`);
  };
  const { exports } = new api.Instance(new api.Module(bytes), { env: { abort } });
  const found = exports as Record<string, unknown>;
  for (const name of exportNames) {
    if (typeof found[name] !== 'function') throw new Error(`${label}: the wasm module has no export "${name}" (rebuild with npm run build)`);
  }
  return exports as T;
}
