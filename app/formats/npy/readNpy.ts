import { NpyChunkParser } from './chunkParser';
import { parseNpyHeader } from './header';
import type { NpyArray } from './types';

export { pyShape } from './chunkParser';

export interface NpyReadOptions {
  /** Used in error messages; defaults to "npy". */
  fileName?: string;
}

/**
 * Parses a NumPy .npy file (format v1, v2 or v3) of a numeric or bool dtype, either byte order.
 * Fortran-order arrays are transposed into C order, so `data` is always row-major.
 * Throws FormatError naming the file and the byte offset of any problem. The whole file is one
 * chunk of the streaming parser (chunkParser.ts), so chunked imports agree with it.
 */
export function readNpy(bytes: Uint8Array, options: NpyReadOptions = {}): NpyArray {
  const file = options.fileName ?? 'npy';
  const parser = new NpyChunkParser(parseNpyHeader(bytes, file), file, bytes.length);
  parser.push(bytes);
  return parser.finish();
}
