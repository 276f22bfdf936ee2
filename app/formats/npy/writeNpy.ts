// Writes NumPy .npy files as numpy.save does: format version 1.0, C order, the dict header padded
// with spaces so the data starts on a 64-byte boundary, little-endian elements.
import { ITEM_SIZE } from './elements';
import { pyShape } from './readNpy';
import type { NpyData, NpyKind } from './types';

export interface NpyWriteInput {
  /** Dimensions in C order; their product must equal data.length. */
  shape: readonly number[];
  /** Elements in C (row-major) order. */
  data: NpyData | Float64Array;
  /**
   * Element kind to store; defaults to the array's own (Float32Array → f4, Int16Array → i2, …).
   * i8/u8 take integral values (as readNpy returns them, in a Float64Array), b1 takes 0/1.
   */
  kind?: NpyKind;
}

const PREAMBLE = 10; // magic (6) + version (2) + u16 header length (2)

/** The kind an array is stored as when the caller names none. */
export function npyKindOf(data: NpyData | Float64Array): NpyKind {
  if (data instanceof Float32Array) return 'f4';
  if (data instanceof Float64Array) return 'f8';
  if (data instanceof Int8Array) return 'i1';
  if (data instanceof Int16Array) return 'i2';
  if (data instanceof Int32Array) return 'i4';
  if (data instanceof Uint16Array) return 'u2';
  if (data instanceof Uint32Array) return 'u4';
  return 'u1';
}

/** The descr numpy writes for a kind: '|' for one-byte kinds, '<' otherwise. */
export const npyDescr = (kind: NpyKind): string => `${ITEM_SIZE[kind] === 1 ? '|' : '<'}${kind}`;

/** Throws RangeError when shape and data disagree or a value does not fit `kind`. */
export function writeNpy(input: NpyWriteInput): Uint8Array {
  const { shape, data } = input;
  const kind = input.kind ?? npyKindOf(data);
  const n = shape.reduce((a, b) => a * b, 1);
  if (shape.some((d) => !Number.isSafeInteger(d) || d < 0) || n !== data.length) {
    throw new RangeError(`writeNpy: shape ${pyShape([...shape])} holds ${n} elements, data has ${data.length}`);
  }
  let dict = `{'descr': '${npyDescr(kind)}', 'fortran_order': False, 'shape': ${pyShape([...shape])}, }`;
  // numpy pads with spaces and ends the header with '\n' so the data is 64-byte aligned.
  dict += ' '.repeat((64 - ((PREAMBLE + dict.length + 1) % 64)) % 64) + '\n';
  if (dict.length > 0xffff) throw new RangeError(`writeNpy: a ${shape.length}-dimensional header is too long for format 1.0`);
  if (kind !== npyKindOf(data)) checkRange(data, kind);
  const size = ITEM_SIZE[kind];
  const out = new Uint8Array(PREAMBLE + dict.length + n * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const dv = new DataView(out.buffer);
  dv.setUint16(8, dict.length, true);
  for (let i = 0; i < dict.length; i++) out[PREAMBLE + i] = dict.charCodeAt(i);
  writeElements(dv, PREAMBLE + dict.length, data, kind);
  return out;
}

const INT_RANGE: Partial<Record<NpyKind, [number, number]>> = {
  i1: [-128, 127], u1: [0, 255], i2: [-32768, 32767], u2: [0, 65535], i4: [-2147483648, 2147483647], u4: [0, 4294967295],
};

/** A converted array must fit its new kind: DataView setters would wrap silently. */
function checkRange(a: ArrayLike<number>, kind: NpyKind): void {
  const r = INT_RANGE[kind];
  if (!r) return;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (!Number.isInteger(v) || v < r[0] || v > r[1]) throw new RangeError(`writeNpy: element ${i} (${v}) does not fit dtype ${npyDescr(kind)}`);
  }
}

function writeElements(dv: DataView, start: number, a: ArrayLike<number>, kind: NpyKind): void {
  const n = a.length;
  const check = (ok: boolean, i: number) => {
    if (!ok) throw new RangeError(`writeNpy: element ${i} (${a[i]}) does not fit dtype ${npyDescr(kind)}`);
  };
  let o = start;
  switch (kind) {
    case 'f4': for (let i = 0; i < n; i++, o += 4) dv.setFloat32(o, a[i]!, true); return;
    case 'f8': for (let i = 0; i < n; i++, o += 8) dv.setFloat64(o, a[i]!, true); return;
    case 'i1': for (let i = 0; i < n; i++, o += 1) dv.setInt8(o, a[i]!); return;
    case 'u1': for (let i = 0; i < n; i++, o += 1) dv.setUint8(o, a[i]!); return;
    case 'b1': for (let i = 0; i < n; i++, o += 1) (check(a[i] === 0 || a[i] === 1, i), dv.setUint8(o, a[i]!)); return;
    case 'i2': for (let i = 0; i < n; i++, o += 2) dv.setInt16(o, a[i]!, true); return;
    case 'u2': for (let i = 0; i < n; i++, o += 2) dv.setUint16(o, a[i]!, true); return;
    case 'i4': for (let i = 0; i < n; i++, o += 4) dv.setInt32(o, a[i]!, true); return;
    case 'u4': for (let i = 0; i < n; i++, o += 4) dv.setUint32(o, a[i]!, true); return;
    case 'i8':
    case 'u8':
      // Two 32-bit halves, the inverse of the reader's widening (exact within ±2^53).
      for (let i = 0; i < n; i++, o += 8) {
        const v = a[i]!;
        check(Number.isSafeInteger(v) && (kind === 'i8' || v >= 0), i);
        const hi = Math.floor(v / 4294967296);
        dv.setUint32(o, v - hi * 4294967296, true);
        dv.setInt32(o + 4, hi, true);
      }
      return;
  }
}
