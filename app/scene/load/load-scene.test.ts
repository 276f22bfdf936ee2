// Detection, recentring, up axis and instances on files written by the real PLY writer.
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../formats/errors';
import { writePly } from '../../formats/ply/writePly';
import { detectFormat } from './detect';
import { loadScene } from './load-scene';
import { recentre } from './recentre';
import { DEFAULT_GREY, toPointScene } from './to-point-scene';
import type { SceneInput } from './types';

const ids = { id: 's1', name: 'test', source: 'test.ply' };
const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array): SceneInput => ({ kind: 'file', name, bytes });

describe('detectFormat', () => {
  it('goes by magic bytes before the name, then by the name, then by folder layout', () => {
    const ply = writePly({ positions: new Float32Array([0, 0, 0]) });
    expect(detectFormat(file('scan.bin', ply)).id).toBe('ply');
    expect(detectFormat(file('x.dat', new Uint8Array([0x93, ...enc('NUMPY')]))).id).toBe('npy');
    expect(detectFormat(file('x', enc('LASF....'))).id).toBe('las');
    expect(detectFormat(file('x', enc('glTF\x02\0\0\0'))).id).toBe('glb');
    expect(detectFormat(file('x', enc('# .PCD v0.7\nVERSION 0.7\n'))).id).toBe('pcd');
    expect(detectFormat(file('m.gltf', enc('{"asset":{"version":"2.0"}}'))).id).toBe('gltf');
    expect(detectFormat(file('Room.OBJ', enc('v 0 0 0\n'))).id).toBe('obj');
    const folder = (paths: string[]): SceneInput => ({ kind: 'folder', name: 'f', files: Object.fromEntries(paths.map((p) => [p, new Uint8Array()])) });
    expect(detectFormat(folder(['scene0001_00_vh_clean_2.ply', 'scene0001_00.txt'])).id).toBe('scannet');
    expect(detectFormat(folder(['a/b/coord.npy', 'a/b/color.npy'])).id).toBe('pointcept');
    expect(detectFormat(folder(['Area_1/office_1/Annotations/chair_1.txt'])).id).toBe('s3dis');
  });

  it('names the file and what it expected when nothing matches', () => {
    const err = (() => {
      try {
        detectFormat(file('notes.txt', enc('hello')));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).message).toMatch(/^notes\.txt: byte 0: expected one of: PLY/);
    expect(() => detectFormat({ kind: 'folder', name: 'empty', files: { 'a.txt': new Uint8Array() } })).toThrow(/empty: expected one of: ScanNet scene folder/);
  });
});

describe('recentre', () => {
  it('keeps survey coordinates to the millimetre by storing them relative to a whole-metre origin', () => {
    const p = new Float64Array([500000.123, 4100000.456, 12.789, 500010.987, 4100020.001, 15.25]);
    // Plain float32 would be off by millimetres to centimetres at these magnitudes.
    expect(Math.abs(Math.fround(500000.123) - 500000.123)).toBeGreaterThan(0.001);
    expect(Math.abs(Math.fround(4100000.456) - 4100000.456)).toBeGreaterThan(0.04);
    const r = recentre(p);
    expect(r.origin).toEqual([500006, 4100010, 14]);
    for (let i = 0; i < p.length; i++) expect(Math.abs(r.origin[i % 3]! + r.positions[i]! - p[i]!)).toBeLessThan(1e-5);
    expect(r.bbox).toEqual({ min: [500000.123, 4100000.456, 12.789], max: [500010.987, 4100020.001, 15.25] });
  });

  it('gives an empty cloud a zero origin and box', () => {
    expect(recentre(new Float32Array())).toEqual({ origin: [0, 0, 0], positions: new Float32Array(), bbox: { min: [0, 0, 0], max: [0, 0, 0] } });
  });
});

describe('toPointScene', () => {
  it('rotates y-up data to z-up (x, y, z) → (x, -z, y), normals too, and keeps z-up data', () => {
    const scan = { format: 'obj', positions: new Float32Array([1, 2, 3, 1, 4, 3]), normals: new Float32Array([0, 1, 0, 0, 1, 0]), upAxis: 'y' as const };
    const { scene, bbox, sourceUpAxis } = toPointScene(scan, ids);
    expect(sourceUpAxis).toBe('y');
    expect(scene.upAxis).toBe('z');
    expect(bbox).toEqual({ min: [1, -3, 2], max: [1, -3, 4] });
    expect([...scene.positions].map((v, i) => v + scene.origin[i % 3]!)).toEqual([1, -3, 2, 1, -3, 4]);
    expect([...scene.normals!]).toEqual([0, -0, 1, 0, -0, 1]);
    // The override wins over the format's default.
    const kept = toPointScene(scan, { ...ids, upAxis: 'z' });
    expect(kept.sourceUpAxis).toBe('z');
    expect([...kept.scene.positions].map((v, i) => v + kept.scene.origin[i % 3]!)).toEqual([1, 2, 3, 1, 4, 3]);
  });

  it('reuseBuffers: rotates and recentres the scan\'s own arrays in place, with the same result as copying', () => {
    const make = () => ({
      format: 'gltf',
      positions: new Float32Array([500.25, 2, 3, 501, 4, 3.5]),
      normals: new Float32Array([0, 1, 0, 1, 0, 0]),
      instances: new Int32Array([4, -1]),
      upAxis: 'y' as const,
    });
    const copied = toPointScene(make(), ids);
    const scan = make();
    const reused = toPointScene(scan, { ...ids, reuseBuffers: true });
    expect(reused.scene.positions).toBe(scan.positions);
    expect(reused.scene.normals).toBe(scan.normals);
    expect(reused.scene.instanceIds).toBe(scan.instances);
    expect(reused.scene).toEqual(copied.scene);
    expect(reused.bbox).toEqual(copied.bbox);
  });

  it('colours a colourless scan grey and names instances by file label, majority class, or id', () => {
    const scan = {
      format: 'x',
      positions: new Float32Array(15),
      instances: new Int32Array([3, 3, -1, 7, 9]),
      labels: new Int32Array([1, 1, 0, 5, 2]),
      instanceLabels: new Map([[3, 'chair']]),
      upAxis: 'z' as const,
    };
    const { scene } = toPointScene(scan, ids);
    expect(scene.colors.every((c) => c === DEFAULT_GREY)).toBe(true);
    expect(scene.instances).toEqual([
      { id: 3, label: 'chair' },
      { id: 7, label: 'class 5' },
      { id: 9, label: 'class 2' },
    ]);
    const bare = toPointScene({ ...scan, labels: undefined, instanceLabels: undefined } as never, ids).scene;
    expect(bare.instances.map((i) => i.label)).toEqual(['object 3', 'object 7', 'object 9']);
  });
});

describe('loadScene', () => {
  it('reads a PLY with instance and label properties into a recentred scene and a report', () => {
    const positions = new Float32Array([10, 20, 0, 11, 20, 0, 10, 21, 0, 10, 20, 3]);
    const bytes = writePly({
      positions,
      colors: new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]),
      faces: new Uint32Array([0, 1, 2]),
      scalars: { instance: new Int32Array([1, 1, 2, -1]), label: new Int32Array([4, 4, 6, 0]) },
    });
    const { scene, report } = loadScene(file('room.ply', bytes), ids);
    expect(scene.format).toBe('ply');
    expect(scene.origin).toEqual([11, 21, 2]);
    expect([...scene.instanceIds]).toEqual([1, 1, 2, -1]);
    expect([...scene.colors.subarray(0, 3)]).toEqual([255, 0, 0]);
    expect(report).toEqual({
      format: 'ply',
      pointCount: 4,
      faceCount: 1,
      superpointCount: 0,
      instanceCount: 2,
      labels: [
        { label: 'class 4', count: 1 },
        { label: 'class 6', count: 1 },
      ],
      bbox: { min: [10, 20, 0], max: [11, 21, 3] },
      origin: [11, 21, 2],
      upAxis: 'z',
      sourceUpAxis: 'z',
    });
  });

  it('reports a truncated PLY as a FormatError naming the file', () => {
    const bytes = writePly({ positions: new Float32Array([1, 2, 3, 4, 5, 6]) });
    expect(() => loadScene(file('cut.ply', bytes.subarray(0, bytes.length - 5)), ids)).toThrow(FormatError);
    expect(() => loadScene(file('cut.ply', bytes.subarray(0, bytes.length - 5)), ids)).toThrow(/^cut\.ply: /);
  });
});
