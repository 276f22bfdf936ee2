// How far two segmentations of the same vertices agree, independent of how their segments are numbered.

export interface PartitionAgreement {
  /** Share of vertices (0..1) that lie in matched segment pairs; 1 when the partitions are the same. */
  vertexAgreement: number;
  segmentsA: number;
  segmentsB: number;
  /** Segments of A whose vertex set is exactly a segment of B. */
  identicalSegments: number;
}

/**
 * Matches segments of `a` to segments of `b` one-to-one and counts the vertices the matched pairs share.
 * The matching is greedy by overlap: pairs are taken largest overlap first (ties by first vertex of
 * the A segment, then of the B segment), skipping a pair when either side is already matched. For
 * partitions that mostly agree this is the maximum matching; in general it is within half of it.
 */
export function partitionAgreement(a: Int32Array, b: Int32Array): PartitionAgreement {
  if (a.length !== b.length) throw new RangeError(`partitionAgreement: ${a.length} labels against ${b.length}`);
  const n = a.length;
  const denseA = denseIds(a);
  const denseB = denseIds(b);
  const nA = denseA.count;
  const nB = denseB.count;

  const sizeA = new Int32Array(nA);
  const sizeB = new Int32Array(nB);
  // Pair key iA·nB + iB stays below 2^53 for any realistic vertex count.
  const overlap = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const ia = denseA.ids[v]!;
    const ib = denseB.ids[v]!;
    sizeA[ia]!++;
    sizeB[ib]!++;
    const key = ia * nB + ib;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }

  // Dense ids follow first appearance, so ordering by them breaks ties by first vertex.
  const pairs = [...overlap].map(([key, count]) => ({ ia: Math.floor(key / nB), ib: key % nB, count }));
  pairs.sort((p, q) => q.count - p.count || p.ia - q.ia || p.ib - q.ib);
  const usedA = new Uint8Array(nA);
  const usedB = new Uint8Array(nB);
  let shared = 0;
  let identical = 0;
  for (const { ia, ib, count } of pairs) {
    if (usedA[ia] || usedB[ib]) continue;
    usedA[ia] = 1;
    usedB[ib] = 1;
    shared += count;
    if (count === sizeA[ia] && count === sizeB[ib]) identical++;
  }
  return { vertexAgreement: n === 0 ? 1 : shared / n, segmentsA: nA, segmentsB: nB, identicalSegments: identical };
}

/** Renumbers labels 0..k-1 in order of first appearance. */
function denseIds(labels: Int32Array): { ids: Int32Array; count: number } {
  const map = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  for (let v = 0; v < labels.length; v++) {
    const label = labels[v]!;
    let id = map.get(label);
    if (id === undefined) {
      id = map.size;
      map.set(label, id);
    }
    ids[v] = id;
  }
  return { ids, count: map.size };
}
