// Felzenszwalb–Huttenlocher graph segmentation as ScanNet's Segmentator runs it, thresholds in float32.
import { DisjointSet } from './disjoint-set';
import type { MeshEdges } from './edge-weights';
import { stdSortByKey } from './std-sort';

const f = Math.fround;

/**
 * Visits edges by non-decreasing weight (in the order libstdc++'s std::sort leaves them) and joins two
 * components when the weight is within both components' thresholds; the joined component's threshold
 * becomes `w + k/|C|`. Returns the forest and the edges in visiting order, which the small-segment pass reuses.
 */
export function segmentGraph(vertexCount: number, edges: MeshEdges, k: number): { sets: DisjointSet; sorted: MeshEdges } {
  const sorted = sortEdges(edges);

  const c = f(k);
  const sets = new DisjointSet(vertexCount);
  const threshold = new Float32Array(vertexCount).fill(c);
  const { a: ea, b: eb, w: ew } = sorted;
  for (let e = 0; e < ew.length; e++) {
    const w = ew[e]!;
    let a = sets.find(ea[e]!);
    const b = sets.find(eb[e]!);
    if (a !== b && w <= threshold[a]! && w <= threshold[b]!) {
      sets.join(a, b);
      a = sets.find(a);
      threshold[a] = f(w + f(c / sets.size(a)));
    }
  }
  return { sets, sorted };
}

/** The edges by weight, as the reference's in-place std::sort leaves its edge array. */
function sortEdges(edges: MeshEdges): MeshEdges {
  const sorted = { a: edges.a.slice(), b: edges.b.slice(), w: edges.w.slice() };
  stdSortByKey(sorted.w, sorted.a, sorted.b);
  return sorted;
}

/**
 * Joins each edge's two components when either has fewer than `minSize` vertices, taking edges in the
 * order given. Pass the sorted edges: the reference sorts its edge array in place, so this pass too
 * runs by weight.
 */
export function joinSmallComponents(sets: DisjointSet, edges: MeshEdges, minSize: number): void {
  const { a: ea, b: eb } = edges;
  for (let e = 0; e < ea.length; e++) {
    const a = sets.find(ea[e]!);
    const b = sets.find(eb[e]!);
    if (a !== b && (sets.size(a) < minSize || sets.size(b) < minSize)) sets.join(a, b);
  }
}
