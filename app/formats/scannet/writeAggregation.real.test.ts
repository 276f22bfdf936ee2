// The aggregation writer against ScanNet's own files in ../shared/data (never copied into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeSegsJson } from '../../segment/segs-json';
import { parseAggregation } from './aggregation';
import { readScanNetFolder } from './readScanNetFolder';
import { segGroupsFromInstances, writeAggregationJson } from './writeAggregation';

const DIR = fileURLToPath(new URL('../../../../shared/data/scannet/scene0000_00', import.meta.url));
const s0 = 'scene0000_00';

describe.skipIf(!existsSync(DIR))('aggregation.json writer on scene0000_00', () => {
  const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
  const aggregation = text(`${s0}.aggregation.json`);

  it('parse → write reproduces the file byte for byte', () => {
    const segGroups = parseAggregation(aggregation, 'a.json', s0);
    expect(writeAggregationJson({ sceneId: s0, appId: 'Aggregator.v1', segGroups, segmentsFile: `${s0}_vh_clean_2.0.010000.segs.json` })).toBe(aggregation);
  });

  it('instances → segs + aggregation → read gives the same 55 instances and per-vertex ids', () => {
    const mesh = new Uint8Array(readFileSync(join(DIR, `${s0}_vh_clean_2.ply`)));
    const first = readScanNetFolder({ mesh, segs: text(`${s0}_vh_clean_2.0.010000.segs.json`), aggregation }, { sceneId: s0 });
    const segGroups = segGroupsFromInstances({ segIndices: first.segIndices!, instanceIds: first.instanceIds, instances: first.instances });
    const second = readScanNetFolder(
      { mesh, segs: writeSegsJson({ sceneId: s0, kThresh: 0.0001, segMinVerts: 20, segIndices: first.segIndices! }), aggregation: writeAggregationJson({ sceneId: s0, segGroups }) },
      { sceneId: s0 },
    );
    expect(second.instances.length).toBe(55);
    expect(second.segIndices).toEqual(first.segIndices);
    expect(second.instanceIds).toEqual(first.instanceIds);
    expect(second.instances.map((i) => [i.id, i.label, i.pointCount])).toEqual(first.instances.map((i) => [i.id, i.label, i.pointCount]));
  });
});
