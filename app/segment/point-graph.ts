// The graph side of point-cloud superpoints, in flat typed arrays: the k-NN edges with their weights,
// a radix sort of those edges by weight, and Felzenszwalb's merging over the sorted edges. The mesh
// Segmentator (mesh-segmentator.ts) must reproduce the C++ tool's std::sort tie order; a point cloud
// has no reference to match, so its edges sort stably (equal weights keep the order they were made
// in: by point, then by neighbour rank), which is deterministic and several times faster.
import type { MeshEdges } from './edge-weights';
import type { KnnGraph } from './knn';

const f = Math.fround;

/** One edge per unordered neighbour pair within reach, weighted by normal change plus colour change. */
export function pointGraphEdges(graph: KnnGraph, normals: Float32Array, colors: Uint8Array | undefined, colorWeight: number, maxEdgeLength: number): MeshEdges {
  const { k, index, distanceSq } = graph;
  const n = index.length / k;
  const maxSq = maxEdgeLength * maxEdgeLength;
  const a = new Int32Array(n * k);
  const b = new Int32Array(n * k);
  const w = new Float32Array(n * k);
  let m = 0;
  const colorScale = colors ? colorWeight / (255 * Math.sqrt(3)) : 0;
  for (let i = 0; i < n; i++) {
    const nx = normals[3 * i]!;
    const ny = normals[3 * i + 1]!;
    const nz = normals[3 * i + 2]!;
    for (let s = 0; s < k; s++) {
      const j = index[i * k + s]!;
      if (j < 0 || distanceSq[i * k + s]! > maxSq) continue;
      // Keep (i, j) once: from the smaller index, or from i when j does not list i back.
      if (j < i && listsNeighbour(index, k, j, i)) continue;
      const dot = nx * normals[3 * j]! + ny * normals[3 * j + 1]! + nz * normals[3 * j + 2]!;
      let weight = 1 - Math.abs(dot);
      if (colors) {
        const dr = colors[3 * i]! - colors[3 * j]!;
        const dg = colors[3 * i + 1]! - colors[3 * j + 1]!;
        const db = colors[3 * i + 2]! - colors[3 * j + 2]!;
        weight += colorScale * Math.sqrt(dr * dr + dg * dg + db * db);
      }
      a[m] = i;
      b[m] = j;
      w[m] = weight;
      m++;
    }
  }
  return { a: a.slice(0, m), b: b.slice(0, m), w: w.slice(0, m) };
}

function listsNeighbour(index: Int32Array, k: number, of: number, target: number): boolean {
  for (let s = 0; s < k; s++) if (index[of * k + s] === target) return true;
  return false;
}

/**
 * The edges by non-decreasing weight, equal weights in their given order: an LSD radix sort on the
 * float32 bit patterns made monotonic, four passes of 8 bits. Keys travel with their edge numbers so
 * that every pass reads sequentially; the endpoints are gathered once at the end.
 */
export function sortEdgesByWeight(edges: MeshEdges): MeshEdges {
  const { a, b, w } = edges;
  const m = w.length;
  // Float bits → unsigned keys in float order: negatives (a dot product rounded past 1) flip whole,
  // the rest flip the sign bit. -0 sorts just before +0, which compare equal; fine for merging.
  const raw = new Uint32Array(w.buffer, w.byteOffset, m);
  let keys = new Uint32Array(m);
  let order = new Int32Array(m);
  const counts = new Int32Array(4 * 256);
  for (let e = 0; e < m; e++) {
    const v = raw[e]!;
    const key = v & 0x80000000 ? ~v >>> 0 : (v | 0x80000000) >>> 0;
    keys[e] = key;
    order[e] = e;
    counts[key & 255]!++;
    counts[256 + ((key >>> 8) & 255)]!++;
    counts[512 + ((key >>> 16) & 255)]!++;
    counts[768 + (key >>> 24)]!++;
  }
  let nextKeys = new Uint32Array(m);
  let nextOrder = new Int32Array(m);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    // A pass whose digit is the same for every key leaves the order as it is.
    if (counts[base + ((keys[0]! >>> (8 * pass)) & 255)]! === m) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = counts[base + d]!;
      counts[base + d] = sum;
      sum += c;
    }
    const shift = 8 * pass;
    for (let p = 0; p < m; p++) {
      const key = keys[p]!;
      const at = counts[base + ((key >>> shift) & 255)]!++;
      nextKeys[at] = key;
      nextOrder[at] = order[p]!;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  const sa = new Int32Array(m);
  const sb = new Int32Array(m);
  const sw = new Float32Array(m);
  for (let p = 0; p < m; p++) {
    const e = order[p]!;
    sa[p] = a[e]!;
    sb[p] = b[e]!;
    sw[p] = w[e]!;
  }
  return { a: sa, b: sb, w: sw };
}

/**
 * Felzenszwalb–Huttenlocher merging over edges already sorted by weight (thresholds in float32, as
 * the mesh path keeps them), then small components joined to a neighbour along the same edges.
 * Answers the component root of every vertex. Which vertex becomes a root never matters here (ids
 * are renumbered by first point afterwards), so the forest is a plain union by size with path halving.
 */
export function mergeSortedEdges(vertexCount: number, sorted: MeshEdges, kThresh: number, minSize: number): Int32Array {
  const c = f(kThresh);
  const parent = new Int32Array(vertexCount);
  const size = new Int32Array(vertexCount).fill(1);
  for (let i = 0; i < vertexCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x]!]!;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  const threshold = new Float32Array(vertexCount).fill(c);
  const { a: ea, b: eb, w: ew } = sorted;
  const m = ew.length;
  for (let e = 0; e < m; e++) {
    const w = ew[e]!;
    let a = find(ea[e]!);
    let b = find(eb[e]!);
    if (a !== b && w <= threshold[a]! && w <= threshold[b]!) {
      if (size[a]! < size[b]!) [a, b] = [b, a];
      parent[b] = a;
      size[a]! += size[b]!;
      threshold[a] = f(w + f(c / size[a]!));
    }
  }
  // Sizes only grow, so an edge between two components already at minSize never joins in the second
  // pass: only edges touching a small component need their roots looked up.
  const small = new Uint8Array(vertexCount);
  let any = false;
  for (let i = 0; i < vertexCount; i++) if (size[find(i)]! < minSize) small[i] = 1, (any = true);
  if (any) {
    for (let e = 0; e < m; e++) {
      const u = ea[e]!;
      const v = eb[e]!;
      if (!small[u] && !small[v]) continue;
      let a = find(u);
      let b = find(v);
      if (a !== b && (size[a]! < minSize || size[b]! < minSize)) {
        if (size[a]! < size[b]!) [a, b] = [b, a];
        parent[b] = a;
        size[a]! += size[b]!;
      }
    }
  }
  const roots = new Int32Array(vertexCount);
  for (let i = 0; i < vertexCount; i++) roots[i] = find(i);
  return roots;
}
