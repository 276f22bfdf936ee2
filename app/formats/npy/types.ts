// A NumPy .npy array as the reader reports it, and the Pointcept scene folder built from several.

/** Element kinds the reader accepts (descr without its byte-order character). */
export type NpyKind = 'f4' | 'f8' | 'i1' | 'i2' | 'i4' | 'i8' | 'u1' | 'u2' | 'u4' | 'u8' | 'b1';

export type NpyData = Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

export interface NpyHeader {
  /** Format version, e.g. [1, 0]. */
  version: [number, number];
  /** The descr string as written, e.g. '<f4'. */
  descr: string;
  kind: NpyKind;
  bigEndian: boolean;
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the first element. */
  dataOffset: number;
  /** Byte offset of the header dict (for errors about its content). */
  dictOffset: number;
}

export interface NpyArray {
  /** The dtype as written, e.g. '<f4', '>i2', '|u1'. */
  descr: string;
  /** Dimensions in C order (a Fortran-order file is transposed on read). */
  shape: number[];
  /**
   * Elements in C (row-major) order, native byte order. 64-bit integers become Float64Array
   * (exact within ±2^53; larger values are an error); bool becomes Uint8Array of 0/1.
   */
  data: NpyData;
}

export interface PointceptReadOptions {
  /** Which semantic file becomes `labels`; default the first present of segment20, segment200, segment. */
  segment?: 'segment20' | 'segment200' | 'segment';
}
