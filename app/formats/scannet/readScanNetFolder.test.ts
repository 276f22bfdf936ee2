import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { writePly } from '../ply/writePly';
import { parseSceneTxtAxisAlignment } from './axisAlignment';
import { parseLabelTable } from './labelTable';
import { readScanNetFolder } from './readScanNetFolder';

// Six vertices in three segments (ids are vertex indices of a seed, as Segmentator writes them).
const positions = Float32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 2, 0, 1, 2, 1, 1]);
const mesh = writePly({ positions, colors: new Uint8Array(18), faces: Uint32Array.from([0, 1, 2, 1, 3, 2, 4, 5, 3]) });
const segs = JSON.stringify({ params: { kThresh: '0.0001' }, sceneId: 'scene9999_00', segIndices: [0, 0, 2, 2, 4, 4] });
const aggregation = JSON.stringify({
  sceneId: 'scene9999_00',
  segGroups: [
    { id: 0, objectId: 0, segments: [0], label: 'chair' },
    { id: 1, objectId: 1, segments: [4, 2], label: 'kitchen cabinets' },
  ],
});
const table = 'id\traw_category\tcategory\tcount\tnyu40id\tnyu40class\n1\twall\twall\t10\t1\twall\n2\tchair\tchair\t5\t5\tchair\n29\tkitchen cabinets\tkitchen cabinet\t3\t3\tcabinet\n';
const labels = writePly({ positions, scalars: { label: Uint16Array.from([2, 2, 29, 29, 1, 0]) } });

function formatError(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('readScanNetFolder', () => {
  it('resolves aggregation groups to per-vertex instance ids and maps labels through the table', () => {
    const s = readScanNetFolder({ mesh, segs, aggregation, labelsPly: labels, labelTable: table }, { sceneId: 'scene9999_00' });
    expect(s.mesh.vertexCount).toBe(6);
    expect(Array.from(s.segIndices!)).toEqual([0, 0, 2, 2, 4, 4]);
    expect(Array.from(s.instanceIds)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(s.instances).toEqual([
      { id: 0, label: 'chair', nyu40id: 5, segments: [0], pointCount: 2 },
      { id: 1, label: 'kitchen cabinets', nyu40id: 3, segments: [4, 2], pointCount: 4 },
    ]);
    expect(Array.from(s.semantic!.rawIds!)).toEqual([2, 2, 29, 29, 1, 0]);
    expect(Array.from(s.semantic!.nyu40!)).toEqual([5, 5, 3, 3, 1, 0]);
  });

  it('applies the axis alignment as p\' = M·[p,1]', () => {
    // 90° about z, then translate by (10, 20, 30).
    const m = [0, -1, 0, 10, 1, 0, 0, 20, 0, 0, 1, 30, 0, 0, 0, 1];
    const s = readScanNetFolder({ mesh, axisAlignment: m }, { sceneId: 'scene9999_00' });
    expect(Array.from(s.mesh.positions.subarray(0, 6))).toEqual([10, 20, 30, 10, 21, 30]);
    expect(Array.from(s.instanceIds)).toEqual([-1, -1, -1, -1, -1, -1]);
    expect(s.axisAlignment).toEqual(m);
  });

  it('names the file and the group when an aggregation cites a missing segment', () => {
    const bad = JSON.stringify({ segGroups: [{ objectId: 0, segments: [0], label: 'chair' }, { objectId: 7, segments: [3], label: 'lamp' }] });
    const e = formatError(() => readScanNetFolder({ mesh, segs, aggregation: bad }, { sceneId: 'scene9999_00' }));
    expect(e.file).toBe('scene9999_00.aggregation.json');
    expect(e.expected).toContain('segGroups[1] (objectId 7, "lamp") lists 3');
  });

  it('rejects segs of the wrong length, bad JSON, labels without a label property and a bad matrix', () => {
    const short = JSON.stringify({ segIndices: [0, 0, 2] });
    const e = formatError(() => readScanNetFolder({ mesh, segs: short }, { sceneId: 'scene9999_00' }));
    expect(e.file).toBe('scene9999_00_vh_clean_2.0.010000.segs.json');
    expect(e.expected).toContain('6 segIndices (one per mesh vertex), found 3');
    expect(formatError(() => readScanNetFolder({ mesh, segs: '{"segIndices": [0,' }, { sceneId: 'scene9999_00' })).expected).toContain('valid JSON');
    expect(formatError(() => readScanNetFolder({ mesh, aggregation }, { sceneId: 'scene9999_00' })).expected).toContain('segs.json alongside');
    expect(formatError(() => readScanNetFolder({ mesh, labelsPly: mesh }, { sceneId: 'scene9999_00' })).expected).toContain('"label"');
    expect(formatError(() => readScanNetFolder({ mesh, axisAlignment: [1, 0, 0] }, { sceneId: 'scene9999_00' })).expected).toContain('16 finite numbers');
    const otherScene = JSON.stringify({ sceneId: 'scene0001_00', segIndices: [0, 0, 2, 2, 4, 4] });
    expect(formatError(() => readScanNetFolder({ mesh, segs: otherScene }, { sceneId: 'scene9999_00' })).expected).toContain('sceneId "scene9999_00"');
  });

  it('reads nyu40 label files as they are', () => {
    const s = readScanNetFolder({ mesh, labelsPly: labels }, { sceneId: 'scene9999_00', labelIds: 'nyu40' });
    expect(Array.from(s.semantic!.nyu40!)).toEqual([2, 2, 29, 29, 1, 0]);
    expect(s.semantic!.rawIds).toBeUndefined();
  });

  it('parses the label table and the scene .txt axisAlignment line, with line numbers on errors', () => {
    const t = parseLabelTable(table);
    expect(t.rows.length).toBe(3);
    expect(t.byRawCategory.get('kitchen cabinets')).toEqual({ id: 29, rawCategory: 'kitchen cabinets', category: 'kitchen cabinet', nyu40id: 3, nyu40class: 'cabinet' });
    const broken = formatError(() => parseLabelTable(`${table}x\tlamp\tlamp\t1\t35\tlamp\n`));
    expect(broken.line).toBe(5);
    expect(formatError(() => parseLabelTable('id\tcategory\n')).expected).toContain('"raw_category" is missing');
    expect(parseSceneTxtAxisAlignment('sceneType = x\r\naxisAlignment = 1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1\r\n', 'a.txt')).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(parseSceneTxtAxisAlignment('colorHeight = 968\n', 'a.txt')).toBeUndefined();
    expect(formatError(() => parseSceneTxtAxisAlignment('a = 1\naxisAlignment = 1 0 0\n', 'a.txt')).line).toBe(2);
  });
});
