// The disjoint-set forest of Felzenszwalb's reference code, which ScanNet's Segmentator uses: union by
// rank with the reference's tie rule. Segment ids are root indices, so `join` must follow those exact
// rules; `find` may compress paths however it likes, since compression never changes roots or ranks.

// Parent, size and rank of an element sit side by side (as in the C++ struct): on large meshes the
// forest is walked at random, and one cache line per element instead of three is most of the speed.
const PARENT = 0;
const SIZE = 1;
const RANK = 2;
const STRIDE = 3;

export class DisjointSet {
  private readonly elts: Int32Array;
  private sets: number;

  constructor(count: number) {
    const elts = new Int32Array(count * STRIDE);
    for (let i = 0; i < count; i++) {
      elts[i * STRIDE + PARENT] = i;
      elts[i * STRIDE + SIZE] = 1;
    }
    this.elts = elts;
    this.sets = count;
  }

  find(x: number): number {
    const elts = this.elts;
    let root = x;
    for (let p = elts[root * STRIDE]!; p !== root; p = elts[root * STRIDE]!) root = p;
    // Full path compression. Roots and ranks change only in `join`, so which element is a set's root
    // (the segment id) is the same as with the reference's single-element update; paths just stay short.
    while (x !== root) {
      const next = elts[x * STRIDE]!;
      elts[x * STRIDE] = root;
      x = next;
    }
    return root;
  }

  /** Joins two roots; the root of higher rank (or `y` on a tie) becomes the root of both. */
  join(x: number, y: number): void {
    const elts = this.elts;
    const ox = x * STRIDE;
    const oy = y * STRIDE;
    if (elts[ox + RANK]! > elts[oy + RANK]!) {
      elts[oy + PARENT] = x;
      elts[ox + SIZE]! += elts[oy + SIZE]!;
    } else {
      elts[ox + PARENT] = y;
      elts[oy + SIZE]! += elts[ox + SIZE]!;
      if (elts[ox + RANK] === elts[oy + RANK]) elts[oy + RANK]!++;
    }
    this.sets--;
  }

  /** Size of the set rooted at `root`. */
  size(root: number): number {
    return this.elts[root * STRIDE + SIZE]!;
  }

  get setCount(): number {
    return this.sets;
  }
}
