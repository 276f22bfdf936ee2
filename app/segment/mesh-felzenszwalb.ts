// The two passes of ScanNet's Segmentator over edges already sorted by weight: Felzenszwalb's threshold
// merge, then the small-segment merge. Same union rules and float32 thresholds as the C++ (see
// felzenszwalb.ts), in a forest laid out for millions of vertices visited in random order: finds walk
// only the parent array (4 bytes a vertex, so more of it stays in cache); size, rank and threshold are
// read only for edges whose ends are in different components, a minority once segments have grown.
//
// Each loop is a function of its own: V8 optimises a long loop while it runs (on-stack replacement),
// and code after it in the same function would be compiled without type feedback and thrown away
// when first reached. On ScanNet-sized meshes the whole command takes ~0.1 s, so that matters.

const f = Math.fround;

interface Forest {
  parent: Int32Array;
  size: Int32Array;
  /** Union-by-rank ranks stay below log2(vertex count). */
  rank: Uint8Array;
  /** Each component's threshold, read at its root. */
  threshold: Float32Array;
}

/**
 * Runs both passes and returns each vertex's segment id (its root). `a`, `b`, `w` are the edges in
 * visiting order. Equal weights may come in any order without changing which vertices the threshold
 * pass joins (a tie group only ever joins components whose thresholds admit the weight, and joining
 * keeps that true); the order of ties decides only the roots and the small-segment pass.
 */
export function felzenszwalbSorted(vertexCount: number, a: Int32Array, b: Int32Array, w: Float32Array, k: number, minSize: number): Int32Array {
  if (a.length !== w.length || b.length !== w.length) throw new RangeError(`felzenszwalbSorted: ${w.length} weights but ${a.length} and ${b.length} endpoints`);
  const forest = newForest(vertexCount, f(k));
  thresholdPass(forest, a, b, w, f(k));
  const small = smallVertices(forest, minSize);
  if (small) smallSegmentPass(forest, a, b, small, minSize);
  return rootIds(forest.parent);
}

function newForest(vertexCount: number, c: number): Forest {
  const parent = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) parent[v] = v;
  return { parent, size: new Int32Array(vertexCount).fill(1), rank: new Uint8Array(vertexCount), threshold: new Float32Array(vertexCount).fill(c) };
}

/** Joins an edge's components when its weight is within both thresholds; the union's becomes `w + c/|C|`. */
function thresholdPass({ parent, size, rank, threshold }: Forest, a: Int32Array, b: Int32Array, w: Float32Array, c: number): void {
  for (let e = 0; e < w.length; e++) {
    const ra = find(parent, a[e]!);
    const rb = find(parent, b[e]!);
    if (ra === rb) continue;
    const we = w[e]!;
    if (we <= threshold[ra]! && we <= threshold[rb]!) {
      const root = join(parent, size, rank, ra, rb);
      threshold[root] = f(we + f(c / size[root]!));
    }
  }
}

/** 1 for each vertex in a component smaller than `minSize`; undefined when there is none. */
function smallVertices({ parent, size }: Forest, minSize: number): Uint8Array | undefined {
  const small = new Uint8Array(parent.length);
  let any = 0;
  for (let v = 0; v < parent.length; v++) {
    const isSmall = size[find(parent, v)]! < minSize ? 1 : 0;
    small[v] = isSmall;
    any |= isSmall;
  }
  return any ? small : undefined;
}

/**
 * Joins an edge's components when either is smaller than `minSize`. A component small at any point of
 * this pass holds only vertices `small` marks (components only grow), so an edge with neither end
 * marked can never join anything and is skipped without a find.
 */
function smallSegmentPass({ parent, size, rank }: Forest, a: Int32Array, b: Int32Array, small: Uint8Array, minSize: number): void {
  for (let e = 0; e < a.length; e++) {
    const va = a[e]!;
    const vb = b[e]!;
    if ((small[va]! | small[vb]!) === 0) continue;
    const ra = find(parent, va);
    const rb = find(parent, vb);
    if (ra !== rb && (size[ra]! < minSize || size[rb]! < minSize)) join(parent, size, rank, ra, rb);
  }
}

function rootIds(parent: Int32Array): Int32Array {
  const ids = new Int32Array(parent.length);
  for (let v = 0; v < parent.length; v++) ids[v] = find(parent, v);
  return ids;
}

/** Root of `x`, pointing every element on the way straight at it (roots and ranks stay as they are). */
function find(parent: Int32Array, x: number): number {
  let root = x;
  for (let p = parent[root]!; p !== root; p = parent[root]!) root = p;
  while (x !== root) {
    const next = parent[x]!;
    parent[x] = root;
    x = next;
  }
  return root;
}

/** The reference's union by rank of two roots: the higher rank wins, `y` on a tie. Returns the new root. */
function join(parent: Int32Array, size: Int32Array, rank: Uint8Array, x: number, y: number): number {
  if (rank[x]! > rank[y]!) {
    parent[y] = x;
    size[x]! += size[y]!;
    return x;
  }
  parent[x] = y;
  size[y]! += size[x]!;
  if (rank[x] === rank[y]) rank[y]!++;
  return y;
}
