// Sorts edges by weight in exactly the order GCC's libstdc++ `std::sort` leaves them (introsort:
// median-of-three quicksort down to runs of 16, heapsort past the depth limit, then one insertion sort).
// ScanNet's Segmentator sorts with `std::sort`, which is not stable: edges of equal weight end up in an
// order that only this algorithm reproduces, and that order decides merges and segment ids. A stable
// sort would give a slightly different partition, so we mirror the algorithm rather than the contract.
//
// Two Int32Array payloads (an edge's endpoints) move with each key, like the C++ edge struct: sorting
// them in place is sequential work, where gathering them afterwards by index would be random access.

/** Size at which quicksort hands a run over to insertion sort (libstdc++ `_S_threshold`). */
const RUN = 16;

/**
 * Sorts `keys` ascending with `x < y` as the only comparison (NaN compares false, like C++ floats),
 * moving `pa[i]` and `pb[i]` along with `keys[i]`. All three arrays must have the same length.
 */
export function stdSortByKey(keys: Float32Array, pa: Int32Array, pb: Int32Array): void {
  const n = keys.length;
  if (pa.length !== n || pb.length !== n) throw new RangeError(`stdSortByKey: ${n} keys but ${pa.length} and ${pb.length} values`);
  if (n < 2) return;
  introsortLoop(keys, pa, pb, 0, n, 2 * Math.floor(Math.log2(n)));
  finalInsertionSort(keys, pa, pb, 0, n);
}

/** Heapsort in the order of libstdc++ `std::make_heap` + `std::sort_heap` (introsort's depth-limit fallback). */
export function stdHeapSortByKey(keys: Float32Array, pa: Int32Array, pb: Int32Array): void {
  const n = keys.length;
  if (pa.length !== n || pb.length !== n) throw new RangeError(`stdHeapSortByKey: ${n} keys but ${pa.length} and ${pb.length} values`);
  heapSort(keys, pa, pb, 0, n);
}

function swap(keys: Float32Array, pa: Int32Array, pb: Int32Array, i: number, j: number): void {
  const k = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = k;
  const x = pa[i]!;
  pa[i] = pa[j]!;
  pa[j] = x;
  const y = pb[i]!;
  pb[i] = pb[j]!;
  pb[j] = y;
}

/** Copies element `from` over element `to`. */
function move(keys: Float32Array, pa: Int32Array, pb: Int32Array, to: number, from: number): void {
  keys[to] = keys[from]!;
  pa[to] = pa[from]!;
  pb[to] = pb[from]!;
}

function introsortLoop(keys: Float32Array, pa: Int32Array, pb: Int32Array, first: number, last: number, depth: number): void {
  while (last - first > RUN) {
    if (depth === 0) {
      heapSort(keys, pa, pb, first, last);
      return;
    }
    depth--;
    const cut = partitionAroundMedian(keys, pa, pb, first, last);
    introsortLoop(keys, pa, pb, cut, last, depth);
    last = cut;
  }
}

/** Moves the median of (first+1, middle, last-1) to `first`, then partitions the rest around it. */
function partitionAroundMedian(keys: Float32Array, pa: Int32Array, pb: Int32Array, first: number, last: number): number {
  const i = first + 1;
  const j = first + ((last - first) >> 1);
  const k = last - 1;
  const ki = keys[i]!;
  const kj = keys[j]!;
  const kk = keys[k]!;
  let median: number;
  if (ki < kj) median = kj < kk ? j : ki < kk ? k : i;
  else median = ki < kk ? i : kj < kk ? k : j;
  swap(keys, pa, pb, first, median);

  // Unguarded partition of [first+1, last): the pivot at `first` never moves while we scan.
  const pivot = keys[first]!;
  let lo = first + 1;
  let hi = last;
  for (;;) {
    while (keys[lo]! < pivot) lo++;
    hi--;
    while (pivot < keys[hi]!) hi--;
    if (!(lo < hi)) return lo;
    swap(keys, pa, pb, lo, hi);
    lo++;
  }
}

function finalInsertionSort(keys: Float32Array, pa: Int32Array, pb: Int32Array, first: number, last: number): void {
  if (last - first > RUN) {
    insertionSort(keys, pa, pb, first, first + RUN);
    // The first run holds the minimum, so later inserts need no bounds check.
    for (let i = first + RUN; i < last; i++) linearInsert(keys, pa, pb, i);
  } else {
    insertionSort(keys, pa, pb, first, last);
  }
}

function insertionSort(keys: Float32Array, pa: Int32Array, pb: Int32Array, first: number, last: number): void {
  for (let i = first + 1; i < last; i++) {
    const k = keys[i]!;
    if (k < keys[first]!) {
      const x = pa[i]!;
      const y = pb[i]!;
      keys.copyWithin(first + 1, first, i);
      pa.copyWithin(first + 1, first, i);
      pb.copyWithin(first + 1, first, i);
      keys[first] = k;
      pa[first] = x;
      pb[first] = y;
    } else {
      linearInsert(keys, pa, pb, i);
    }
  }
}

/** Shifts the element at `i` left past every larger one; stops at a smaller-or-equal element. */
function linearInsert(keys: Float32Array, pa: Int32Array, pb: Int32Array, i: number): void {
  const k = keys[i]!;
  const x = pa[i]!;
  const y = pb[i]!;
  let j = i - 1;
  // `j >= 0` only guards against inconsistent (NaN) keys; with ordered keys a sentinel always stops us.
  while (j >= 0 && k < keys[j]!) {
    move(keys, pa, pb, j + 1, j);
    j--;
  }
  keys[j + 1] = k;
  pa[j + 1] = x;
  pb[j + 1] = y;
}

function heapSort(keys: Float32Array, pa: Int32Array, pb: Int32Array, first: number, last: number): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = (len - 2) >> 1; ; parent--) {
    const at = first + parent;
    adjustHeap(keys, pa, pb, first, parent, len, keys[at]!, pa[at]!, pb[at]!);
    if (parent === 0) break;
  }
  for (let end = len - 1; end > 0; end--) {
    // Pop: the top goes to `end`, the element that was there sifts down from the root.
    const at = first + end;
    const k = keys[at]!;
    const x = pa[at]!;
    const y = pb[at]!;
    move(keys, pa, pb, at, first);
    adjustHeap(keys, pa, pb, first, 0, end, k, x, y);
  }
}

/** libstdc++ `__adjust_heap`: sift the hole down to a leaf, then push the held element back up. */
function adjustHeap(keys: Float32Array, pa: Int32Array, pb: Int32Array, first: number, hole: number, len: number, k: number, x: number, y: number): void {
  const top = hole;
  let child = hole;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (keys[first + child]! < keys[first + child - 1]!) child--;
    move(keys, pa, pb, first + hole, first + child);
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    move(keys, pa, pb, first + hole, first + child - 1);
    hole = child - 1;
  }
  let parent = (hole - 1) >> 1;
  while (hole > top && keys[first + parent]! < k) {
    move(keys, pa, pb, first + hole, first + parent);
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  keys[first + hole] = k;
  pa[first + hole] = x;
  pb[first + hole] = y;
}
