// Tests' whole-output view of the product's windowed LZF decoder (lzfWindow.ts): every flushed
// window copied into one buffer of `outSize` bytes. Errors are the decoder's own (offsets into `bytes`).
import { lzfDecompressWindowed } from './lzfWindow';

export function lzfWhole(bytes: Uint8Array, start: number, end: number, outSize: number, file: string, windowSize?: number): Uint8Array {
  const out = new Uint8Array(outSize);
  lzfDecompressWindowed(bytes, start, end, outSize, file, 0, (w, windowStart, stop) => out.set(w.subarray(0, stop - windowStart), windowStart), windowSize);
  return out;
}
