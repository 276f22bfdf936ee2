// Writes a Pointcept scene folder, one .npy per attribute, in the dtypes Pointcept's ScanNet
// preprocessing saves: coord and normal float32, color uint8, segment20/segment200/instance int16
// (widened to int32 when an id does not fit, so nothing is truncated).
import type { NpyKind } from './types';
import { writeNpy } from './writeNpy';

export interface PointceptWriteInput {
  /** x y z interleaved; float64 is stored as f8 so survey coordinates keep their precision. */
  coord: Float32Array | Float64Array;
  /** r g b interleaved, 0..255. */
  color?: Uint8Array;
  normal?: Float32Array;
  segment20?: Int32Array;
  segment200?: Int32Array;
  /** -1 where a point belongs to no instance. */
  instance?: Int32Array;
}

/** Returns the folder as file name → bytes (coord.npy, color.npy, …); throws RangeError on mismatched lengths. */
export function writePointceptFolder(input: PointceptWriteInput): Record<string, Uint8Array> {
  const n = input.coord.length / 3;
  if (!Number.isInteger(n)) throw new RangeError(`writePointceptFolder: coord length ${input.coord.length} is not a multiple of 3`);
  const files: Record<string, Uint8Array> = { 'coord.npy': writeNpy({ shape: [n, 3], data: input.coord }) };
  const rows = (name: string, a: ArrayLike<number>, width: number) => {
    if (a.length !== n * width) throw new RangeError(`writePointceptFolder: ${name} has ${a.length} values for ${n} points × ${width}`);
  };
  if (input.color) (rows('color', input.color, 3), (files['color.npy'] = writeNpy({ shape: [n, 3], data: input.color })));
  if (input.normal) (rows('normal', input.normal, 3), (files['normal.npy'] = writeNpy({ shape: [n, 3], data: input.normal })));
  for (const name of ['segment20', 'segment200', 'instance'] as const) {
    const ids = input[name];
    if (!ids) continue;
    rows(name, ids, 1);
    files[`${name}.npy`] = writeNpy({ shape: [n], data: ids, kind: idKind(ids) });
  }
  return files;
}

function idKind(ids: Int32Array): NpyKind {
  for (const v of ids) if (v < -32768 || v > 32767) return 'i4';
  return 'i2';
}
