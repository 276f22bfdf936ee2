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
}

export interface OctreeOptions {
  /** Points an inner node keeps (and the most a leaf holds). */
  capacity?: number;
  /** Depth limit, so duplicate points cannot recurse forever. */
  maxDepth?: number;
  seed?: number;
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

export function buildOctree(positions: Float32Array, options: OctreeOptions = {}): Octree {
  const capacity = Math.max(1, options.capacity ?? DEFAULT_NODE_CAPACITY);
  const maxDepth = options.maxDepth ?? 16;
  const random = prng(options.seed ?? 1);
  const n = Math.floor(positions.length / 3);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n === 0) return { nodes: [], order };

  const lo: [number, number, number] = [Infinity, Infinity, Infinity];
  const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const v = positions[i * 3 + k]!;
      if (v < lo[k]!) lo[k] = v;
      if (v > hi[k]!) hi[k] = v;
    }
  }
  // A cube keeps children cubes, so screen-size priorities compare like with like.
  const size = Math.max(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 1e-6);
  const nodes: OctreeNode[] = [];
  const scratch = new Uint32Array(n);
  const octant = new Uint8Array(n);

  const stack: Array<{ index: number; start: number; end: number }> = [];
  const make = (start: number, end: number, level: number, min: [number, number, number], max: [number, number, number]) => {
    nodes.push({ start, count: 0, total: end - start, level, min, max, children: [] });
    stack.push({ index: nodes.length - 1, start, end });
    return nodes.length - 1;
  };
  make(0, n, 0, lo, [lo[0] + size, lo[1] + size, lo[2] + size]);

  while (stack.length) {
    const { index, start, end } = stack.pop()!;
    const node = nodes[index]!;
    const count = end - start;
    if (count <= capacity || node.level >= maxDepth) {
      node.count = count;
      continue;
    }
    // Random subset for this node: a partial Fisher-Yates over its range.
    for (let i = 0; i < capacity; i++) {
      const j = start + i + Math.floor(random() * (count - i));
      const t = order[start + i]!;
      order[start + i] = order[j]!;
      order[j] = t;
    }
    node.count = capacity;
    // Counting sort of the rest by octant.
    const rest = start + capacity;
    const mid = [(node.min[0] + node.max[0]) / 2, (node.min[1] + node.max[1]) / 2, (node.min[2] + node.max[2]) / 2];
    const counts = new Array<number>(8).fill(0);
    for (let k = rest; k < end; k++) {
      const p = order[k]! * 3;
      const o = (positions[p]! >= mid[0]! ? 1 : 0) | (positions[p + 1]! >= mid[1]! ? 2 : 0) | (positions[p + 2]! >= mid[2]! ? 4 : 0);
      octant[k] = o;
      counts[o]!++;
    }
    const offsets = new Array<number>(8);
    let acc = rest;
    for (let o = 0; o < 8; o++) {
      offsets[o] = acc;
      acc += counts[o]!;
    }
    const cursor = [...offsets];
    for (let k = rest; k < end; k++) scratch[cursor[octant[k]!]!++] = order[k]!;
    order.set(scratch.subarray(rest, end), rest);
    for (let o = 0; o < 8; o++) {
      if (!counts[o]) continue;
      const cmin: [number, number, number] = [
        o & 1 ? mid[0]! : node.min[0],
        o & 2 ? mid[1]! : node.min[1],
        o & 4 ? mid[2]! : node.min[2],
      ];
      const half = (node.max[0] - node.min[0]) / 2;
      const child = make(offsets[o]!, offsets[o]! + counts[o]!, node.level + 1, cmin, [cmin[0] + half, cmin[1] + half, cmin[2] + half]);
      node.children.push(child);
    }
  }
  return { nodes, order };
}

/** Copies `src` (with `stride` values per point) into tree order. */
export function reorder<T extends Float32Array | Uint8Array | Int32Array>(src: T, stride: number, order: Uint32Array): T {
  const out = new (src.constructor as new (n: number) => T)(order.length * stride);
  if (stride === 1) {
    for (let k = 0; k < order.length; k++) out[k] = src[order[k]!]!;
  } else {
    for (let k = 0; k < order.length; k++) {
      const s = order[k]! * stride;
      const d = k * stride;
      for (let c = 0; c < stride; c++) out[d + c] = src[s + c]!;
    }
  }
  return out;
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
