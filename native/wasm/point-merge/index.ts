// Felzenszwalb merging of point-cloud superpoints over edges already sorted by weight: the loops of
// app/segment/point-graph.ts's mergeSortedEdges as a WebAssembly kernel (AssemblyScript; built by
// tools/build-wasm.js into dist/wasm/point-merge.wasm). The JS stays the reference: the same union
// by size, the same float32 thresholds (an f32 add or divide rounds exactly as the JS's f64 operation
// then Math.fround does), so the partition is the same; roots may differ only in path compression,
// which never changes which vertices share a root.
//
// Memory, laid out by `reserve`: a i32[m] | b i32[m] | w f32[m] | parent i32[n] | size i32[n]
//   | threshold f32[n] | small u8[n]. `merge` leaves each vertex's root in parent.

let ea: usize = 0;
let eb: usize = 0;
let ew: usize = 0;
let parent: usize = 0;
let size: usize = 0;
let threshold: usize = 0;
let small: usize = 0;

function align16(x: u64): u64 {
  return (x + 15) & ~(<u64>15);
}

/** Lays memory out for n vertices and m edges, growing it if needed; 0 when that passes 4 GiB. */
export function reserve(n: u32, m: u32): i32 {
  const N = <u64>n;
  const M = <u64>m;
  const a = align16(<u64>__heap_base);
  const b = align16(a + 4 * M);
  const w = align16(b + 4 * M);
  const p = align16(w + 4 * M);
  const s = align16(p + 4 * N);
  const t = align16(s + 4 * N);
  const sm = align16(t + 4 * N);
  const need = sm + N;
  if (need > 0xffff_0000) return 0;
  const pages = <i32>((need + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  ea = <usize>a;
  eb = <usize>b;
  ew = <usize>w;
  parent = <usize>p;
  size = <usize>s;
  threshold = <usize>t;
  small = <usize>sm;
  return 1;
}

export function edgesAPtr(): usize {
  return ea;
}
export function edgesBPtr(): usize {
  return eb;
}
export function weightsPtr(): usize {
  return ew;
}
export function rootsPtr(): usize {
  return parent;
}

@inline function parentOf(x: i32): i32 {
  return load<i32>(parent + (<usize>x << 2));
}
@inline function sizeOf(x: i32): i32 {
  return load<i32>(size + (<usize>x << 2));
}

/** Root of x, halving the path on the way. */
@inline function find(x: i32): i32 {
  let p = parentOf(x);
  while (p != x) {
    const up = parentOf(p);
    store<i32>(parent + (<usize>x << 2), up);
    x = up;
    p = parentOf(x);
  }
  return x;
}

/** Joins roots a and b (the larger keeps its root; a on equal sizes); answers the new root. */
@inline function join(a: i32, b: i32): i32 {
  const sa = sizeOf(a);
  const sb = sizeOf(b);
  if (sa < sb) {
    store<i32>(parent + (<usize>a << 2), b);
    store<i32>(size + (<usize>b << 2), sa + sb);
    return b;
  }
  store<i32>(parent + (<usize>b << 2), a);
  store<i32>(size + (<usize>a << 2), sa + sb);
  return a;
}

/** Both passes over the m sorted edges of n vertices; roots end in parent. */
export function merge(n: i32, m: i32, kThresh: f32, minSize: i32): void {
  for (let i = 0; i < n; i++) {
    store<i32>(parent + (<usize>i << 2), i);
    store<i32>(size + (<usize>i << 2), 1);
    store<f32>(threshold + (<usize>i << 2), kThresh);
  }
  for (let e = 0; e < m; e++) {
    const w = load<f32>(ew + (<usize>e << 2));
    const a = find(load<i32>(ea + (<usize>e << 2)));
    const b = find(load<i32>(eb + (<usize>e << 2)));
    if (a == b || w > load<f32>(threshold + (<usize>a << 2)) || w > load<f32>(threshold + (<usize>b << 2))) continue;
    const r = join(a, b);
    store<f32>(threshold + (<usize>r << 2), w + kThresh / <f32>sizeOf(r));
  }
  // Sizes only grow: only edges touching a component still below minSize can join in this pass.
  let any = false;
  for (let i = 0; i < n; i++) {
    const isSmall = sizeOf(find(i)) < minSize;
    store<u8>(small + <usize>i, isSmall ? 1 : 0);
    any = any || isSmall;
  }
  if (any) {
    for (let e = 0; e < m; e++) {
      const u = load<i32>(ea + (<usize>e << 2));
      const v = load<i32>(eb + (<usize>e << 2));
      if (load<u8>(small + <usize>u) == 0 && load<u8>(small + <usize>v) == 0) continue;
      const a = find(u);
      const b = find(v);
      if (a != b && (sizeOf(a) < minSize || sizeOf(b) < minSize)) join(a, b);
    }
  }
  for (let i = 0; i < n; i++) store<i32>(parent + (<usize>i << 2), find(i));
}
