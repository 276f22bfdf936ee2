// Superpoints, normals and adjacency for any scene: the mesh Segmentator when faces exist (or the
// file's own segmentation, e.g. ScanNet segs.json), the k-NN variant for bare point clouds.
import { adjacencyFromFaces, adjacencyFromKnn, superpointFeatures, type Adjacency, type SuperpointFeatures } from './features';
import { segmentMesh, type MeshSegmenter, type SegmentMeshOptions } from './mesh-segmentator';
import { denseIds, pointSuperpoints, POINT_SUPERPOINT_DEFAULTS, type PointGraphParts, type PointSuperpointOptions } from './point-superpoints';
import { blendedVertexNormals } from './vertex-normals';
import type { KnnGraph } from './knn';
import type { SortedEdgeMerger } from './point-graph';

export interface SuperpointSource {
  positions: Float32Array;
  colors?: Uint8Array;
  faces?: Uint32Array;
  /** Over-segmentation that came with the file (any ids, one per point); used as is when present. */
  superpoints?: Int32Array;
}

export interface SceneSuperpoints {
  /** Dense id per point, 0..count-1. */
  ids: Int32Array;
  count: number;
  normals: Float32Array;
  neighbours: Adjacency;
  method: 'file' | 'mesh' | 'points';
}

export interface SceneSuperpointOptions {
  mesh?: SegmentMeshOptions;
  /** The mesh Segmentator to run: segmentMesh by default; the host passes its wasm kernel (same ids). */
  meshSegmenter?: MeshSegmenter;
  points?: PointSuperpointOptions;
  /** A point cloud's k-NN graph computed beforehand (see pointSuperpoints). */
  knn?: KnnGraph;
  /** Or its graph, normals and edges computed beforehand, for the same options (see PointGraphParts). */
  pointGraph?: PointGraphParts;
  /** The point cloud's merging over sorted edges: mergeSortedEdges by default; the host passes its wasm kernel (same ids). */
  pointMerger?: SortedEdgeMerger;
}

export function sceneSuperpoints(source: SuperpointSource, options: SceneSuperpointOptions = {}): SceneSuperpoints {
  const { positions, colors, faces } = source;
  const n = positions.length / 3;
  if (faces && faces.length > 0) {
    const normals = blendedVertexNormals(positions, faces, n);
    const raw = source.superpoints && source.superpoints.length === n ? source.superpoints : (options.meshSegmenter ?? segmentMesh)(positions, faces, options.mesh);
    const { ids, count } = denseIds(raw);
    return { ids, count, normals, neighbours: adjacencyFromFaces(ids, count, faces), method: raw === source.superpoints ? 'file' : 'mesh' };
  }
  const sp = pointSuperpoints(positions, colors, options.points, options.pointGraph ?? options.knn, options.pointMerger);
  const reach = options.points?.maxEdgeLength ?? POINT_SUPERPOINT_DEFAULTS.maxEdgeLength;
  return { ids: sp.ids, count: sp.count, normals: sp.normals, neighbours: adjacencyFromKnn(sp.ids, sp.count, sp.graph, reach), method: 'points' };
}

/** Superpoints and their features in one call (what inference and the training-data builder both run). */
export function sceneSuperpointFeatures(source: SuperpointSource, options: SceneSuperpointOptions = {}): { superpoints: SceneSuperpoints; features: SuperpointFeatures } {
  const superpoints = sceneSuperpoints(source, options);
  const input = { positions: source.positions, normals: superpoints.normals, superpoints: superpoints.ids, count: superpoints.count, neighbours: superpoints.neighbours };
  const features = superpointFeatures(source.colors ? { ...input, colors: source.colors } : input);
  return { superpoints, features };
}
