// ScanNet's Segmentator as one WebAssembly kernel (AssemblyScript; built by tools/build-wasm.js into
// dist/wasm/segmentator.wasm). It is the same computation as app/segment/{vertex-normals,edge-weights,
// std-sort,mesh-felzenszwalb}.ts, which stay the reference: f32 arithmetic here is IEEE single rounded
// at every operation, which is what the JS's Math.fround calls spell out, so ids come out identical.
//
// Memory, laid out by `reserve` and grown once per mesh (V vertices, F faces, E = 3F edges):
//   offsets u8[2·BLOCK] | positions f32[3V] | faces u32[3F] | io/edges | scratch
// io/edges first holds a PLY file's bytes (decodeVertices/decodeTriangles read it), then the edges
// {w f32, a i32, b i32}[E], then the ids as JSON text (idsText). scratch holds normals f32[3V] +
// counts i32[V] while edges are built, then the union-find forest parent i32[V] | size i32[V] |
// threshold f32[V] | rank u8[V] | small u8[V]. The ids end up in parent.
// Edges are records like the C++'s struct: the sort moves 12 contiguous bytes, which keeps its scans
// sequential.

const EDGE: usize = 12;
/** libstdc++ `_S_threshold`: quicksort leaves runs this short to the final insertion sort. */
const RUN: usize = 16;
/** Candidates one partition block holds; offsets within a block fit in a byte. */
const BLOCK: usize = 128;
/** Longest id in the JSON text: 10 digits and a comma. */
const ID_TEXT: u64 = 11;

let positions: usize = 0;
let faces: usize = 0;
let edges: usize = 0;
let scratch: usize = 0;
/** The partition's two offset buffers (2 × BLOCK bytes), below the mesh. */
let offsets: usize = 0;

function align16(x: u64): u64 {
  return (x + 15) & ~(<u64>15);
}

/**
 * Lays memory out for a mesh whose file (if any) has `ioBytes` bytes, growing it if needed. Returns 0
 * when that does not fit in 4 GiB, else 1; the caller then writes positions at `positionsPtr()` and
 * faces at `facesPtr()`, or the file at `ioPtr()`.
 */
