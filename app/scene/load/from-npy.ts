// A lone .npy as a point cloud: N×3 positions, or N×6 and wider with rgb in columns 3..5
// (the usual "xyzrgb" dump). Anything else is not a point cloud.
import { FormatError } from '../../formats/errors';
import { readNpy } from '../../formats/npy/readNpy';
import type { NpyArray } from '../../formats/npy/types';
import type { LoadedScan } from './types';

export function readNpyScan(bytes: Uint8Array, fileName: string): LoadedScan {
  return npyToScan(readNpy(bytes, { fileName }), fileName);
}

/** The scan of a parsed array; an N×3 float array becomes the positions as it is (no copy). */
export function npyToScan({ shape, data }: NpyArray, fileName: string): LoadedScan {
  const [n, width] = shape;
  if (shape.length !== 2 || n === undefined || width === undefined || (width !== 3 && width < 6)) {
    throw new FormatError({ file: fileName, expected: `an N×3 (xyz) or N×6 (xyz rgb) array, found shape (${shape.join(', ')})` });
  }
  let positions: Float64Array | Float32Array;
  if (width === 3 && (data instanceof Float64Array || data instanceof Float32Array)) positions = data;
  else {
    positions = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) for (let a = 0; a < 3; a++) positions[i * 3 + a] = data[i * width + a]!;
  }
  const scan: LoadedScan = { format: 'npy', positions, upAxis: 'z' };
  if (width >= 6) {
    const colors = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) for (let a = 0; a < 3; a++) colors[i * 3 + a] = Math.min(255, Math.max(0, Math.round(data[i * width + 3 + a]!)));
    scan.colors = colors;
  }
  return scan;
}
