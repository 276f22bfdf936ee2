// Turns an .npy data block into a native typed array, swapping bytes for '>' dtypes and
// widening 64-bit integers to float64 (exact up to 2^53, refused beyond).
import { FormatError } from '../errors';
import type { NpyData, NpyKind } from './types';

export const ITEM_SIZE: Record<NpyKind, number> = { f4: 4, f8: 8, i1: 1, i2: 2, i4: 4, i8: 8, u1: 1, u2: 2, u4: 4, u8: 8, b1: 1 };

/**
 * Reads n elements starting at `start` (bounds already checked). Errors name element `first + i` at
 * file offset `base + (position in bytes)`, for callers that pass a chunk of the file.
 */
export function readElements(bytes: Uint8Array, start: number, n: number, kind: NpyKind, bigEndian: boolean, file: string, first = 0, base = 0): NpyData {
  const size = ITEM_SIZE[kind];
  // A fresh copy is aligned for any typed array; little-endian data then needs no per-element work.
  if (!bigEndian && kind !== 'i8' && kind !== 'u8' && kind !== 'b1') {
    const buf = bytes.slice(start, start + n * size).buffer;
    switch (kind) {
      case 'f4': return new Float32Array(buf);
      case 'f8': return new Float64Array(buf);
      case 'i1': return new Int8Array(buf);
      case 'i2': return new Int16Array(buf);
      case 'i4': return new Int32Array(buf);
      case 'u1': return new Uint8Array(buf);
      case 'u2': return new Uint16Array(buf);
      case 'u4': return new Uint32Array(buf);
    }
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = !bigEndian;
  let o = start;
  switch (kind) {
    case 'f4': { const a = new Float32Array(n); for (let i = 0; i < n; i++, o += 4) a[i] = dv.getFloat32(o, le); return a; }
    case 'f8': { const a = new Float64Array(n); for (let i = 0; i < n; i++, o += 8) a[i] = dv.getFloat64(o, le); return a; }
    case 'i2': { const a = new Int16Array(n); for (let i = 0; i < n; i++, o += 2) a[i] = dv.getInt16(o, le); return a; }
    case 'u2': { const a = new Uint16Array(n); for (let i = 0; i < n; i++, o += 2) a[i] = dv.getUint16(o, le); return a; }
    case 'i4': { const a = new Int32Array(n); for (let i = 0; i < n; i++, o += 4) a[i] = dv.getInt32(o, le); return a; }
    case 'u4': { const a = new Uint32Array(n); for (let i = 0; i < n; i++, o += 4) a[i] = dv.getUint32(o, le); return a; }
    case 'i1': return new Int8Array(bytes.slice(start, start + n).buffer);
    case 'u1': return bytes.slice(start, start + n);
    case 'b1': {
      const a = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const b = bytes[start + i]!;
        if (b > 1) throw new FormatError({ file, offset: base + start + i, expected: `a bool byte 0 or 1 (element ${first + i}), found ${b}` });
        a[i] = b;
      }
      return a;
    }
    case 'i8':
    case 'u8': {
      // Two 32-bit halves instead of BigInt: label arrays are often int64 and large.
      const a = new Float64Array(n);
      const signed = kind === 'i8';
      for (let i = 0; i < n; i++, o += 8) {
        const lo = dv.getUint32(le ? o : o + 4, le);
        const hi = signed ? dv.getInt32(le ? o + 4 : o, le) : dv.getUint32(le ? o + 4 : o, le);
        if (hi >= 0x200000 || hi < -0x200000) {
          throw new FormatError({ file, offset: base + o, expected: `a 64-bit integer within ±2^53 (element ${first + i})` });
        }
        a[i] = hi * 4294967296 + lo;
      }
      return a;
    }
  }
}
