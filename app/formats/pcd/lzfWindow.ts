// LZF decompression through a bounded window: LZF back-references reach at most 8 KB back, so the
// output never has to exist whole. The window is handed to `flush` each time it fills (and at the
// end); its last 8 KB are then kept for later references. Used for DATA binary_compressed, whose
// field-major output is converted column by column as it appears (pcd/compressedSink.ts) instead
// of being decompressed into a second full-size buffer first.
import { FormatError } from '../errors';

/** Farthest an LZF back-reference reaches: 13 distance bits, plus one. */
export const LZF_MAX_DISTANCE = 8192;
const WINDOW = 1 << 20;

/**
 * Called with the window and the range of stream positions it holds: window[0] is stream byte
 * `windowStart`, and bytes up to stream position `end` are written. After the call only the last
 * 8 KB stay (at the window's start), so the callee takes every whole value that ends by `end`.
 */
export type LzfFlush = (window: Uint8Array, windowStart: number, end: number) => void;

/**
 * Decompresses src[start, end) (exactly `outSize` bytes out). Errors name `file` at `base + i` for
 * src index i, so offsets are file positions when `base` is where src sits in the file.
 */
export function lzfDecompressWindowed(src: Uint8Array, start: number, end: number, outSize: number, file: string, base: number, flush: LzfFlush, windowSize = WINDOW): void {
  const size = Math.max(windowSize, 2 * LZF_MAX_DISTANCE + 264);
  const out = new Uint8Array(Math.min(size, outSize + 1));
  let ip = start;
  let op = 0; // write position in the window
  let shift = 0; // stream position of out[0]
  const fail = (at: number, expected: string): never => {
    throw new FormatError({ file, offset: base + at, expected: `a valid LZF stream: ${expected}` });
  };
  /** Makes room for `len` more bytes: hands over the window and keeps its last 8 KB. */
  const room = (len: number) => {
    if (op + len <= out.length) return;
    flush(out, shift, shift + op);
    const keep = Math.min(op, LZF_MAX_DISTANCE);
    out.copyWithin(0, op - keep, op);
    shift += op - keep;
    op = keep;
  };
  while (ip < end) {
    const at = ip;
    const ctrl = src[ip++]!;
    if (ctrl < 32) {
      const len = ctrl + 1;
      if (ip + len > end) fail(at, `a literal run of ${len} bytes, the compressed data ends after ${end - ip}`);
      if (shift + op + len > outSize) fail(at, `at most ${outSize} decompressed bytes, a literal run overflows them`);
      room(len);
      for (let k = 0; k < len; k++) out[op + k] = src[ip + k]!;
      ip += len;
      op += len;
      continue;
    }
    let len = ctrl >> 5;
    if (len === 7) {
      if (ip >= end) fail(at, 'a length byte after the back-reference, the compressed data ends');
      len += src[ip++]!;
    }
    if (ip >= end) fail(at, 'a distance byte after the back-reference, the compressed data ends');
    const distance = ((ctrl & 0x1f) << 8) + src[ip++]! + 1;
    len += 2;
    const written = shift + op;
    if (distance > written) fail(at, `a back-reference into the ${written} bytes written so far, it points ${distance - written} bytes before them`);
    if (written + len > outSize) fail(at, `at most ${outSize} decompressed bytes, a back-reference overflows them`);
    room(len);
    const ref = op - distance;
    if (len >= 16 && distance >= len) out.copyWithin(op, ref, ref + len);
    else for (let k = 0; k < len; k++) out[op + k] = out[ref + k]!;
    op += len;
  }
  if (shift + op !== outSize) fail(end, `${outSize} decompressed bytes, the stream yields ${shift + op}`);
  flush(out, shift, shift + op);
}
