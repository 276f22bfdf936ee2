import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { FormatError } from '../../formats/errors';
import { closestPointPair } from '../../geometry/closest-pair';
import { obbDistance, pointObbDistance } from '../../geometry/obb-distance';
import { measureSceneDistance } from '../../qa/scene-distance';
import { detectFormat, loadScene } from '../load';
import { summarizeInstances } from '../summary';
import { sampleBoxSurfaces } from './surface-samples';
import { isVsiMeta, listVsiMetaScenes, readVsiMetaScene, VSI_META_FORMAT } from './vsi-meta-scan';

// Two axis-aligned chairs and a table turned 30° about z, in survey-like coordinates (so recentring moves them).
const yaw = Math.PI / 6;
const [c, s] = [Math.cos(yaw), Math.sin(yaw)];
const aligned = (centroid: number[], size: number[]) => ({
  centroid,
  axesLengths: size,
  normalizedAxes: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  min: centroid.map((v, k) => v - size[k]! / 2),
  max: centroid.map((v, k) => v + size[k]! / 2),
});
const tableSize = [1.6, 0.8, 0.75];
const tableCentre = [105, 203, 0.375];
const tableSpan = [tableSize[0]! * c + tableSize[1]! * s, tableSize[0]! * s + tableSize[1]! * c, tableSize[2]!];
const table = {
  centroid: tableCentre,
  axesLengths: tableSize,
  normalizedAxes: [c, s, 0, -s, c, 0, 0, 0, 1],
  min: tableCentre.map((v, k) => v - tableSpan[k]! / 2),
  max: tableCentre.map((v, k) => v + tableSpan[k]! / 2),
};
const META = {
  roomA: {
    dataset: 'scannetpp',
    room_size: 20.5,
    room_center: [104, 202, 1.3],
    object_counts: { chair: 2, table: 1 },
    object_bbox: { chair: [aligned([103, 202, 0.45], [0.5, 0.5, 0.9]), aligned([107.5, 204, 0.45], [0.5, 0.5, 0.9])], table: [table] },
  },
  roomB: { room_size: 9, room_center: [0, 0, 1], object_counts: { lamp: 1 }, object_bbox: { lamp: [aligned([0, 0, 1], [0.2, 0.2, 0.4])] } },
};
const bytes = new TextEncoder().encode(JSON.stringify(META, null, 2));

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
};