export function reserve(vertexCount: u32, faceCount: u32, ioBytes: u32): i32 {
  const v = <u64>vertexCount;
  const f = <u64>faceCount;
  let io = 3 * f * <u64>EDGE;
  if (<u64>ioBytes > io) io = <u64>ioBytes;
  if (ID_TEXT * v > io) io = ID_TEXT * v;
  const start = align16(<u64>__heap_base);
  const pos = start + 2 * <u64>BLOCK;
  const fac = align16(pos + 12 * v);
  const edg = align16(fac + 12 * f);
  const scr = align16(edg + io);
  const need = scr + 16 * v;
  if (need > 0xffff_0000) return 0;
  const pages = <i32>((need + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  offsets = <usize>start;
  positions = <usize>pos;
  faces = <usize>fac;
  edges = <usize>edg;
  scratch = <usize>scr;
  return 1;
}

export function positionsPtr(): usize {
  return positions;
}
export function facesPtr(): usize {
  return faces;
}
export function edgesPtr(): usize {
  return edges;
}
/** Where a file's bytes go before decoding, and the ids' JSON text after `idsText`. */
export function ioPtr(): usize {
  return edges;
}
/** One segment id per vertex after `segment`. */
export function idsPtr(): usize {
  return scratch;
}

/** Index of the first face index >= vertexCount, or -1. */
export function firstBadIndex(vertexCount: u32, faceCount: u32): i32 {
  const n: u32 = 3 * faceCount;
  for (let i: u32 = 0; i < n; i++) if (load<u32>(faces + (<usize>i << 2)) >= vertexCount) return <i32>i;
  return -1;
}

// ---- binary little-endian PLY bodies, read from the file bytes at ioPtr() ----

/** Copies float32 x y z out of `stride`-byte vertex records that start `at` bytes into the file. */
export function decodeVertices(vertexCount: u32, at: u32, stride: u32, xAt: u32, yAt: u32, zAt: u32): void {
  let src = edges + <usize>at;
  const end = positions + 12 * <usize>vertexCount;
  for (let dst = positions; dst < end; dst += 12, src += stride) {
    store<f32>(dst, load<f32>(src + xAt));
    store<f32>(dst, load<f32>(src + yAt), 4);
    store<f32>(dst, load<f32>(src + zAt), 8);
  }
}

/**
 * Copies triangles out of ScanNet's face records (a count byte 3, then three little-endian 32-bit
 * indices: 13 bytes) that start `at` bytes into the file. Returns the first record whose count is not
 * 3 or whose index is not below vertexCount, or -1; the caller then leaves the file to the general reader.
 */
export function decodeTriangles(faceCount: u32, at: u32, vertexCount: u32): i32 {
  let src = edges + <usize>at;
  let dst = faces;
  for (let f: u32 = 0; f < faceCount; f++, src += 13, dst += 12) {
    const a = load<u32>(src, 1), b = load<u32>(src, 5), c = load<u32>(src, 9);
    if ((load<u8>(src) != 3) | (a >= vertexCount) | (b >= vertexCount) | (c >= vertexCount)) return <i32>f;
    store<u32>(dst, a);
    store<u32>(dst, b, 4);
    store<u32>(dst, c, 8);
  }
  return -1;
}

/** Number of segments after `segment`: each has exactly one vertex whose id is itself. */
export function segmentCount(vertexCount: u32): u32 {
  let roots: u32 = 0;
  for (let i: u32 = 0; i < vertexCount; i++) roots += <u32>(load<u32>(scratch + (<usize>i << 2)) == i);
  return roots;
}

/** Writes the ids as JSON array items ("3,3,17,…", no brackets) at ioPtr(); returns the byte length. */
export function idsText(vertexCount: u32): u32 {
  const ids = scratch;
  let out = edges;
  for (let i: u32 = 0; i < vertexCount; i++) {
    let id = load<u32>(ids + (<usize>i << 2));
    if (i) store<u8>(out++, 0x2c);
    // Digits right to left into their final places.
    const digits = id < 10 ? 1 : id < 100 ? 2 : id < 1000 ? 3 : id < 10000 ? 4 : id < 100000 ? 5 : id < 1000000 ? 6 : id < 10000000 ? 7 : id < 100000000 ? 8 : id < 1000000000 ? 9 : 10;
    let at = out + <usize>digits;
    out = at;
    do {
      store<u8>(--at, <u8>(0x30 + id % 10));
      id /= 10;
    } while (id);
  }
  return <u32>(out - edges);
}

/** Normals, edges, std::sort of the edges, both Felzenszwalb passes; ids land at `idsPtr()`. */
export function segment(vertexCount: u32, faceCount: u32, kThresh: f32, minVerts: i32): void {
  blendNormals(vertexCount, faceCount);
  buildEdges(faceCount);
  sortEdges(3 * faceCount);
  felzenszwalb(vertexCount, 3 * faceCount, kThresh, minVerts);
}

// ---- normals: running mean of unit face normals, not renormalised (vertex-normals.ts) ----

/** The stages one by one (what `segment` runs), exported to time or profile each on its own. */
export function blendNormals(vertexCount: u32, faceCount: u32): void {
  const normals = scratch;
  const counts = scratch + 12 * <usize>vertexCount;
  memory.fill(normals, 0, 16 * <usize>vertexCount);
  for (let t: u32 = 0; t < faceCount; t++) {
    const at = faces + 12 * <usize>t;
    const i1 = <usize>load<u32>(at);
    const i2 = <usize>load<u32>(at, 4);
    const i3 = <usize>load<u32>(at, 8);
    const p1 = positions + 12 * i1;
    const p2 = positions + 12 * i2;
    const p3 = positions + 12 * i3;
    const x1 = load<f32>(p1), y1 = load<f32>(p1, 4), z1 = load<f32>(p1, 8);
    const ax = load<f32>(p2) - x1, ay = load<f32>(p2, 4) - y1, az = load<f32>(p2, 8) - z1;
    const bx = load<f32>(p3) - x1, by = load<f32>(p3, 4) - y1, bz = load<f32>(p3, 8) - z1;
    let cx = ay * bz - az * by;
    let cy = az * bx - ax * bz;
    let cz = ax * by - ay * bx;
    const len = Mathf.sqrt(cx * cx + cy * cy + cz * cz);
    cx /= len;
    cy /= len;
    cz /= len;
    // All three blends read the counts from before this face (a repeated index blends twice).
    const c1 = counts + (i1 << 2), c2 = counts + (i2 << 2), c3 = counts + (i3 << 2);
    const k1 = load<i32>(c1), k2 = load<i32>(c2), k3 = load<i32>(c3);
    blend(normals + 12 * i1, cx, cy, cz, k1);
    blend(normals + 12 * i2, cx, cy, cz, k2);
    blend(normals + 12 * i3, cx, cy, cz, k3);
    store<i32>(c1, load<i32>(c1) + 1);
    store<i32>(c2, load<i32>(c2) + 1);
    store<i32>(c3, load<i32>(c3) + 1);
  }
}

// @ts-ignore: decorator
@inline
function blend(n: usize, x: f32, y: f32, z: f32, count: i32): void {
  const v: f32 = <f32>1 / <f32>(count + 1);
  const u: f32 = <f32>1 - v;
  store<f32>(n, v * x + u * load<f32>(n));
  store<f32>(n, v * y + u * load<f32>(n, 4), 4);
  store<f32>(n, v * z + u * load<f32>(n, 8), 8);
}

// ---- edges: (i1,i2), (i1,i3), (i3,i2) per face, weight 1 - na·nb, squared when convex (edge-weights.ts) ----

export function buildEdges(faceCount: u32): void {
  const normals = scratch;
  for (let t: u32 = 0; t < faceCount; t++) {
    const at = faces + 12 * <usize>t;
    const v1 = load<u32>(at), v2 = load<u32>(at, 4), v3 = load<u32>(at, 8);
    const p1 = positions + 12 * <usize>v1, p2 = positions + 12 * <usize>v2, p3 = positions + 12 * <usize>v3;
    const n1 = normals + 12 * <usize>v1, n2 = normals + 12 * <usize>v2, n3 = normals + 12 * <usize>v3;
    const e = edges + 3 * EDGE * <usize>t;
    store<f32>(e, weight(p1, n1, p2, n2));
    store<u32>(e, v1, 4);
    store<u32>(e, v2, 8);
    store<f32>(e, weight(p1, n1, p3, n3), EDGE);
    store<u32>(e, v1, EDGE + 4);
    store<u32>(e, v3, EDGE + 8);
    store<f32>(e, weight(p3, n3, p2, n2), 2 * EDGE);
    store<u32>(e, v3, 2 * EDGE + 4);
    store<u32>(e, v2, 2 * EDGE + 8);
  }
}

// @ts-ignore: decorator
@inline
function weight(pa: usize, na: usize, pb: usize, nb: usize): f32 {
  let dx = load<f32>(pb) - load<f32>(pa);
  let dy = load<f32>(pb, 4) - load<f32>(pa, 4);
  let dz = load<f32>(pb, 8) - load<f32>(pa, 8);
  const dd = Mathf.sqrt(dx * dx + dy * dy + dz * dz);
  dx /= dd;
  dy /= dd;
  dz /= dd;
  const nbx = load<f32>(nb), nby = load<f32>(nb, 4), nbz = load<f32>(nb, 8);
  const dot = load<f32>(na) * nbx + load<f32>(na, 4) * nby + load<f32>(na, 8) * nbz;
  const convex = nbx * dx + nby * dy + nbz * dz;
  const w: f32 = <f32>1 - dot;
  return convex > 0 ? w * w : w;
}

// ---- libstdc++ std::sort (introsort) of the edge records by weight (std-sort.ts) ----

// @ts-ignore: decorator
@inline
function key(i: usize): f32 {
  return load<f32>(edges + i * EDGE);
}

// @ts-ignore: decorator
@inline
function swap(i: usize, j: usize): void {
  const p = edges + i * EDGE;
  const q = edges + j * EDGE;
  const x = load<u64>(p), y = load<u32>(p, 8);
  store<u64>(p, load<u64>(q));
  store<u32>(p, load<u32>(q, 8), 8);
  store<u64>(q, x);
  store<u32>(q, y, 8);
}

// @ts-ignore: decorator
@inline
function move(to: usize, from: usize): void {
  const p = edges + to * EDGE;
  const q = edges + from * EDGE;
  store<u64>(p, load<u64>(q));
  store<u32>(p, load<u32>(q, 8), 8);
}

/**
 * Sorts the first `count` edge records exactly as std::sort does; exported for the sort's own tests.
 *
 * std::sort ends with one insertion sort over the whole array, after quicksort has left runs of at
 * most 16 unsorted. With consistent keys (no NaN) that pass never moves a record out of its run (every
 * record before a run is <= every record in it: Hoare's partition puts <= pivot left and >= right), and
 * within a run it is a stable insertion sort. So we sort each run as quicksort leaves it, while it is
 * in cache, for the same result. NaN compares false both ways and voids that argument: then the final
 * pass runs as in libstdc++.
 */
export function sortEdges(count: u32): void {
  const n = <usize>count;
  if (n < 2) return;
  let consistent = true;
  const end = edges + n * EDGE;
  for (let p = edges; p < end; p += EDGE) {
    const k = load<f32>(p);
    if (k != k) {
      consistent = false;
      break;
    }
  }
  introsortLoop(0, n, 2 * (31 - clz<u32>(count)), consistent);
  if (!consistent) finalInsertionSort(n);
}

/** make_heap + sort_heap of the first `count` records (introsort's depth-limit fallback), for tests. */
export function heapSortEdges(count: u32): void {
  heapSort(0, <usize>count);
}

function introsortLoop(first: usize, last: usize, depth: i32, sortRuns: bool): void {
  while (last - first > RUN) {
    if (depth == 0) {
      heapSort(first, last);
      return;
    }
    depth--;
    const cut = partitionAroundMedian(first, last);
    introsortLoop(cut, last, depth, sortRuns);
    last = cut;
  }
  if (sortRuns) stableRunSort(first, last);
}

/** Insertion sort of one short run, stopping at an equal key (stable): what the final pass does to it. */
function stableRunSort(first: usize, last: usize): void {
  const lo = edges + first * EDGE;
  const hi = edges + last * EDGE;
  for (let p = lo + EDGE; p < hi; p += EDGE) {
    const k = load<f32>(p);
    if (!(k < load<f32>(p - EDGE))) continue;
    const x = load<u64>(p), y = load<u32>(p, 8);
    let q = p - EDGE;
    do {
      store<u64>(q + EDGE, load<u64>(q));
      store<u32>(q + EDGE, load<u32>(q, 8), 8);
      q -= EDGE;
    } while (q >= lo && k < load<f32>(q));
    store<u64>(q + EDGE, x);
    store<u32>(q + EDGE, y, 8);
  }
}

// @ts-ignore: decorator
@inline
function swapAt(p: usize, q: usize): void {
  const x = load<u64>(p), y = load<u32>(p, 8);
  store<u64>(p, load<u64>(q));
  store<u32>(p, load<u32>(q, 8), 8);
  store<u64>(q, x);
  store<u32>(q, y, 8);
}

/**
 * Moves the median of (first+1, middle, last-1) to `first`, then partitions the rest around it with
 * exactly the swaps of libstdc++'s unguarded Hoare partition. Hoare swaps the i-th record from the
 * left that is not below the pivot with the i-th from the right that is not above it, until the two
 * meet. While the unscanned middle is at least two blocks long we find those records a block at a
 * time without branches (offsets into small buffers) and swap the same pairs in the same order; the
 * rest runs as Hoare's loop, resumed at the record it would be looking at. Same result, far fewer
 * mispredicted branches.
 */
function partitionAroundMedian(first: usize, last: usize): usize {
  const i = first + 1;
  const j = first + ((last - first) >> 1);
  const k = last - 1;
  const ki = key(i), kj = key(j), kk = key(k);
  let median: usize;
  if (ki < kj) median = kj < kk ? j : ki < kk ? k : i;
  else median = ki < kk ? i : kj < kk ? k : j;
  swap(first, median);

  const pivot = key(first);
  const offL = offsets;
  const offR = offsets + BLOCK;
  let l = edges + (first + 1) * EDGE; // first unscanned record from the left
  let r = edges + last * EDGE; // one past the last unscanned record from the right
  let lBlock = l, rBlock = r; // where the buffered offsets count from
  let nl: usize = 0, sl: usize = 0, nr: usize = 0, sr: usize = 0;
  while (r - l >= 2 * BLOCK * EDGE) {
    if (nl == 0) {
      sl = 0;
      lBlock = l;
      for (let b: usize = 0, p = l; b < BLOCK; b += 4, p += 4 * EDGE) {
        store<u8>(offL + nl, <u8>b);
        nl += <usize>!(load<f32>(p) < pivot);
        store<u8>(offL + nl, <u8>(b + 1));
        nl += <usize>!(load<f32>(p, EDGE) < pivot);
        store<u8>(offL + nl, <u8>(b + 2));
        nl += <usize>!(load<f32>(p, 2 * EDGE) < pivot);
        store<u8>(offL + nl, <u8>(b + 3));
        nl += <usize>!(load<f32>(p, 3 * EDGE) < pivot);
      }
      l += BLOCK * EDGE;
    }
    if (nr == 0) {
      sr = 0;
      rBlock = r;
      for (let b: usize = 0, p = r - EDGE; b < BLOCK; b += 4, p -= 4 * EDGE) {
        store<u8>(offR + nr, <u8>b);
        nr += <usize>!(pivot < load<f32>(p));
        store<u8>(offR + nr, <u8>(b + 1));
        nr += <usize>!(pivot < load<f32>(p - EDGE));
        store<u8>(offR + nr, <u8>(b + 2));
        nr += <usize>!(pivot < load<f32>(p - 2 * EDGE));
        store<u8>(offR + nr, <u8>(b + 3));
        nr += <usize>!(pivot < load<f32>(p - 3 * EDGE));
      }
      r -= BLOCK * EDGE;
    }
    const m = nl < nr ? nl : nr;
    for (let b: usize = 0; b < m; b++) {
      swapAt(lBlock + <usize>load<u8>(offL + sl + b) * EDGE, rBlock - (<usize>load<u8>(offR + sr + b) + 1) * EDGE);
    }
    nl -= m;
    sl += m;
    nr -= m;
    sr += m;
  }
  // Resume Hoare: at a buffered left candidate, or just above a buffered right one (its `hi--` lands
  // there); unbuffered scanned records are ones Hoare would step over.
  let lo = l, hi = r;
  if (nl) lo = lBlock + <usize>load<u8>(offL + sl) * EDGE;
  else if (nr) hi = rBlock - <usize>load<u8>(offR + sr) * EDGE;
  while (true) {
    while (load<f32>(lo) < pivot) lo += EDGE;
    hi -= EDGE;
    while (pivot < load<f32>(hi)) hi -= EDGE;
    if (!(lo < hi)) return (lo - edges) / EDGE;
    swapAt(lo, hi);
    lo += EDGE;
  }
  return 0;
}

function finalInsertionSort(n: usize): void {
  if (n > RUN) {
    insertionSort(0, RUN);
    for (let i: usize = RUN; i < n; i++) linearInsert(i);
  } else {
    insertionSort(0, n);
  }
}

function insertionSort(first: usize, last: usize): void {
  for (let i = first + 1; i < last; i++) {
    const k = key(i);
    if (k < key(first)) {
      const p = edges + i * EDGE;
      const x = load<u64>(p), y = load<u32>(p, 8);
      const f = edges + first * EDGE;
      memory.copy(f + EDGE, f, (i - first) * EDGE);
      store<u64>(f, x);
      store<u32>(f, y, 8);
    } else {
      linearInsert(i);
    }
  }
}

/** Shifts record `i` left past every larger key; stops at a smaller-or-equal one. */
function linearInsert(i: usize): void {
  const p = edges + i * EDGE;
  const k = load<f32>(p);
  const x = load<u64>(p), y = load<u32>(p, 8);
  let j = <isize>i - 1;
  // `j >= 0` only guards against inconsistent (NaN) keys, as in std-sort.ts.
  while (j >= 0 && k < key(<usize>j)) {
    move(<usize>j + 1, <usize>j);
    j--;
  }
  const q = edges + <usize>(j + 1) * EDGE;
  store<u64>(q, x);
  store<u32>(q, y, 8);
}

function heapSort(first: usize, last: usize): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = (len - 2) >> 1; ; parent--) {
    const p = edges + (first + parent) * EDGE;
    adjustHeap(first, parent, len, load<u64>(p), load<u32>(p, 8));
    if (parent == 0) break;
  }
  for (let end = len - 1; end > 0; end--) {
    // Pop: the top goes to `end`, the record that was there sifts down from the root.
    const p = edges + (first + end) * EDGE;
    const x = load<u64>(p), y = load<u32>(p, 8);
    move(first + end, first);
    adjustHeap(first, 0, end, x, y);
  }
}

