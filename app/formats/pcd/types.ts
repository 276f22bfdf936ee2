// The header of a PCD (Point Cloud Library) file as the reader reports it.

export type PcdDataKind = 'ascii' | 'binary' | 'binary_compressed';

/** TYPE letter: F float, I signed integer, U unsigned integer. */
export type PcdFieldType = 'F' | 'I' | 'U';

export interface PcdField {
  name: string;
  type: PcdFieldType;
  /** Bytes per value: 1, 2, 4 or 8 (floats 4 or 8). */
  size: number;
  /** Values per point (1 for x, 33 for an FPFH descriptor, …). */
  count: number;
}

export interface PcdHeader {
  version: string;
  fields: PcdField[];
  width: number;
  height: number;
  /** tx ty tz qw qx qy qz: the sensor pose, reported but not applied to the points. */
  viewpoint: number[];
  points: number;
  data: PcdDataKind;
  /** Byte offset where the data starts (just past the DATA line). */
  dataOffset: number;
  /** Number of header lines including DATA, so ASCII data line numbers continue from here. */
  lineCount: number;
}
