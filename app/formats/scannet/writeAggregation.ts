// Writes ScanNet's `<scene>.aggregation.json` in the layout its Aggregator tool writes (CRLF, tab
// indents, one key per line), so a file read and written back is byte-identical; and derives the
// segment groups from per-vertex instance ids when a scene was segmented or edited here.
import type { SegGroup } from './aggregation';

export interface AggregationJson {
  sceneId: string;
  /** The annotation tool; ScanNet files say "Aggregator.v1" or "Aggregator.v2". */
  appId?: string;
  /** Written in this order; each group's `id` is its index, as ScanNet numbers them. */
  segGroups: readonly SegGroup[];
  /** The segs.json the segment ids refer to; default `<sceneId>_vh_clean_2.0.010000.segs.json`. */
  segmentsFile?: string;
}

export interface InstancesToGroups {
  /** Segment id per vertex (segs.json). */
  segIndices: Int32Array;
  /** Instance id per vertex, -1 for none. */
  instanceIds: Int32Array;
  /** Every instance to write, in order, with its label (raw ScanNet category). */
  instances: readonly { id: number; label: string }[];
}

export function writeAggregationJson(a: AggregationJson): string {
  const q = JSON.stringify;
  const groups = a.segGroups.map(
    (g, i) => `\t{\r\n\t"id": ${i},\r\n\t"objectId": ${g.objectId},\r\n\t"segments": [${g.segments.join(',')}],\r\n\t"label": ${q(g.label)}\r\n\t}`,
  );
  const segmentsFile = a.segmentsFile ?? `${a.sceneId}_vh_clean_2.0.010000.segs.json`;
  return `{\r\n"sceneId": ${q(a.sceneId)},\r\n"appId": ${q(a.appId ?? 'Aggregator.v2')},\r\n"segGroups": [\r\n${groups.join(',\r\n')}\r\n],\r\n"segmentsFile": ${q(segmentsFile)}}\r\n`;
}

/**
 * One group per instance: a segment goes to the instance most of its vertices carry (ties to the
 * lower id; a segment whose vertices are mostly unassigned goes to none), segments ascending.
 * Reading the result back reproduces `instanceIds` exactly whenever instances follow segment borders.
 */
export function segGroupsFromInstances({ segIndices, instanceIds, instances }: InstancesToGroups): SegGroup[] {
  if (segIndices.length !== instanceIds.length) {
    throw new RangeError(`segGroupsFromInstances: ${segIndices.length} segment ids for ${instanceIds.length} instance ids`);
  }
  const votes = new Map<number, Map<number, number>>();
  for (let v = 0; v < segIndices.length; v++) {
    const s = segIndices[v]!;
    let m = votes.get(s);
    if (!m) votes.set(s, (m = new Map()));
    const id = instanceIds[v]!;
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  const segmentsOf = new Map<number, number[]>(instances.map((i) => [i.id, []]));
  for (const s of [...votes.keys()].sort((a, b) => a - b)) {
    let best = -1;
    let bestCount = 0;
    for (const [id, count] of votes.get(s)!) if (count > bestCount || (count === bestCount && id < best)) (best = id), (bestCount = count);
    if (best >= 0) segmentsOf.get(best)?.push(s);
  }
  return instances.map((i) => ({ objectId: i.id, label: i.label, segments: segmentsOf.get(i.id)! }));
}
