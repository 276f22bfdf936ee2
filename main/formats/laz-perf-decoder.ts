// The LAZ decoder the host injects into the runtime-neutral LAS reader (app/formats/las/laz.ts):
// laz-perf's WASM build of LASzip, shipped inside the npm package (no download). Its entry loads the
// .wasm through Node's fs, which is why it lives in main/ and not in app/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createLazPerf } from 'laz-perf';
import type { LazChunkReader, LazDecoder, LazPointStream } from '../../app/formats/las/laz';

/** What we use of the module (its own typings need @types/emscripten, which this project does not install). */
export interface LazPerf {
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  stackSave(): number;
  stackRestore(pointer: number): void;
  LASZip: new () => {
    open(pointer: number, length: number): void;
    getPoint(dest: number): void;
    getCount(): number;
    getPointLength(): number;
    getPointFormat(): number;
    delete(): void;
  };
  ChunkDecoder: new () => {
    open(pointFormat: number, recordLength: number, pointer: number): void;
    getPoint(dest: number): void;
    delete(): void;
  };
}

/**
 * Bytes after each chunk in the heap, set to the `guard` value begin() is given. laz-perf's
 * ChunkDecoder takes no length, so a damaged chunk (or a header claiming more points than it holds)
 * reads past the chunk's end: it then reads these rather than stale heap, and yields garbage
 * points, never a crash (lazChunkParser.ts decodes the last chunk over two guards to notice).
 */
const CHUNK_GUARD = 4096;

/** Single chunks through laz-perf's ChunkDecoder: one heap buffer for the compressed bytes, one for a batch of records. */
function chunkReader(L: LazPerf, pointFormat: number, recordLength: number, onTrap: () => void): LazChunkReader {
  let input = 0;
  let inputSize = 0;
  let dest = 0;
  let destSize = 0;
  let decoder: InstanceType<LazPerf['ChunkDecoder']> | undefined;
  let open = true;
  const dropDecoder = () => {
    const d = decoder;
    decoder = undefined;
    d?.delete();
  };
  return {
    begin(compressed, guard = 0) {
      if (!open) throw new Error('the LAZ chunk reader was closed');
      guarded(L, () => {
        dropDecoder();
        const size = compressed.byteLength + CHUNK_GUARD;
        if (size > inputSize) {
          if (input) L._free(input);
          input = L._malloc(size);
          if (!input) throw new Error(`cannot allocate ${size} bytes for a LAZ chunk`);
          inputSize = size;
        }
        L.HEAPU8.set(compressed, input);
        L.HEAPU8.fill(guard, input + compressed.byteLength, input + size);
        decoder = new L.ChunkDecoder();
        decoder.open(pointFormat, recordLength, input);
      }, onTrap);
    },
    read(into, count) {
      const size = count * recordLength;
      const d = decoder;
      if (!d) throw new Error('no LAZ chunk begun');
      guarded(L, () => {
        if (size > destSize) {
          if (dest) L._free(dest);
          dest = L._malloc(size);
          destSize = size;
        }
        for (let i = 0, p = dest; i < count; i++, p += recordLength) d.getPoint(p);
      }, onTrap);
      // The heap may have grown (a new ArrayBuffer): read the view after decoding.
      into.set(L.HEAPU8.subarray(dest, dest + size));
    },
    close() {
      if (!open) return;
      open = false;
      // After a trap on damaged data the module's heap may be inconsistent; freeing is best effort.
      try {
        dropDecoder();
        if (input) L._free(input);
        if (dest) L._free(dest);
      } catch {
        /* nothing left to release safely */
      }
    },
  };
}

let module: Promise<LazPerf> | undefined;

/**
 * laz-perf is built without C++ exception catching: a throw inside it reaches us as a string naming
 * a pointer ("1144720 - Exception catching is disabled…"), with the decoder's own message lost.
 */
function decoderError(e: unknown): Error {
  if (e instanceof Error) return e;
  return new Error(/Exception catching is disabled/.test(String(e)) ? 'laz-perf stopped on data it cannot decode' : String(e));
}

/**
 * Runs `fn` inside the module. A trap (e.g. a read past the heap on damaged data) unwinds without
 * restoring the module's stack pointer, and later calls then fail too: it is put back here, so the
 * decoder stays usable for the next file in the same thread.
 */
