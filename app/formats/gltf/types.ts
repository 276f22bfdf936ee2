// The parts of the glTF 2.0 JSON the reader uses. Everything arrives as unknown JSON and is checked
// field by field where read (json.ts), so these types describe the checked values.

export type Mat4 = Float64Array; // column-major, as glTF stores it

export interface GltfDoc {
  json: Record<string, unknown>;
  /** The GLB BIN chunk, which buffer 0 refers to when it has no uri. */
  bin?: Uint8Array;
  /** Whether the file was a GLB container. */
  binary: boolean;
}

export interface AccessorData {
  /** Components per element (1 for SCALAR, 3 for VEC3, …). */
  size: number;
  count: number;
  /** Elements as numbers; normalized integer types are already mapped to 0..1 / -1..1. */
  values: Float32Array | Uint32Array;
}
