import { describe, expect, it } from 'vitest';
import { readPly } from './readPly';
import { smallMesh } from './testPly.fixture';
import { writePly } from './writePly';
import type { PlyData } from './types';

function sample() {
  const n = 5;
  const positions = Float32Array.from({ length: n * 3 }, (_, i) => Math.fround(Math.sin(i) * 3.7 + i * 1e-3));
  const normals = Float32Array.from({ length: n * 3 }, (_, i) => Math.fround(Math.cos(i)));
  const colors = Uint8Array.from({ length: n * 3 }, (_, i) => (i * 37) % 256);
  const faces = Uint32Array.from([0, 1, 2, 2, 3, 4, 4, 0, 1]);
  const scalars = {
    instance: Int32Array.from([-1, 0, 0, 7, 2147483647]),
    label: Uint32Array.from([0, 1, 40, 230, 4294967295]),
    quality: Float32Array.from([0.1, -2.5, 1e-7, 3.4e38, 0].map(Math.fround)),
  };
  return { positions, normals, colors, faces, scalars };
}

function sameArrays(a: PlyData, b: PlyData) {
  expect(Array.from(b.positions)).toEqual(Array.from(a.positions));
  expect(b.colors && Array.from(b.colors)).toEqual(a.colors && Array.from(a.colors));
  expect(b.normals && Array.from(b.normals)).toEqual(a.normals && Array.from(a.normals));
  expect(b.faces && Array.from(b.faces)).toEqual(a.faces && Array.from(a.faces));
  expect(Object.keys(b.vertexScalars)).toEqual(Object.keys(a.vertexScalars));
  for (const k of Object.keys(a.vertexScalars)) {
    expect(b.vertexScalars[k]!.constructor).toBe(a.vertexScalars[k]!.constructor);
    expect(Array.from(b.vertexScalars[k]!)).toEqual(Array.from(a.vertexScalars[k]!));
  }
}

describe('writePly', () => {
  for (const format of ['binary_little_endian', 'ascii'] as const) {
    it(`writes what readPly reads back exactly (${format})`, () => {
      const s = sample();
      const d = readPly(writePly(s, { format }));
      expect(d.format).toBe(format);
      expect(Array.from(d.positions)).toEqual(Array.from(s.positions));
      expect(Array.from(d.normals!)).toEqual(Array.from(s.normals));
      expect(Array.from(d.colors!)).toEqual(Array.from(s.colors));
      expect(Array.from(d.faces!)).toEqual(Array.from(s.faces));
      expect(d.vertexScalars.instance).toEqual(s.scalars.instance);
      expect(d.vertexScalars.label).toEqual(s.scalars.label);
      expect(d.vertexScalars.quality).toEqual(s.scalars.quality);
    });

    it(`read → write → read keeps every array (${format})`, () => {
      for (const source of [smallMesh('binary_big_endian'), smallMesh('ascii'), writePly(sample(), { format: 'ascii' })]) {
        const first = readPly(source);
        const second = readPly(writePly({ positions: first.positions, colors: first.colors, normals: first.normals, faces: first.faces, scalars: first.vertexScalars }, { format }));
        sameArrays(first, second);
      }
    });
  }

  it('writes the ScanNet layout: binary little endian, uchar colours, 13-byte triangles', () => {
    const s = sample();
    const bytes = writePly({ positions: s.positions, colors: s.colors, faces: s.faces, scalars: { label: s.scalars.label } }, { comments: ['Scenewright'] });
    const text = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a, new TextDecoder().decode(bytes).indexOf('end_header')) + 1));
    expect(text).toBe('ply\nformat binary_little_endian 1.0\ncomment Scenewright\nelement vertex 5\nproperty float x\nproperty float y\nproperty float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\nproperty uint label\nelement face 3\nproperty list uchar int vertex_indices\nend_header\n');
    expect(bytes.length).toBe(text.length + 5 * 19 + 3 * 13);
  });

  it('rejects inconsistent input', () => {
    const s = sample();
    expect(() => writePly({ positions: new Float32Array(4) })).toThrow(RangeError);
    expect(() => writePly({ positions: s.positions, colors: new Uint8Array(3) })).toThrow(/colors/);
    expect(() => writePly({ positions: s.positions, faces: Uint32Array.from([0, 1, 9]) })).toThrow(/face index 9/);
    expect(() => writePly({ positions: s.positions, scalars: { 'two words': new Int32Array(5) } })).toThrow(/one word/);
    expect(() => writePly({ positions: s.positions, scalars: { label: new Int32Array(4) } })).toThrow(/4 values for 5/);
  });
});
