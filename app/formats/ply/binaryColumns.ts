// Hot loops that copy one fixed-stride column of a binary element into an output array.
// Each loop handles one type, so V8 sees monomorphic typed-array and DataView access.
import type { PlyScalarType } from './types';

type NumArray = Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array;

export interface Column {
  bytes: Uint8Array;
  dv: DataView;
  /** Byte offset (relative to bytes) of the property in row 0. */
  start: number;
  stride: number;
  count: number;
  type: PlyScalarType;
  le: boolean;
}

/** out[outOffset + i*outStride] = value of row i. */
export function copyColumn(c: Column, out: NumArray, outOffset: number, outStride: number): void {
  const { bytes, dv, stride, count, le } = c;
  let o = c.start;
  let k = outOffset;
  switch (c.type) {
    case 'uint8':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = bytes[o]!;
      return;
    case 'int8':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getInt8(o);
      return;
    case 'int16':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getInt16(o, le);
      return;
    case 'uint16':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getUint16(o, le);
      return;
    case 'int32':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getInt32(o, le);
      return;
    case 'uint32':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getUint32(o, le);
      return;
    case 'float32': {
      const abs = bytes.byteOffset + o;
      if (le && abs % 4 === 0 && stride % 4 === 0 && count > 0) {
        const s = stride / 4;
        const f = new Float32Array(bytes.buffer, abs, s * (count - 1) + 1);
        for (let i = 0, j = 0; i < count; i++, j += s, k += outStride) out[k] = f[j]!;
        return;
      }
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getFloat32(o, le);
      return;
    }
    case 'float64':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getFloat64(o, le);
      return;
  }
}

/**
 * The common layout x y z float32 adjacent: one pass over the rows, checking finiteness on the way.
 * Returns the first row with a non-finite coordinate, or -1.
 */
export function copyXyzFloat32(c: Column, out: Float32Array): number {
  const { bytes, dv, stride, count, le } = c;
  const abs = bytes.byteOffset + c.start;
  if (le && abs % 4 === 0 && stride % 4 === 0 && count > 0) {
    const s = stride / 4;
    const f = new Float32Array(bytes.buffer, abs, s * (count - 1) + 3);
    for (let i = 0, j = 0, k = 0; i < count; i++, j += s, k += 3) {
      const x = f[j]!, y = f[j + 1]!, z = f[j + 2]!;
      if (x - x !== 0 || y - y !== 0 || z - z !== 0) return i;
      out[k] = x;
      out[k + 1] = y;
      out[k + 2] = z;
    }
    return -1;
  }
  for (let i = 0, o = c.start, k = 0; i < count; i++, o += stride, k += 3) {
    const x = dv.getFloat32(o, le), y = dv.getFloat32(o + 4, le), z = dv.getFloat32(o + 8, le);
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) return i;
    out[k] = x;
    out[k + 1] = y;
    out[k + 2] = z;
  }
  return -1;
}

/** r g b uint8 adjacent: one pass. */
export function copyRgbUint8(c: Column, out: Uint8Array): void {
  const { bytes, stride, count } = c;
  for (let i = 0, o = c.start, k = 0; i < count; i++, o += stride, k += 3) {
    out[k] = bytes[o]!;
    out[k + 1] = bytes[o + 1]!;
    out[k + 2] = bytes[o + 2]!;
  }
}

/**
 * The usual point-cloud row, x y z float32 then r g b uint8 at a fixed gap: one pass over the body
 * instead of two. Returns the first row with a non-finite coordinate, or -1.
 */
export function copyXyzRgb(c: Column, rgbDelta: number, positions: Float32Array, colors: Uint8Array): number {
  const { bytes, dv, stride, count, le } = c;
  for (let i = 0, o = c.start, k = 0; i < count; i++, o += stride, k += 3) {
    const x = dv.getFloat32(o, le), y = dv.getFloat32(o + 4, le), z = dv.getFloat32(o + 8, le);
    if (x - x !== 0 || y - y !== 0 || z - z !== 0) return i;
    positions[k] = x;
    positions[k + 1] = y;
    positions[k + 2] = z;
    const q = o + rgbDelta;
    colors[k] = bytes[q]!;
    colors[k + 1] = bytes[q + 1]!;
    colors[k + 2] = bytes[q + 2]!;
  }
  return -1;
}