function guarded<T>(L: LazPerf, fn: () => T, onTrap?: () => void): T {
  const sp = L.stackSave();
  try {
    return fn();
  } catch (e) {
    L.stackRestore(sp);
    onTrap?.();
    throw decoderError(e);
  }
}

/** The WebAssembly API used here (main/'s compiler settings carry no WebAssembly types). */
type WasmModule = object;
interface WasmInstance {
  exports: object;
}
const Wasm = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<WasmModule>; Instance: new (m: WasmModule, imports: object) => WasmInstance } }).WebAssembly;

let compiled: Promise<WasmModule> | undefined;

/** laz-perf's WASM binary, compiled once per thread (it sits next to the package's Node entry). */
function compiledLazPerf(): Promise<WasmModule> {
  const entry = createRequire(import.meta.url).resolve('laz-perf');
  return (compiled ??= readFile(join(dirname(entry), 'laz-perf.wasm')).then((b) => Wasm.compile(b)));
}

/**
 * A fresh, independent instance of the module, created synchronously from the compiled binary (the
 * Emscripten factory fills the object it is given and runs as soon as instantiation returns).
 */
function instantiate(wasm: WasmModule): LazPerf {
  const m: Record<string, unknown> = {
    instantiateWasm(imports: object, receive: (i: WasmInstance, m: WasmModule) => void) {
      const instance = new Wasm.Instance(wasm, imports);
      receive(instance, wasm);
      return instance.exports;
    },
  };
  // The Emscripten glue adds process-wide error listeners per instance; they would keep every
  // replaced instance (and its heap) alive, so the ones it adds are taken off again.
  const emitter = process as unknown as { listeners(e: string): unknown[]; off(e: string, l: unknown): unknown };
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = events.map((e) => emitter.listeners(e));
  void (createLazPerf as (m: object) => Promise<unknown>)(m);
  events.forEach((e, i) => {
    for (const l of emitter.listeners(e)) if (!before[i]!.includes(l)) emitter.off(e, l);
  });
  if (!m.calledRun) throw new Error('laz-perf did not start synchronously');
  return m as unknown as LazPerf;
}

/** One WASM instance per thread, created on first use (the bench uses it directly as its peer). */
export function lazPerf(): Promise<LazPerf> {
  return (module ??= createLazPerf() as Promise<LazPerf>);
}

/**
 * A decoder over laz-perf's LASZip reader. The file is copied into the WASM heap once (LASZip reads
 * from memory), then records are decoded a batch at a time into the caller's buffer.
 */
export async function lazPerfDecoder(): Promise<LazDecoder> {
  const wasm = await compiledLazPerf();
  let current = instantiate(wasm);
  // Damaged data can make the decoder write through garbage indices into its own heap, so after a
  // trap that instance is dropped (its readers are being closed) and later files get a fresh one.
  const reset = () => {
    current = instantiate(wasm);
  };
  return {
    chunks: (pointFormat, recordLength) => chunkReader(current, pointFormat, recordLength, reset),
    open(bytes: Uint8Array): LazPointStream {
      const L = current;
      const file = L._malloc(bytes.byteLength);
      if (!file) throw new Error(`cannot allocate ${bytes.byteLength} bytes for the LAZ decoder`);
      L.HEAPU8.set(bytes, file);
      const zip = new L.LASZip();
      let dest = 0;
      let destSize = 0;
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        // After a trap on damaged data the module's heap may be inconsistent; freeing is best effort.
        try {
          zip.delete();
          L._free(file);
          if (dest) L._free(dest);
        } catch {
          /* nothing left to release safely */
        }
      };
      let recordLength = 0;
      let pointCount = 0;
      let pointFormat = 0;
      try {
        guarded(L, () => {
          zip.open(file, bytes.byteLength);
          recordLength = zip.getPointLength();
          pointCount = zip.getCount();
          pointFormat = zip.getPointFormat() & 0x3f;
        }, reset);
      } catch (e) {
        close();
        throw e;
      }
      return {
        pointCount,
        recordLength,
        pointFormat,
        read(into, count) {
          const size = count * recordLength;
          if (size > destSize) {
            if (dest) L._free(dest);
            dest = L._malloc(size);
            destSize = size;
          }
          guarded(L, () => {
            for (let i = 0, p = dest; i < count; i++, p += recordLength) zip.getPoint(p);
          }, reset);
          // The heap may have grown (a new ArrayBuffer): read the view after decoding.
          into.set(L.HEAPU8.subarray(dest, dest + size));
        },
        close,
      };
    },
  };
}
