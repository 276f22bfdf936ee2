// The LAZ decoder the host injects into the runtime-neutral LAS reader (app/formats/las/laz.ts):
// laz-perf's WASM build of LASzip, shipped inside the npm package (no download). Its entry loads the
// .wasm through Node's fs, which is why it lives in main/ and not in app/.
import { createLazPerf } from 'laz-perf';
import type { LazDecoder, LazPointStream } from '../../app/formats/las/laz';

/** What we use of the module (its own typings need @types/emscripten, which this project does not install). */
export interface LazPerf {
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  LASZip: new () => {
    open(pointer: number, length: number): void;
    getPoint(dest: number): void;
    getCount(): number;
    getPointLength(): number;
    getPointFormat(): number;
    delete(): void;
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

/** One WASM instance per thread, created on first use (the bench uses it directly as its peer). */
export function lazPerf(): Promise<LazPerf> {
  return (module ??= createLazPerf() as Promise<LazPerf>);
}

/**
 * A decoder over laz-perf's LASZip reader. The file is copied into the WASM heap once (LASZip reads
 * from memory), then records are decoded a batch at a time into the caller's buffer.
 */
export async function lazPerfDecoder(): Promise<LazDecoder> {
  const L = await lazPerf();
  return {
    open(bytes: Uint8Array): LazPointStream {
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
      let recordLength: number;
      let pointCount: number;
      let pointFormat: number;
      try {
        zip.open(file, bytes.byteLength);
        recordLength = zip.getPointLength();
        pointCount = zip.getCount();
        pointFormat = zip.getPointFormat() & 0x3f;
      } catch (e) {
        close();
        throw decoderError(e);
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
          try {
            for (let i = 0, p = dest; i < count; i++, p += recordLength) zip.getPoint(p);
          } catch (e) {
            throw decoderError(e);
          }
          // The heap may have grown (a new ArrayBuffer): read the view after decoding.
          into.set(L.HEAPU8.subarray(dest, dest + size));
        },
        close,
      };
    },
  };
}
