import { describe, expect, it } from 'vitest';
import { stdHeapSortByKey, stdSortByKey } from './std-sort';

/** Keys 0..3 from the C LCG the fixture program used, so both sides sort the same input. */
function lcgKeys(n: number): Float32Array {
  const keys = new Float32Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    keys[i] = (s >>> 16) % 4;
  }
  return keys;
}

const iota = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

// Orders printed by g++ 12 (libstdc++) -O2 for the same 40 keys: `std::sort`, and make_heap + sort_heap.
const GCC_SORT = [1, 32, 27, 26, 25, 23, 19, 17, 15, 10, 0, 9, 28, 2, 16, 18, 6, 21, 24, 5, 38, 31, 29, 3, 34, 35, 7, 8, 12, 36, 37, 33, 39, 30, 22, 20, 14, 13, 11, 4];
const GCC_HEAP = [25, 10, 23, 32, 26, 1, 19, 15, 0, 17, 27, 5, 16, 9, 21, 24, 18, 28, 2, 6, 31, 34, 35, 38, 7, 3, 8, 12, 29, 33, 36, 37, 39, 20, 4, 22, 11, 13, 14, 30];

describe('stdSortByKey', () => {
  it('leaves equal keys in the order libstdc++ std::sort does', () => {
    const keys = lcgKeys(40);
    const ids = iota(40);
    stdSortByKey(keys, ids, ids.map((i) => -i));
    expect([...ids]).toEqual(GCC_SORT);
  });

  it('heap fallback leaves equal keys in the order of make_heap + sort_heap', () => {
    const keys = lcgKeys(40);
    const ids = iota(40);
    stdHeapSortByKey(keys, ids, ids.map((i) => -i));
    expect([...ids]).toEqual(GCC_HEAP);
  });

  it('sorts large inputs with many ties and keeps keys paired with ids', () => {
    for (const n of [0, 1, 2, 17, 1000, 50_000]) {
      const keys = lcgKeys(n).map((k, i) => k + (i % 3) * 0.25);
      const original = keys.slice();
      const ids = iota(n);
      const negated = ids.map((i) => -i);
      stdSortByKey(keys, ids, negated);
      let unordered = 0;
      let unpaired = 0;
      for (let i = 1; i < n; i++) if (!(keys[i - 1]! <= keys[i]!)) unordered++;
      for (let i = 0; i < n; i++) if (original[ids[i]!] !== keys[i] || negated[i] !== -ids[i]!) unpaired++;
      expect({ unordered, unpaired, distinctIds: new Set(ids).size }).toEqual({ unordered: 0, unpaired: 0, distinctIds: n });
    }
  });
});
