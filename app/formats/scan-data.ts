// The common result of the point-cloud and mesh readers (PCD, NumPy, S3DIS, OBJ, glTF, LAS), so the
// scene loader handles one shape whatever the file was.

/** Which axis points up in the file's own frame; the scene loader rotates y-up data to z-up. */
export type UpAxis = 'z' | 'y';

export interface ScanData {
  /** The reader that produced this: 'pcd', 'npy', 'pointcept', 's3dis', 'obj', 'gltf', 'glb', 'las', 'laz'. */
  format: string;
  /** x y z interleaved, as read (not recentred); float64 where the file stores doubles or scaled integers. */
  positions: Float64Array | Float32Array;
  /** r g b interleaved, 0..255. */
  colors?: Uint8Array;
  /** nx ny nz interleaved. */
  normals?: Float32Array;
  /** Triangles, three point indices each. */
  faces?: Uint32Array;
  /** Semantic class id per point, in the file's own id space. */
  labels?: Int32Array;
  /** Instance id per point; -1 where a point belongs to no instance. */
  instances?: Int32Array;
  /** Class name of each instance id, where the file names them. */
  instanceLabels?: Map<number, string>;
  /** The format's convention: 'y' for glTF and OBJ, 'z' otherwise. */
  upAxis: UpAxis;
}

export interface ScanReadOptions {
  /** Used in error messages; each reader has its own default (e.g. "pcd"). */
  fileName?: string;
}

/** Number of points in a ScanData. */
export const pointCount = (d: ScanData): number => d.positions.length / 3;
