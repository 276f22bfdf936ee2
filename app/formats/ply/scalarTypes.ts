import type { PlyScalarType } from './types';

/** Every spelling the PLY spec and common writers use for the eight scalar types. */
const ALIASES: Record<string, PlyScalarType> = {
  char: 'int8', int8: 'int8',
  uchar: 'uint8', uint8: 'uint8',
  short: 'int16', int16: 'int16',
  ushort: 'uint16', uint16: 'uint16',
  int: 'int32', int32: 'int32',
  uint: 'uint32', uint32: 'uint32',
  float: 'float32', float32: 'float32',
  double: 'float64', float64: 'float64',
};

export const SCALAR_SIZE: Record<PlyScalarType, number> = {
  int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8,
};

export function parseScalarType(name: string): PlyScalarType | undefined {
  return Object.prototype.hasOwnProperty.call(ALIASES, name) ? ALIASES[name] : undefined;
}

export const isIntegerType = (t: PlyScalarType) => t !== 'float32' && t !== 'float64';

const RANGE: Record<PlyScalarType, [number, number]> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-2147483648, 2147483647], uint32: [0, 4294967295], float32: [-Infinity, Infinity], float64: [-Infinity, Infinity],
};

/** Whether an ASCII value fits the declared integer type (floats accept anything). */
export function fitsType(t: PlyScalarType, v: number): boolean {
  if (!isIntegerType(t)) return true;
  const [lo, hi] = RANGE[t];
  return Number.isInteger(v) && v >= lo && v <= hi;
}

/** Reads one scalar at a byte offset; the caller has checked bounds. */
export function readScalar(dv: DataView, offset: number, t: PlyScalarType, le: boolean): number {
  switch (t) {
    case 'int8': return dv.getInt8(offset);
    case 'uint8': return dv.getUint8(offset);
    case 'int16': return dv.getInt16(offset, le);
    case 'uint16': return dv.getUint16(offset, le);
    case 'int32': return dv.getInt32(offset, le);
    case 'uint32': return dv.getUint32(offset, le);
    case 'float32': return dv.getFloat32(offset, le);
    case 'float64': return dv.getFloat64(offset, le);
  }
}

/** The header keyword the writer uses for each type (the classic short names most tools know). */
export const TYPE_KEYWORD: Record<PlyScalarType, string> = {
  int8: 'char', uint8: 'uchar', int16: 'short', uint16: 'ushort', int32: 'int', uint32: 'uint', float32: 'float', float64: 'double',
};
