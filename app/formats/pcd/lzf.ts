// LZF decompression (the liblzf stream format PCL uses for DATA binary_compressed).
// Each control byte c either starts a literal run (c < 32: the next c+1 bytes are copied) or a
// back-reference (length c>>5, 7 meaning "add the next byte"; distance from the low 5 bits and the
// next byte), copying length+2 bytes from earlier output; the copy may overlap itself.
import { FormatError } from '../errors';

/**
 * Decompresses bytes[start, end) into exactly `outSize` bytes. `file` names the file in errors,
 * whose offsets are positions in `bytes` (so the caller passes the whole file).
 */
export function lzfDecompress(bytes: Uint8Array, start: number, end: number, outSize: number, file: string): Uint8Array {
  const out = new Uint8Array(outSize);
  let ip = start;
  let op = 0;
  const fail = (at: number, expected: string): never => {
    throw new FormatError({ file, offset: at, expected: `a valid LZF stream: ${expected}` });
  };
  while (ip < end) {
    const at = ip;
    const ctrl = bytes[ip++]!;
    if (ctrl < 32) {
      const len = ctrl + 1;
      if (ip + len > end) fail(at, `a literal run of ${len} bytes, the compressed data ends after ${end - ip}`);
      if (op + len > outSize) fail(at, `at most ${outSize} decompressed bytes, a literal run overflows them`);
      // At most 32 bytes: a loop beats allocating a subarray view per run.
      for (let k = 0; k < len; k++) out[op + k] = bytes[ip + k]!;
      ip += len;
      op += len;
      continue;
    }
    let len = ctrl >> 5;
    if (len === 7) {
      if (ip >= end) fail(at, 'a length byte after the back-reference, the compressed data ends');
      len += bytes[ip++]!;
    }
    if (ip >= end) fail(at, 'a distance byte after the back-reference, the compressed data ends');
    const ref = op - ((ctrl & 0x1f) << 8) - bytes[ip++]! - 1;
    len += 2;
    if (ref < 0) fail(at, `a back-reference into the ${op} bytes written so far, it points ${-ref} bytes before them`);
    if (op + len > outSize) fail(at, `at most ${outSize} decompressed bytes, a back-reference overflows them`);
    // A reference closer than its length repeats the bytes it is producing: byte by byte. Long
    // non-overlapping ones (runs in field-major blocks are common) take one native copy.
    if (len >= 16 && op - ref >= len) out.copyWithin(op, ref, ref + len);
    else for (let k = 0; k < len; k++) out[op + k] = out[ref + k]!;
    op += len;
  }
  if (op !== outSize) fail(end, `${outSize} decompressed bytes, the stream yields ${op}`);
  return out;
}
