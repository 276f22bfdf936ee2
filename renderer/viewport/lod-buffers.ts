// The per-point arrays the viewport draws, and their reordering into octree order. Shared by the
// worker and the inline (small scene) path so both give identical results.
import { buildOctree, reorder, type OctreeNode, type OctreeOptions } from './octree';
import { sortNodesIntoChunks, type PickChunks } from './pick-chunks';

export interface PointArrays {
  /** xyz interleaved, metres. */
  positions: Float32Array;
  /** rgb interleaved, 0..255 (sRGB). */
  colors: Uint8Array;
  /** One per point; -1 where unassigned. */
  instanceIds: Int32Array;
  /** Optional: one superpoint id per point. */
  superpointIds?: Int32Array;
  /** Optional: model confidence per point, 0..1. */
  confidence?: Float32Array;
}

export interface LodScene {
  nodes: OctreeNode[];
  /** The arrays in octree order (each node a contiguous range). */
  points: PointArrays;
  /** order[k] = index in the caller's arrays of the k-th point (picks answer the caller's index). */
  order: Uint32Array;
  /** Runs of points with tight bounds inside each node, so a pick draws only what can reach the cursor. */
  chunks: PickChunks;
}

export function buildLodScene(points: PointArrays, options: OctreeOptions = {}): LodScene {
  // The tree comes with the positions in tree order; the in-node Morton sort then moves them (and
  // `order`) inside each node's range, and the other arrays are gathered by the final order.
  const { nodes, order, positions } = buildOctree(points.positions, options);
  const chunks = sortNodesIntoChunks(nodes, order, positions);
  return {
    nodes,
    order,
    chunks,
    points: {
      positions,
      colors: reorder(points.colors, 3, order),
      instanceIds: reorder(points.instanceIds, 1, order),
      superpointIds: points.superpointIds && reorder(points.superpointIds, 1, order),
      confidence: points.confidence && reorder(points.confidence, 1, order),
    },
  };
}

/** The buffers of `points`, for postMessage transfer lists. */
export function transferables(points: PointArrays): ArrayBuffer[] {
  return [points.positions, points.colors, points.instanceIds, points.superpointIds, points.confidence]
    .filter((a): a is NonNullable<typeof a> => !!a)
    .map((a) => a.buffer as ArrayBuffer);
}