describe('VSI-Bench meta as a box-only scene', () => {
  it('is detected by its keys and lists its scenes', () => {
    expect(isVsiMeta(bytes)).toBe(true);
    expect(isVsiMeta(new TextEncoder().encode('{"asset": {"version": "2.0"}}'))).toBe(false);
    expect(detectFormat({ kind: 'file', name: 'meta.json', bytes }).id).toBe(VSI_META_FORMAT);
    expect(listVsiMetaScenes(bytes, 'meta.json')).toEqual([
      { name: 'roomA', objectCount: 3, categoryCount: 2, roomSize: 20.5 },
      { name: 'roomB', objectCount: 1, categoryCount: 1, roomSize: 9 },
    ]);
  });

  it('makes one instance per box, labelled by category, boxes recentred with the points', () => {
    const { scene, report } = loadScene({ kind: 'file', name: 'meta.json', bytes, part: 'roomA' }, { id: 'a', name: 'roomA', source: 'meta.json#roomA' });
    expect(scene.format).toBe(VSI_META_FORMAT);
    expect(scene.instances).toEqual([
      { id: 0, label: 'chair' },
      { id: 1, label: 'chair' },
      { id: 2, label: 'table' },
    ]);
    expect(report.room).toEqual({ size: 20.5, center: [104, 202, 1.3], boxCount: 3 });
    // The samples' bounds are the union of the boxes' extents.
    expect(report.bbox.min[0]).toBeCloseTo(102.75, 6);
    expect(report.bbox.max[0]).toBeCloseTo(107.75, 6);
    expect(report.bbox.max[2]).toBeCloseTo(0.9, 6);
    const boxes = scene.boxScene!.boxes;
    expect(boxes[2]!.center.map((v, k) => v + scene.origin[k]!)).toEqual(tableCentre.map((v) => expect.closeTo(v, 9)));
    expect(scene.boxScene!.roomCenter.map((v, k) => v + scene.origin[k]!)).toEqual([104, 202, 1.3].map((v) => expect.closeTo(v, 9)));
    // Each instance's sample bounds are its box's world extents (in the scene frame).
    const info = summarizeInstances(scene);
    const tableInfo = info[2]!;
    for (let k = 0; k < 3; k++) {
      expect(tableInfo.bbox.min[k]! + scene.origin[k]!).toBeCloseTo(table.min[k]!, 5);
      expect(tableInfo.bbox.max[k]! + scene.origin[k]!).toBeCloseTo(table.max[k]!, 5);
      expect(tableInfo.centroid[k]! + scene.origin[k]!).toBeCloseTo(tableCentre[k]!, 5);
    }
  });

  it('measures the exact box-to-box distance, not the samples', () => {
    const { scene } = loadScene({ kind: 'file', name: 'meta.json', bytes, part: 'roomA' }, { id: 'a', name: 'roomA', source: 'meta.json#roomA' });
    const [chair0, , tableBox] = scene.boxScene!.boxes;
    const r = measureSceneDistance(scene, 0, 2);
    expect(r.distance).toBe(obbDistance(chair0!, tableBox!).distance);
    // The witness points lie on the two boxes, as far apart as the answer says.
    expect(pointObbDistance(r.pointA, chair0!).distance).toBeLessThan(1e-9);
    expect(pointObbDistance(r.pointB, tableBox!).distance).toBeLessThan(1e-9);
    expect(Math.hypot(r.pointA[0] - r.pointB[0], r.pointA[1] - r.pointB[1], r.pointA[2] - r.pointB[2])).toBeCloseTo(r.distance, 9);
    // Against 2 cm surface grids of both boxes: the exact minimum is below the sampled one, by less than a grid cell.
    const grid = sampleBoxSurfaces([{ instanceId: 0, label: 'chair', box: chair0! }, { instanceId: 2, label: 'table', box: tableBox! }], 0.02);
    const setA = Uint32Array.from([...grid.instances].flatMap((id, i) => (id === 0 ? [i] : [])));
    const setB = Uint32Array.from([...grid.instances].flatMap((id, i) => (id === 2 ? [i] : [])));
    const sampled = closestPointPair(Float32Array.from(grid.positions), setA, setB).distance;
    expect(r.distance).toBeLessThanOrEqual(sampled + 1e-6);
    expect(sampled - r.distance).toBeLessThan(0.02 * Math.SQRT2);
    expect(r.distance).toBeGreaterThan(0.5);
    expect(r.centerDistance).toBeCloseTo(Math.hypot(2, 1, 0.375 - 0.45), 9);
    // Two chairs side by side along x, 4 m apart centre to centre, 0.5 m wide: 4.5 − 0.5 in x, 2 − 0.5 in y.
    expect(measureSceneDistance(scene, 0, 1).distance).toBeCloseTo(Math.hypot(4, 1.5), 9);
    expect(thrown(() => measureSceneDistance(scene, 0, 0)).code).toBe('invalid_input');
    expect(thrown(() => measureSceneDistance(scene, 0, 9)).code).toBe('not_found');
  });

  it('names the scenes when none or a wrong one is given, and refuses y-up', () => {
    const none = thrown(() => readVsiMetaScene(bytes, 'meta.json', undefined));
    expect(none.code).toBe('invalid_input');
    expect(none.message).toContain('meta.json#<scene>: roomA, roomB');
    const wrong = thrown(() => readVsiMetaScene(bytes, 'meta.json', 'roomC'));
    expect(wrong.code).toBe('not_found');
    expect(wrong.message).toContain('no scene "roomC"');
    const up = thrown(() => loadScene({ kind: 'file', name: 'meta.json', bytes, part: 'roomB' }, { id: 'b', name: 'roomB', source: 'meta.json#roomB', upAxis: 'y' }));
    expect(up.message).toContain('z-up');
  });

  it('reports bad JSON with its byte offset and a bad box with its path', () => {
    const cut = bytes.subarray(0, 300);
    const err = thrown(() => readVsiMetaScene(cut, 'meta.json', 'roomA'));
    expect(err).toBeInstanceOf(FormatError);
    expect(err.message).toMatch(/^meta\.json: /);
    const badAxes = { roomA: { ...META.roomA, object_bbox: { ...META.roomA.object_bbox, table: [{ ...table, normalizedAxes: [1, 0, 0, 1, 0, 0, 0, 0, 1] }] } } };
    const e2 = thrown(() => readVsiMetaScene(new TextEncoder().encode(JSON.stringify(badAxes)), 'meta.json', 'roomA'));
    expect(e2.code).toBe('bad_file');
    expect(e2.message).toContain('roomA.object_bbox.table.0.normalizedAxes');
  });
});

describe('sampleBoxSurfaces', () => {
  it('covers every face on the spacing grid and widens the spacing past the cap', () => {
    const box = { center: [0, 0, 0] as [number, number, number], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] as [[number, number, number], [number, number, number], [number, number, number]], size: [0.4, 0.2, 0.1] as [number, number, number] };
    const s = sampleBoxSurfaces([{ instanceId: 7, label: 'x', box }], 0.1);
    // Steps per side: 0.4 → 5, 0.2 → 3, 0.1 → 2. Faces ±x: 3·2, ±y: 2·5, ±z: 5·3.
    expect(s.instances.length).toBe(2 * (3 * 2 + 2 * 5 + 5 * 3));
    expect(new Set(s.instances)).toEqual(new Set([7]));
    for (let i = 0; i < s.instances.length; i++) {
      const p = [s.positions[i * 3]!, s.positions[i * 3 + 1]!, s.positions[i * 3 + 2]!];
      // Every sample is on the surface: on at least one face plane, inside the others.
      const onFace = p.some((v, k) => Math.abs(Math.abs(v) - box.size[k]! / 2) < 1e-12);
      expect(onFace && p.every((v, k) => Math.abs(v) <= box.size[k]! / 2 + 1e-12)).toBe(true);
    }
    const flat = sampleBoxSurfaces([{ instanceId: 1, label: 'x', box: { ...box, size: [0.4, 0.2, 0] } }], 0.1);
    // A flat box is one face, not two coinciding ones (+ its four zero-height rims).
    expect(flat.instances.length).toBe(15 + 2 * 5 + 2 * 3);
    const huge = sampleBoxSurfaces(Array.from({ length: 4 }, (_, i) => ({ instanceId: i, label: 'x', box: { ...box, size: [40, 40, 40] as [number, number, number] } })), 0.1);
    expect(huge.instances.length).toBeLessThanOrEqual(2_000_000);
    expect(huge.spacing).toBeGreaterThan(0.1);
    expect(huge.instances.length).toBeGreaterThan(1_000_000);
  });
});
