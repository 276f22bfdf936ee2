// Level of detail for large clouds: a "nested" octree. Each inner node keeps a random subset of
// `capacity` of its points and hands the rest to its eight children, so any top-down connected set
// of nodes draws every chosen point exactly once, and descending only adds density. Points are
// reordered so that each node owns one contiguous range: a node is then a draw range over shared
// GPU buffers, and the pick pass draws exactly the ranges the screen drew.
export interface OctreeNode {
  /** First point (in the reordered arrays) and how many this node owns. */
  start: number;
  count: number;
  /** Points in this node and all its descendants. */
  total: number;
  level: number;
  /** Cube bounds, data frame. */
  min: [number, number, number];
  max: [number, number, number];
  children: number[];
}

export interface Octree {
  /** Node 0 is the root; empty when there are no points. */
  nodes: OctreeNode[];
  /** order[k] = original index of the k-th point in the reordered arrays. */
  order: Uint32Array;
  /** The positions in tree order (xyz; positions[k] is the input's order[k]). */
  positions: Float32Array;
}

export interface OctreeOptions {
  /** Points an inner node keeps (and the most a leaf holds). */
  capacity?: number;
  /** Depth limit, so duplicate points cannot recurse forever. */
  maxDepth?: number;
  seed?: number;
  /** Reorder the given positions array itself instead of a copy (the caller owns it and gives it up). */
  inPlace?: boolean;
}

export const DEFAULT_NODE_CAPACITY = 32_768;

/** Small deterministic PRNG (mulberry32): the same cloud gives the same tree. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Swaps points a and b in `order` and the xyz `pos` that moves with it. */
function swap(order: Uint32Array, pos: Float32Array, a: number, b: number): void {
  const t = order[a]!;
  order[a] = order[b]!;
  order[b] = t;
  for (let c = 0; c < 3; c++) {
    const v = pos[a * 3 + c]!;
    pos[a * 3 + c] = pos[b * 3 + c]!;
    pos[b * 3 + c] = v;
  }
}

/**
 * Builds the tree on a copy of the positions that moves along with `order`, in place: each level
 * then reads its points in sequence instead of gathering them through `order` from all over the
 * cloud (a cache miss per point per level), and the copy ends up in tree order for the upload.
 */
export function buildOctree(input: Float32Array, options: OctreeOptions = {}): Octree {
  const capacity = Math.max(1, options.capacity ?? DEFAULT_NODE_CAPACITY);
  const maxDepth = options.maxDepth ?? 16;
  const random = prng(options.seed ?? 1);
  const n = Math.floor(input.length / 3);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const pos = options.inPlace ? input.subarray(0, n * 3) : input.slice(0, n * 3);
  if (n === 0) return { nodes: [], order, positions: pos };

  const lo: [number, number, number] = [Infinity, Infinity, Infinity];
  const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const v = pos[i * 3 + k]!;
      if (v < lo[k]!) lo[k] = v;
      if (v > hi[k]!) hi[k] = v;
    }
  }
  // A cube keeps children cubes, so screen-size priorities compare like with like.
  const size = Math.max(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 1e-6);
  const nodes: OctreeNode[] = [];

  const stack: Array<{ index: number; start: number; end: number }> = [];
  const make = (start: number, end: number, level: number, min: [number, number, number], max: [number, number, number]) => {
    nodes.push({ start, count: 0, total: end - start, level, min, max, children: [] });
    stack.push({ index: nodes.length - 1, start, end });
    return nodes.length - 1;
  };
  make(0, n, 0, lo, [lo[0] + size, lo[1] + size, lo[2] + size]);
  const counts = new Uint32Array(8);
  const heads = new Uint32Array(8);
  const ends = new Uint32Array(8);
  const octants = new Uint8Array(n);

  while (stack.length) {
    const { index, start, end } = stack.pop()!;
    const node = nodes[index]!;
    const count = end - start;
    if (count <= capacity || node.level >= maxDepth) {
      node.count = count;
      continue;
    }
    // Random subset for this node: a partial Fisher-Yates over its range.
    for (let i = 0; i < capacity; i++) swap(order, pos, start + i, start + i + Math.floor(random() * (count - i)));
    node.count = capacity;
    // The rest by octant: count, then an in-place 8-way partition (each swap puts one point in its bucket).
    const rest = start + capacity;
    const mx = (node.min[0] + node.max[0]) / 2;
    const my = (node.min[1] + node.max[1]) / 2;
    const mz = (node.min[2] + node.max[2]) / 2;
    counts.fill(0);
    for (let k = rest; k < end; k++) {
      // Branch-free: the comparisons are unpredictable, and a mispredicted branch per axis dominated.
      const o = +(pos[k * 3]! >= mx) | (+(pos[k * 3 + 1]! >= my) << 1) | (+(pos[k * 3 + 2]! >= mz) << 2);
      octants[k] = o;
      counts[o]!++;
    }
    let acc = rest;
    for (let o = 0; o < 8; o++) {
      heads[o] = acc;
      acc += counts[o]!;
      ends[o] = acc;
    }
    const offsets = heads.slice();
    for (let b = 0; b < 8; b++) {
      while (heads[b]! < ends[b]!) {
        const k = heads[b]!;
        const o = octants[k]!;
        if (o === b) heads[b]!++;
        else {
          const d = heads[o]!++;
          swap(order, pos, k, d);
          octants[k] = octants[d]!;
          octants[d] = o;
        }
      }
    }
    const half = (node.max[0] - node.min[0]) / 2;
    for (let o = 0; o < 8; o++) {
      if (!counts[o]) continue;
      const cmin: [number, number, number] = [o & 1 ? mx : node.min[0], o & 2 ? my : node.min[1], o & 4 ? mz : node.min[2]];
      const child = make(offsets[o]!, offsets[o]! + counts[o]!, node.level + 1, cmin, [cmin[0] + half, cmin[1] + half, cmin[2] + half]);
      node.children.push(child);
    }
  }
  return { nodes, order, positions: pos };
}