/** libstdc++ `__adjust_heap`: sift the hole down to a leaf, then push the held record back up. */
function adjustHeap(first: usize, hole: usize, len: usize, x: u64, y: u32): void {
  const k = reinterpret<f32>(<u32>x);
  const top = hole;
  let child = hole;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (key(first + child) < key(first + child - 1)) child--;
    move(first + hole, first + child);
    hole = child;
  }
  if ((len & 1) == 0 && child == (len - 2) >> 1) {
    child = 2 * (child + 1);
    move(first + hole, first + child - 1);
    hole = child - 1;
  }
  let parent = (hole - 1) >> 1;
  while (hole > top && key(first + parent) < k) {
    move(first + hole, first + parent);
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  const q = edges + (first + hole) * EDGE;
  store<u64>(q, x);
  store<u32>(q, y, 8);
}

// ---- the two Felzenszwalb passes over the sorted edges (mesh-felzenszwalb.ts) ----

export function felzenszwalb(vertexCount: u32, edgeCount: u32, kThresh: f32, minVerts: i32): void {
  const v = <usize>vertexCount;
  const parent = scratch;
  const size = parent + 4 * v;
  const threshold = size + 4 * v;
  const rank = threshold + 4 * v;
  const small = rank + v;
  for (let i: usize = 0; i < v; i++) {
    store<u32>(parent + (i << 2), <u32>i);
    store<i32>(size + (i << 2), 1);
    store<f32>(threshold + (i << 2), kThresh);
  }
  memory.fill(rank, 0, v);

  const end = edges + <usize>edgeCount * EDGE;
  for (let e = edges; e < end; e += EDGE) {
    const ra = find(parent, load<u32>(e, 4));
    const rb = find(parent, load<u32>(e, 8));
    if (ra == rb) continue;
    const w = load<f32>(e);
    if (w <= load<f32>(threshold + (<usize>ra << 2)) && w <= load<f32>(threshold + (<usize>rb << 2))) {
      const root = join(parent, size, rank, ra, rb);
      store<f32>(threshold + (<usize>root << 2), w + kThresh / <f32>load<i32>(size + (<usize>root << 2)));
    }
  }

  let any: u32 = 0;
  for (let i: usize = 0; i < v; i++) {
    const s: u32 = load<i32>(size + (<usize>find(parent, <u32>i) << 2)) < minVerts ? 1 : 0;
    store<u8>(small + i, <u8>s);
    any |= s;
  }
  if (any) {
    // A component small at any point of this pass holds only marked vertices, so an edge with
    // neither end marked can never join anything and is skipped without a find.
    for (let e = edges; e < end; e += EDGE) {
      const va = load<u32>(e, 4);
      const vb = load<u32>(e, 8);
      if ((load<u8>(small + va) | load<u8>(small + vb)) == 0) continue;
      const ra = find(parent, va);
      const rb = find(parent, vb);
      if (ra != rb && (load<i32>(size + (<usize>ra << 2)) < minVerts || load<i32>(size + (<usize>rb << 2)) < minVerts)) {
        join(parent, size, rank, ra, rb);
      }
    }
  }
  // After find(i) every parent[i] is its root: parent becomes the ids array.
  for (let i: u32 = 0; i < vertexCount; i++) find(parent, i);
}

/** Root of `x`, pointing every element on the way straight at it (roots and ranks stay as they are). */
// @ts-ignore: decorator
@inline
function find(parent: usize, x: u32): u32 {
  let root = x;
  let p = load<u32>(parent + (<usize>root << 2));
  while (p != root) {
    root = p;
    p = load<u32>(parent + (<usize>root << 2));
  }
  while (x != root) {
    const at = parent + (<usize>x << 2);
    const next = load<u32>(at);
    store<u32>(at, root);
    x = next;
  }
  return root;
}

/** The reference's union by rank: the higher rank wins, `y` on a tie. Returns the new root. */
function join(parent: usize, size: usize, rank: usize, x: u32, y: u32): u32 {
  const rx = load<u8>(rank + x), ry = load<u8>(rank + y);
  const sx = size + (<usize>x << 2), sy = size + (<usize>y << 2);
  if (rx > ry) {
    store<u32>(parent + (<usize>y << 2), x);
    store<i32>(sx, load<i32>(sx) + load<i32>(sy));
    return x;
  }
  store<u32>(parent + (<usize>x << 2), y);
  store<i32>(sy, load<i32>(sy) + load<i32>(sx));
  if (rx == ry) store<u8>(rank + y, ry + 1);
  return y;
}
