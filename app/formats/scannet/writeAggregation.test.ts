import { describe, expect, it } from 'vitest';
import { writeSegsJson } from '../../segment/segs-json';
import { writePly } from '../ply/writePly';
import { parseAggregation } from './aggregation';
import { readScanNetFolder } from './readScanNetFolder';
import type { ScanNetScene } from './types';
import { segGroupsFromInstances, writeAggregationJson } from './writeAggregation';

const sceneId = 'scene9999_00';
// Eight vertices in four segments (ids are seed vertex indices); segment 6 belongs to no object.
const positions = Float32Array.from({ length: 24 }, (_, i) => (i * 7) % 5);
const mesh = writePly({ positions, faces: Uint32Array.from([0, 1, 2, 2, 3, 4, 5, 6, 7]) });
const segs = JSON.stringify({ sceneId, segIndices: [0, 0, 2, 2, 4, 4, 6, 6] });
const aggregation = JSON.stringify({
  sceneId,
  appId: 'Aggregator.v2',
  segGroups: [
    { id: 0, objectId: 3, segments: [4, 0], label: 'kitchen cabinets' },
    { id: 1, objectId: 1, segments: [2], label: 'chair "A"' },
    { id: 2, objectId: 9, segments: [], label: 'lost' },
  ],
  segmentsFile: `${sceneId}_vh_clean_2.0.010000.segs.json`,
});

/** Writes a read scene's segs and aggregation back from its per-vertex ids, and reads them again. */
function roundTrip(s: ScanNetScene): ScanNetScene {
  const segGroups = segGroupsFromInstances({ segIndices: s.segIndices!, instanceIds: s.instanceIds, instances: s.instances });
  return readScanNetFolder(
    {
      mesh,
      segs: writeSegsJson({ sceneId, kThresh: 0.01, segMinVerts: 20, segIndices: s.segIndices! }),
      aggregation: writeAggregationJson({ sceneId, segGroups }),
    },
    { sceneId },
  );
}

describe('writeAggregationJson', () => {
  it('segs + aggregation: read → write → read gives the same segment ids, instance ids and instances', () => {
    const first = readScanNetFolder({ mesh, segs, aggregation }, { sceneId });
    expect([...first.instanceIds]).toEqual([3, 3, 1, 1, 3, 3, -1, -1]);
    const second = roundTrip(first);
    expect(second.segIndices).toEqual(first.segIndices);
    expect(second.instanceIds).toEqual(first.instanceIds);
    const sorted = (s: ScanNetScene) => s.instances.map((i) => ({ ...i, segments: [...i.segments].sort((a, b) => a - b) }));
    expect(sorted(second)).toEqual(sorted(first));
  });

  it('writes the Aggregator layout and what parseAggregation reads back', () => {
    const groups = [{ objectId: 0, label: 'wall', segments: [5, 1] }, { objectId: 4, label: 'tab\there', segments: [] }];
    const text = writeAggregationJson({ sceneId: 's', appId: 'Aggregator.v1', segGroups: groups });
    expect(text).toBe(
      '{\r\n"sceneId": "s",\r\n"appId": "Aggregator.v1",\r\n"segGroups": [\r\n' +
        '\t{\r\n\t"id": 0,\r\n\t"objectId": 0,\r\n\t"segments": [5,1],\r\n\t"label": "wall"\r\n\t},\r\n' +
        '\t{\r\n\t"id": 1,\r\n\t"objectId": 4,\r\n\t"segments": [],\r\n\t"label": "tab\\there"\r\n\t}\r\n' +
        '],\r\n"segmentsFile": "s_vh_clean_2.0.010000.segs.json"}\r\n',
    );
    expect(parseAggregation(text, 'a.json', 's')).toEqual(groups);
  });

  it('assigns a segment split between instances to the majority, and ties to none', () => {
    const groups = segGroupsFromInstances({
      segIndices: Int32Array.from([7, 7, 7, 8, 8, 9, 9]),
      instanceIds: Int32Array.from([2, 2, 5, 5, -1, -1, 2]),
      instances: [{ id: 2, label: 'a' }, { id: 5, label: 'b' }, { id: 6, label: 'empty' }],
    });
    expect(groups).toEqual([
      { objectId: 2, label: 'a', segments: [7] },
      { objectId: 5, label: 'b', segments: [] },
      { objectId: 6, label: 'empty', segments: [] },
    ]);
    expect(() => segGroupsFromInstances({ segIndices: new Int32Array(2), instanceIds: new Int32Array(3), instances: [] })).toThrow(RangeError);
  });
});
