// Reorders a Fortran-order (column-major) array into C order, so callers see one layout.
import type { NpyData } from './types';

export function fortranToC<T extends NpyData>(src: T, shape: number[], make: (n: number) => T): T {
  const nd = shape.length;
  if (nd < 2) return src;
  const out = make(src.length);
  // Fortran strides (in elements): the first index varies fastest.
  const fStride = new Array<number>(nd);
  for (let d = 0, s = 1; d < nd; d++) (fStride[d] = s), (s *= shape[d]!);
  const idx = new Array<number>(nd).fill(0);
  let f = 0;
  // Walk C order with an odometer over the last index, tracking the Fortran offset incrementally.
  for (let c = 0; c < src.length; c++) {
    out[c] = src[f]!;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      f += fStride[d]!;
      if (idx[d]! < shape[d]!) break;
      f -= fStride[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}
