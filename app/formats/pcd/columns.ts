// Hot loops that copy the first value of one fixed-stride PCD field into an output array.
// One loop per value type, so V8 sees monomorphic DataView access. PCD data is little-endian.
import type { PcdField } from './types';

type NumArray = Float32Array | Float64Array | Int32Array | Uint8Array;

export interface ColumnSource {
  dv: DataView;
  /** Byte offset (relative to dv) of the value in point 0. */
  start: number;
  stride: number;
  count: number;
}

/** out[outOffset + i*outStride] = value of point i. */
export function copyColumn(src: ColumnSource, field: PcdField, out: NumArray, outOffset: number, outStride: number): void {
  const { dv, stride, count } = src;
  let o = src.start;
  let k = outOffset;
  const kind = `${field.type}${field.size}`;
  switch (kind) {
    case 'F4':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getFloat32(o, true);
      return;
    case 'F8':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getFloat64(o, true);
      return;
    case 'U1':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getUint8(o);
      return;
    case 'I1':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getInt8(o);
      return;
    case 'U2':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getUint16(o, true);
      return;
    case 'I2':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getInt16(o, true);
      return;
    case 'U4':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getUint32(o, true);
      return;
    case 'I4':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = dv.getInt32(o, true);
      return;
    case 'U8':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = Number(dv.getBigUint64(o, true));
      return;
    case 'I8':
      for (let i = 0; i < count; i++, o += stride, k += outStride) out[k] = Number(dv.getBigInt64(o, true));
      return;
  }
}

/** A packed rgb/rgba column: the 4 bytes hold 0x00RRGGBB (or AARRGGBB) whether typed F, U or I. Point i goes to out[outStart + 3i]. */
export function copyPackedRgb(src: ColumnSource, out: Uint8Array, outStart = 0): void {
  const { dv, stride, count } = src;
  for (let i = 0, o = src.start, k = outStart; i < count; i++, o += stride, k += 3) {
    // Little-endian bytes of 0xAARRGGBB are B G R A.
    out[k] = dv.getUint8(o + 2);
    out[k + 1] = dv.getUint8(o + 1);
    out[k + 2] = dv.getUint8(o);
  }
}
