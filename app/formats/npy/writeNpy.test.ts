import { describe, expect, it } from 'vitest';
import { readNpy } from './readNpy';
import { readPointceptFolder } from './readPointceptFolder';
import { npyFile } from './testNpy.fixture';
import type { NpyKind } from './types';
import { writeNpy } from './writeNpy';
import { writePointceptFolder } from './writePointceptFolder';

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

describe('writeNpy', () => {
  it('writes the bytes numpy 2.4 writes (format 1.0, 64-byte aligned header)', () => {
    // np.save of np.array([[1.5, -2, 3], [4, 5, 6.25]], dtype='<f4')
    const numpy = b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AAAAwAAAQEAAAIBAAACgQAAAyEA=');
    expect(writeNpy({ shape: [2, 3], data: Float32Array.from([1.5, -2, 3, 4, 5, 6.25]) })).toEqual(numpy);
  });

  const cases: [NpyKind, number[]][] = [
    ['f4', [0.5, -3, 1e-7, 3.4e38]],
    ['f8', [0.1, -1e300, 500000.123]],
    ['i1', [-128, 127, 0]],
    ['u1', [0, 255, 7]],
    ['b1', [1, 0, 1]],
    ['i2', [-32768, 32767, 5]],
    ['u2', [0, 65535, 9]],
    ['i4', [-2147483648, 2147483647, 0]],
    ['u4', [0, 4294967295, 3]],
    ['i8', [-(2 ** 53) + 1, -1, 2 ** 53 - 1]],
    ['u8', [0, 2 ** 40 + 3, 2 ** 53 - 1]],
  ];
  for (const [kind, values] of cases) {
    it(`read → write → read keeps ${kind} arrays, shape and C order`, () => {
      const source = npyFile({ descr: `${kind === 'i1' || kind === 'u1' || kind === 'b1' ? '|' : '>'}${kind}`, shape: [values.length, 1], values, fortran: true });
      const first = readNpy(source);
      const written = writeNpy({ shape: first.shape, data: first.data, kind });
      const second = readNpy(written);
      expect(second.shape).toEqual(first.shape);
      expect(second.data.constructor).toBe(first.data.constructor);
      expect([...second.data]).toEqual([...first.data]);
      expect([...second.data]).toEqual(kind === 'f4' ? values.map(Math.fround) : values);
      expect(second.descr.slice(1)).toBe(kind);
      // Every file numpy could memory-map: data starts on a 64-byte boundary.
      expect((new DataView(written.buffer).getUint16(8, true) + 10) % 64).toBe(0);
    });
  }

  it('transposes nothing: a 2×3 Fortran file comes back C-ordered and is written C-ordered', () => {
    const f = readNpy(npyFile({ descr: '<i4', shape: [2, 3], values: [0, 3, 1, 4, 2, 5], fortran: true }));
    const text = new TextDecoder('latin1').decode(writeNpy(f).subarray(10, 74));
    expect(text).toContain("'fortran_order': False, 'shape': (2, 3), }");
    expect([...readNpy(writeNpy(f)).data]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses a shape that does not match the data and values that do not fit the dtype', () => {
    expect(() => writeNpy({ shape: [2, 2], data: new Float32Array(3) })).toThrow(/4 elements, data has 3/);
    expect(() => writeNpy({ shape: [1], data: Int32Array.from([40000]), kind: 'i2' })).toThrow(/does not fit dtype <i2/);
    expect(() => writeNpy({ shape: [1], data: Float64Array.from([2]), kind: 'b1' })).toThrow(/\|b1/);
    expect(() => writeNpy({ shape: [1], data: Float64Array.from([-1]), kind: 'u8' })).toThrow(/<u8/);
  });
});

describe('writePointceptFolder', () => {
  it('read → write → read keeps coord, color, normal, segments and instances', () => {
    const n = 4;
    const folder = {
      'coord.npy': npyFile({ descr: '<f4', shape: [n, 3], values: Array.from({ length: n * 3 }, (_, i) => i * 0.25 - 1) }),
      'color.npy': npyFile({ descr: '|u1', shape: [n, 3], values: Array.from({ length: n * 3 }, (_, i) => (i * 41) % 256) }),
      'normal.npy': npyFile({ descr: '<f4', shape: [n, 3], values: [0, 0, 1, 0, 1, 0, 1, 0, 0, 0.6, 0.8, 0] }),
      'segment20.npy': npyFile({ descr: '<i8', shape: [n], values: [-1, 0, 19, 3] }),
      'segment200.npy': npyFile({ descr: '<i2', shape: [n, 1], values: [5, 6, 7, 199] }),
      'instance.npy': npyFile({ descr: '<i4', shape: [n], values: [-1, 4, 4, 70000] }),
    };
    const first = readPointceptFolder(folder);
    const s200 = readPointceptFolder(folder, { segment: 'segment200' }).labels!;
    const written = writePointceptFolder({ coord: first.positions, color: first.colors!, normal: first.normals!, segment20: first.labels!, segment200: s200, instance: first.instances! });
    expect(Object.keys(written).sort()).toEqual(['color.npy', 'coord.npy', 'instance.npy', 'normal.npy', 'segment20.npy', 'segment200.npy']);
    const second = readPointceptFolder(written);
    expect(second.positions).toEqual(first.positions);
    expect(second.colors).toEqual(first.colors);
    expect(second.normals).toEqual(first.normals);
    expect(second.labels).toEqual(first.labels);
    expect(second.instances).toEqual(first.instances);
    expect(readPointceptFolder(written, { segment: 'segment200' }).labels).toEqual(s200);
    // Pointcept's dtypes: ids that fit int16 are int16; an id beyond it widens the file to int32.
    expect(readNpy(written['segment20.npy']!).descr).toBe('<i2');
    expect(readNpy(written['instance.npy']!).descr).toBe('<i4');
    expect(readNpy(written['color.npy']!).descr).toBe('|u1');
  });

  it('keeps float64 coordinates as <f8 and refuses arrays of the wrong length', () => {
    const coord = Float64Array.from([500000.123, 4100000.456, 12.5]);
    expect(readPointceptFolder(writePointceptFolder({ coord })).positions).toEqual(coord);
    expect(() => writePointceptFolder({ coord, color: new Uint8Array(6) })).toThrow(/color has 6 values for 1 points/);
    expect(() => writePointceptFolder({ coord: new Float32Array(4) })).toThrow(/multiple of 3/);
  });
});
