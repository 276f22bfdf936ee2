import { describe, expect, it } from 'vitest';
import { readPly } from './readPly';
import { buildPly, smallMesh, type FixtureOptions } from './testPly.fixture';

const FORMATS: FixtureOptions['format'][] = ['ascii', 'binary_little_endian', 'binary_big_endian'];

describe('readPly', () => {
  for (const format of FORMATS) {
    it(`reads a coloured triangle mesh (${format})`, () => {
      const d = readPly(smallMesh(format));
      expect(d.format).toBe(format);
      expect(d.vertexCount).toBe(4);
      expect(Array.from(d.positions)).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0.5]);
      expect(Array.from(d.colors!)).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
      expect(Array.from(d.faces!)).toEqual([0, 1, 2, 0, 2, 3]);
      expect(d.faceCount).toBe(2);
      expect(d.normals).toBeUndefined();
      expect(d.vertexScalars).toEqual({});
      expect(d.elements.map((e) => [e.name, e.count])).toEqual([['vertex', 4], ['face', 2]]);
      expect(d.elements[1]!.properties[0]).toEqual({ name: 'vertex_indices', type: 'int32', listCountType: 'uint8' });
    });

    it(`reads every scalar type under both spellings (${format})`, () => {
      const types = ['char', 'int8', 'uchar', 'uint8', 'short', 'int16', 'ushort', 'uint16', 'int', 'int32', 'uint', 'uint32', 'float', 'float32', 'double', 'float64'];
      const sample: Record<string, number[]> = {
        char: [-128, 127], int8: [-5, 5], uchar: [0, 255], uint8: [7, 200], short: [-32768, 32767], int16: [-2, 3],
        ushort: [0, 65535], uint16: [1, 60000], int: [-2147483648, 2147483647], int32: [-7, 9], uint: [0, 4294967295],
        uint32: [3, 4000000000], float: [0.5, -1.25], float32: [1e-3, 3.5], double: [0.1, -1e200], float64: [Math.PI, -2.5],
      };
      const d = readPly(
        buildPly({
          format,
          elements: [{
            name: 'vertex',
            props: [{ name: 'x', type: 'float' }, { name: 'y', type: 'float' }, { name: 'z', type: 'double' }, ...types.map((t) => ({ name: `v_${t}`, type: t }))],
            rows: [0, 1].map((r) => [r, r * 2, r * 3, ...types.map((t) => sample[t]![r]!)]),
          }],
        }),
      );
      expect(Array.from(d.positions)).toEqual([0, 0, 0, 1, 2, 3]);
      for (const t of types) {
        const expected = sample[t]!.map((v) => (t === 'float' || t === 'float32' ? Math.fround(v) : v));
        expect(Array.from(d.vertexScalars[`v_${t}`]!), t).toEqual(expected);
      }
      expect(d.vertexScalars.v_uchar).toBeInstanceOf(Uint32Array);
      expect(d.vertexScalars.v_short).toBeInstanceOf(Int32Array);
      expect(d.vertexScalars.v_float).toBeInstanceOf(Float32Array);
      expect(d.vertexScalars.v_double).toBeInstanceOf(Float64Array);
    });

    it(`reads list count types uchar, ushort and int, and fan-triangulates quads and pentagons (${format})`, () => {
      for (const list of ['uchar', 'ushort', 'int', 'uint16', 'uint']) {
        const d = readPly(
          buildPly({
            format,
            elements: [
              { name: 'vertex', props: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' })), rows: Array.from({ length: 6 }, (_, i) => [i, 0, 0]) },
              { name: 'face', props: [{ name: 'vertex_index', type: 'uint', list }], rows: [[[0, 1, 2, 3]], [[1, 2, 3, 4, 5]], [[5, 4, 3]]] },
            ],
          }),
        );
        expect(Array.from(d.faces!), list).toEqual([0, 1, 2, 0, 2, 3, 1, 2, 3, 1, 3, 4, 1, 4, 5, 5, 4, 3]);
        expect(d.faceCount).toBe(3);
      }
    });

    it(`keeps alpha, label and instance as scalars and reads diffuse_* colours and normals (${format})`, () => {
      const d = readPly(
        buildPly({
          format,
          elements: [{
            name: 'vertex',
            props: [
              ...['x', 'y', 'z', 'nx', 'ny', 'nz'].map((name) => ({ name, type: 'float' })),
              ...['diffuse_red', 'diffuse_green', 'diffuse_blue', 'alpha'].map((name) => ({ name, type: 'uchar' })),
              { name: 'label', type: 'ushort' },
              { name: 'instance', type: 'int' },
            ],
            rows: [
              [1, 2, 3, 0, 0, 1, 9, 8, 7, 128, 40, -1],
              [4, 5, 6, 1, 0, 0, 1, 2, 3, 255, 3, 12],
            ],
          }],
        }),
      );
      expect(Array.from(d.colors!)).toEqual([9, 8, 7, 1, 2, 3]);
      expect(Array.from(d.normals!)).toEqual([0, 0, 1, 1, 0, 0]);
      expect(Array.from(d.vertexScalars.alpha!)).toEqual([128, 255]);
      expect(Array.from(d.vertexScalars.label!)).toEqual([40, 3]);
      expect(Array.from(d.vertexScalars.instance!)).toEqual([-1, 12]);
      expect(Object.keys(d.vertexScalars).sort()).toEqual(['alpha', 'instance', 'label']);
    });

    it(`reads headers with \\r\\n and mixed line ends, comments and obj_info (${format})`, () => {
      for (const eol of ['\r\n', 'mixed'] as const) {
        const d = readPly(smallMesh(format, { eol, comments: ['made by a test', 'TextureFile none'] }));
        expect(d.comments).toEqual(['made by a test', 'TextureFile none']);
        expect(Array.from(d.faces!)).toEqual([0, 1, 2, 0, 2, 3]);
      }
      const withInfo = new TextDecoder().decode(smallMesh(format)).replace('format', 'obj_info scanned today\nformat');
      if (format === 'ascii') expect(readPly(new TextEncoder().encode(withInfo)).vertexCount).toBe(4);
    });
  }

  it('skips unknown elements and extra face properties, in binary and ascii', () => {
    for (const format of FORMATS) {
      const d = readPly(
        buildPly({
          format,
          elements: [
            { name: 'camera', props: [{ name: 'k', type: 'double' }, { name: 'tags', type: 'uchar', list: 'uchar' }], rows: [[1.5, [1, 2]]] },
            { name: 'vertex', props: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' })), rows: [[0, 0, 0], [1, 0, 0], [0, 1, 0]] },
            { name: 'face', props: [{ name: 'flags', type: 'uchar' }, { name: 'vertex_indices', type: 'int', list: 'uchar' }, { name: 'quality', type: 'float' }], rows: [[7, [2, 1, 0], 0.5]] },
            { name: 'edge', props: [{ name: 'vertex1', type: 'int' }, { name: 'vertex2', type: 'int' }], rows: [[0, 1]] },
          ],
        }),
      );
      expect(Array.from(d.faces!), format).toEqual([2, 1, 0]);
      expect(d.elements.map((e) => e.name)).toEqual(['camera', 'vertex', 'face', 'edge']);
    }
  });

  it('reads float colours as 0..1 and an unaligned body (stride 15, odd header length)', () => {
    const d = readPly(
      buildPly({
        format: 'binary_little_endian',
        comments: ['x'],
        elements: [{
          name: 'vertex',
          props: [...['x', 'y', 'z', 'red', 'green', 'blue'].map((name) => ({ name, type: 'float' }))],
          rows: [[1, 2, 3, 0, 0.5, 1], [4, 5, 6, 2, -1, 0.25]],
        }],
      }),
    );
    expect(Array.from(d.colors!)).toEqual([0, 128, 255, 255, 0, 64]);
    for (const pad of ['', 'a', 'ab', 'abc']) {
      const bytes = smallMesh('binary_little_endian', { comments: [pad] });
      // Also read from a view at an odd offset into a larger buffer.
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      for (const view of [bytes, shifted.subarray(1)]) expect(Array.from(readPly(view).positions)).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0.5]);
    }
  });

  it('reads a vertex element that carries a list property', () => {
    const d = readPly(
      buildPly({
        format: 'binary_big_endian',
        elements: [{ name: 'vertex', props: [{ name: 'x', type: 'float' }, { name: 'nbrs', type: 'int', list: 'uchar' }, { name: 'y', type: 'float' }, { name: 'z', type: 'float' }], rows: [[1, [5, 6], 2, 3], [4, [], 5, 6]] }],
      }),
    );
    expect(Array.from(d.positions)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('falls back from the ScanNet triangle path when a later face is a quad', () => {
    const vertices = { name: 'vertex', props: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' })), rows: Array.from({ length: 5 }, (_, i) => [i, i, i]) };
    const d = readPly(buildPly({ format: 'binary_little_endian', elements: [vertices, { name: 'face', props: [{ name: 'vertex_indices', type: 'int', list: 'uchar' }], rows: [[[0, 1, 2]], [[1, 2, 3, 4]]] }] }));
    expect(Array.from(d.faces!)).toEqual([0, 1, 2, 1, 2, 3, 1, 3, 4]);
  });

  it('reads a point cloud with no faces and an empty vertex element', () => {
    const cloud = readPly(buildPly({ format: 'binary_little_endian', elements: [{ name: 'vertex', props: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' })), rows: [[1, 2, 3]] }] }));
    expect(cloud.faces).toBeUndefined();
    expect(cloud.faceCount).toBe(0);
    const empty = readPly(buildPly({ format: 'ascii', elements: [{ name: 'vertex', props: ['x', 'y', 'z'].map((name) => ({ name, type: 'float' })), rows: [] }] }));
    expect(empty.vertexCount).toBe(0);
    expect(empty.positions.length).toBe(0);
  });
});
