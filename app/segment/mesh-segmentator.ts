// Superpoints of a triangle mesh: ScanNet's Segmentator (Felzenszwalb segmentation over normal change),
// reproduced to the float rounding and edge order of its public C++ build so that segment ids match
// the segs.json files ScanNet ships and its aggregation files refer to.
import { meshEdges } from './edge-weights';
import { felzenszwalbSorted } from './mesh-felzenszwalb';
import { stdSortByKey } from './std-sort';
import { blendedVertexNormals } from './vertex-normals';

export interface SegmentMeshOptions {
  /** Felzenszwalb's k: larger values give larger segments. ScanNet uses 0.01. */
  kThresh?: number;
  /** Segments with fewer vertices are merged into a neighbour. ScanNet uses 20. */
  segMinVerts?: number;
}

export const DEFAULT_K_THRESH = 0.01;
export const DEFAULT_SEG_MIN_VERTS = 20;

/**
 * Returns one segment id per vertex. As in ScanNet's segs.json, a segment's id is the index of its
 * root vertex in the union-find (so ids are vertex indices, not 0..n-1). Vertices on no face stay
 * segments of their own.
 *
 * @param positions x y z per vertex, interleaved
 * @param faces triangles, three vertex indices each
 */
export function segmentMesh(positions: Float32Array, faces: Uint32Array, options: SegmentMeshOptions = {}): Int32Array {
  const { kThresh, segMinVerts, vertexCount } = checkSegmentMeshInput(positions, faces, options);
  const bad = firstIndexAtLeast(faces, vertexCount);
  if (bad >= 0) throw badFaceIndex(faces, bad, vertexCount);

  const normals = blendedVertexNormals(positions, faces, vertexCount);
  const { a, b, w } = meshEdges(positions, faces, normals);
  // The reference sorts its edge array in place with std::sort; both passes then walk it in that order.
  // A stable radix sort gives the same partition but other root ids, so the ids would no longer be the
  // ones ScanNet's files carry; it would save ~0.9 s of ~5 s CPU on 2M vertices, so the order stays exact.
  stdSortByKey(w, a, b);
  return felzenszwalbSorted(vertexCount, a, b, w, kThresh, segMinVerts);
}

/** A mesh segmenter: `segmentMesh` itself, or the WebAssembly kernel (segmentator-wasm.ts) with identical ids. */
export type MeshSegmenter = (positions: Float32Array, faces: Uint32Array, options?: SegmentMeshOptions) => Int32Array;

/** Validates what every segmenter is given; throws RangeError naming the problem. */
export function checkSegmentMeshInput(positions: Float32Array, faces: Uint32Array, options: SegmentMeshOptions): { kThresh: number; segMinVerts: number; vertexCount: number } {
  const kThresh = options.kThresh ?? DEFAULT_K_THRESH;
  const segMinVerts = options.segMinVerts ?? DEFAULT_SEG_MIN_VERTS;
  if (positions.length % 3 !== 0) throw new RangeError(`segmentMesh: positions length ${positions.length} is not a multiple of 3`);
  if (faces.length % 3 !== 0) throw new RangeError(`segmentMesh: faces length ${faces.length} is not a multiple of 3`);
  if (!(kThresh > 0) || !Number.isFinite(kThresh)) throw new RangeError(`segmentMesh: kThresh must be a positive number, got ${kThresh}`);
  if (!Number.isInteger(segMinVerts) || segMinVerts < 0) throw new RangeError(`segmentMesh: segMinVerts must be a non-negative integer, got ${segMinVerts}`);
  return { kThresh, segMinVerts, vertexCount: positions.length / 3 };
}

export const badFaceIndex = (faces: Uint32Array, at: number, vertexCount: number) =>
  new RangeError(`segmentMesh: face ${Math.floor(at / 3)} refers to vertex ${faces[at]} of ${vertexCount}`);

/** Position of the first index >= `limit`, or -1 (a loop of its own, so V8 optimises it alone). */
function firstIndexAtLeast(indices: Uint32Array, limit: number): number {
  for (let i = 0; i < indices.length; i++) if (indices[i]! >= limit) return i;
  return -1;
}