/**
 * Copies `src` (with `stride` values per point) into tree order. A random gather over the whole
 * cloud, so it runs through one monomorphic loop per element size (a 4-byte array is copied as
 * Uint32 bits): a loop that sees Float32Array, Uint8Array and Int32Array in turn goes megamorphic
 * in V8 and takes several times longer.
 */
export function reorder<T extends Float32Array | Uint8Array | Int32Array>(src: T, stride: number, order: Uint32Array): T {
  const out = new (src.constructor as new (n: number) => T)(order.length * stride);
  if (src instanceof Uint8Array) {
    if (stride === 3) gather3u8(src, out as Uint8Array, order);
    else gatherU8(src, out as Uint8Array, stride, order);
  } else {
    const from = new Uint32Array(src.buffer, src.byteOffset, src.length);
    const to = new Uint32Array(out.buffer, out.byteOffset, out.length);
    if (stride === 1) gather1u32(from, to, order);
    else if (stride === 3) gather3u32(from, to, order);
    else gatherU32(from, to, stride, order);
  }
  return out;
}

function gather1u32(src: Uint32Array, out: Uint32Array, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) out[k] = src[order[k]!]!;
}

function gather3u32(src: Uint32Array, out: Uint32Array, order: Uint32Array): void {
  for (let k = 0, d = 0; k < order.length; k++, d += 3) {
    const s = order[k]! * 3;
    out[d] = src[s]!;
    out[d + 1] = src[s + 1]!;
    out[d + 2] = src[s + 2]!;
  }
}

function gather3u8(src: Uint8Array, out: Uint8Array, order: Uint32Array): void {
  for (let k = 0, d = 0; k < order.length; k++, d += 3) {
    const s = order[k]! * 3;
    out[d] = src[s]!;
    out[d + 1] = src[s + 1]!;
    out[d + 2] = src[s + 2]!;
  }
}

function gatherU32(src: Uint32Array, out: Uint32Array, stride: number, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) for (let c = 0; c < stride; c++) out[k * stride + c] = src[order[k]! * stride + c]!;
}

function gatherU8(src: Uint8Array, out: Uint8Array, stride: number, order: Uint32Array): void {
  for (let k = 0; k < order.length; k++) for (let c = 0; c < stride; c++) out[k * stride + c] = src[order[k]! * stride + c]!;
}

export interface LodCandidate {
  /** Node index. */
  node: number;
  /** Larger is drawn first: projected size on screen, in pixels. */
  priority: number;
  /** False when the node lies outside the view (or the clip box): neither it nor its children are drawn. */
  visible: boolean;
}

/**
 * Picks the nodes to draw: the largest on screen first, a child only after its parent, until the
 * next node would pass `budget` points. `measure` gives a node's screen priority and visibility.
 */
export function selectNodes(nodes: readonly OctreeNode[], budget: number, measure: (node: number) => LodCandidate): { selected: number[]; points: number } {
  const selected: number[] = [];
  if (!nodes.length) return { selected, points: 0 };
  let points = 0;
  // Binary max-heap on priority.
  const heap: LodCandidate[] = [];
  const push = (c: LodCandidate) => {
    heap.push(c);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]!.priority >= heap[i]!.priority) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const pop = (): LodCandidate => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = i * 2 + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]!.priority > heap[m]!.priority) m = l;
        if (r < heap.length && heap[r]!.priority > heap[m]!.priority) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  push(measure(0));
  while (heap.length) {
    const c = pop();
    if (!c.visible) continue;
    const node = nodes[c.node]!;
    if (points + node.count > budget) break;
    points += node.count;
    selected.push(c.node);
    for (const child of node.children) push(measure(child));
  }
  return { selected, points };
}
