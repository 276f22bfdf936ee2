import { FormatError } from '../errors';
import { ITEM_SIZE, readElements } from './elements';
import { fortranToC } from './fortranOrder';
import { parseNpyHeader } from './header';
import type { NpyArray, NpyData } from './types';

export interface NpyReadOptions {
  /** Used in error messages; defaults to "npy". */
  fileName?: string;
}

/**
 * Parses a NumPy .npy file (format v1, v2 or v3) of a numeric or bool dtype, either byte order.
 * Fortran-order arrays are transposed into C order, so `data` is always row-major.
 * Throws FormatError naming the file and the byte offset of any problem.
 */
export function readNpy(bytes: Uint8Array, options: NpyReadOptions = {}): NpyArray {
  const file = options.fileName ?? 'npy';
  const h = parseNpyHeader(bytes, file);
  const n = h.shape.reduce((a, b) => a * b, 1);
  const size = ITEM_SIZE[h.kind];
  const have = bytes.length - h.dataOffset;
  if (!Number.isSafeInteger(n * size) || n * size > have) {
    throw new FormatError({ file, offset: bytes.length, expected: `${n} elements of ${size} bytes for shape ${pyShape(h.shape)}, file ends after ${Math.floor(have / size)}` });
  }
  if (have > n * size) {
    throw new FormatError({ file, offset: h.dataOffset + n * size, expected: `end of file after ${n} elements of shape ${pyShape(h.shape)}, found ${have - n * size} more bytes` });
  }
  let data: NpyData = readElements(bytes, h.dataOffset, n, h.kind, h.bigEndian, file);
  if (h.fortranOrder) {
    const Ctor = data.constructor as new (n: number) => NpyData;
    data = fortranToC(data, h.shape, (len) => new Ctor(len));
  }
  return { descr: h.descr, shape: h.shape, data };
}

/** A shape as Python prints it: (3,) for one dimension. */
export const pyShape = (shape: number[]): string => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);
