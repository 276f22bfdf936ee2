// The shape of a PLY file as the reader reports it, and what the writer takes.

export type PlyFormat = 'ascii' | 'binary_little_endian' | 'binary_big_endian';

/** Canonical scalar type names; the header's aliases (uchar, int, float, …) map onto these. */
export type PlyScalarType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';

export interface PlyProperty {
  name: string;
  /** Value type; for a list, the type of its items. */
  type: PlyScalarType;
  /** Present only for list properties: the type of the per-row item count. */
  listCountType?: PlyScalarType;
}

export interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
}

export interface PlyHeader {
  format: PlyFormat;
  version: string;
  elements: PlyElement[];
  comments: string[];
  objInfo: string[];
  /** Byte offset where the body starts (just past `end_header` and its line break). */
  bodyOffset: number;
  /** Number of header lines, so ASCII body line numbers continue from here. */
  lineCount: number;
}

/** Per-vertex values other than position, colour and normal; integer types widen to 32 bits. */
export type PlyScalarArray = Int32Array | Uint32Array | Float32Array | Float64Array;

export interface PlyData {
  format: PlyFormat;
  elements: PlyElement[];
  comments: string[];
  vertexCount: number;
  /** x y z interleaved. */
  positions: Float32Array;
  /** r g b interleaved, 0..255 (alpha goes to vertexScalars). */
  colors?: Uint8Array;
  /** nx ny nz interleaved. */
  normals?: Float32Array;
  /** Every other scalar vertex property by name (label, instance, objectId, alpha, quality, …). */
  vertexScalars: Record<string, PlyScalarArray>;
  /** Triangles, three vertex indices each; quads and polygons are fan-triangulated. */
  faces?: Uint32Array;
  /** Number of face rows in the file (before triangulation). */
  faceCount: number;
}

export interface PlyReadOptions {
  /** Used in error messages; defaults to "ply". */
  fileName?: string;
}

export type PlyWritableScalars = Record<string, Int32Array | Uint32Array | Float32Array | Float64Array | Int16Array | Uint16Array | Int8Array | Uint8Array>;

export interface PlyWriteInput {
  positions: Float32Array;
  colors?: Uint8Array;
  normals?: Float32Array;
  faces?: Uint32Array;
  scalars?: PlyWritableScalars;
}

export interface PlyWriteOptions {
  format?: 'binary_little_endian' | 'ascii';
  comments?: string[];
}
