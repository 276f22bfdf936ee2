import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { readNpy } from './readNpy';
import { npyFile } from './testNpy.fixture';

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const FILE = 'coord.npy';

function failure(bytes: Uint8Array): FormatError {
  try {
    readNpy(bytes, { fileName: FILE });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    const err = e as FormatError;
    expect(err.file).toBe(FILE);
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
    return err;
  }
  throw new Error('expected readNpy to throw');
}

describe('readNpy', () => {
  it('files written by numpy 2.4 (np.lib.format.write_array)', () => {
    // np.array([[1.5, -2, 3], [4, 5, 6.25]], dtype='<f4')
    const f4 = readNpy(b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AAAAwAAAQEAAAIBAAACgQAAAyEA='));
    expect(f4.descr).toBe('<f4');
    expect(f4.shape).toEqual([2, 3]);
    expect(f4.data).toBeInstanceOf(Float32Array);
    expect([...f4.data]).toEqual([1.5, -2, 3, 4, 5, 6.25]);
    // np.asfortranarray(np.arange(6, dtype='>i2').reshape(2, 3)): transposed back to C order.
    const fortran = readNpy(b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPmkyJywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAADAAEABAACAAU='));
    expect(fortran.shape).toEqual([2, 3]);
    expect(fortran.data).toBeInstanceOf(Int16Array);
    expect([...fortran.data]).toEqual([0, 1, 2, 3, 4, 5]);
    // np.array([1, -7], dtype='<i8') written as format version 2.0
    const i8 = readNpy(b64('k05VTVBZAgB0AAAAeydkZXNjcic6ICc8aTgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAAAAAPn/////////'));
    expect(i8.shape).toEqual([2]);
    expect(i8.data).toBeInstanceOf(Float64Array);
    expect([...i8.data]).toEqual([1, -7]);
  });

  const cases: [string, number[], unknown][] = [
    ['<f8', [0.1, -1e300], Float64Array],
    ['>f8', [0.1, -1e300], Float64Array],
    ['>f4', [0.5, -3], Float32Array],
    ['<i4', [-2147483648, 7], Int32Array],
    ['>i4', [-2147483648, 7], Int32Array],
    ['<u4', [4294967295, 1], Uint32Array],
    ['>u4', [4294967295, 1], Uint32Array],
    ['<i2', [-32768, 5], Int16Array],
    ['<u2', [65535, 5], Uint16Array],
    ['>u2', [65535, 5], Uint16Array],
    ['|u1', [255, 0], Uint8Array],
    ['<u1', [255, 0], Uint8Array],
    ['|i1', [-128, 127], Int8Array],
    ['|b1', [1, 0], Uint8Array],
    ['>i8', [-(2 ** 53) + 1, 2 ** 40], Float64Array],
    ['<u8', [2 ** 53 - 1, 0], Float64Array],
  ];
  for (const [descr, values, ctor] of cases) {
    it(`dtype ${descr}`, () => {
      const a = readNpy(npyFile({ descr, shape: [2], values }));
      expect(a.data).toBeInstanceOf(ctor);
      expect([...a.data]).toEqual(values);
    });
  }

  it('format v3, a 3-d Fortran array, a 0-d scalar and an empty array', () => {
    // shape (2, 2, 2) in Fortran order: element (i, j, k) at i + 2j + 4k.
    const f = readNpy(npyFile({ descr: '<i4', shape: [2, 2, 2], fortran: true, version: 3, values: [0, 100, 10, 110, 1, 101, 11, 111] }));
    expect([...f.data]).toEqual([0, 1, 10, 11, 100, 101, 110, 111]);
    expect([...readNpy(npyFile({ descr: '<f8', shape: [], values: [2.5] })).data]).toEqual([2.5]);
    expect(readNpy(npyFile({ descr: '<f4', shape: [0, 3], values: [] })).data.length).toBe(0);
  });

  it('errors carry the byte offset', () => {
    const magic = failure(new TextEncoder().encode('NUMPY not really'));
    expect(magic.offset).toBe(0);
    const version = npyFile({ descr: '<f4', shape: [1], values: [1] });
    version[6] = 4;
    expect(failure(version).offset).toBe(6);
    const short = npyFile({ descr: '<f4', shape: [3], values: [1, 2] });
    const e = failure(short);
    expect(e.offset).toBe(short.length);
    expect(e.expected).toBe('3 elements of 4 bytes for shape (3,), file ends after 2');
    const extra = npyFile({ descr: '<f4', shape: [1], values: [1, 2] });
    expect(failure(extra).offset).toBe(extra.length - 4);
    const structured = failure(npyFile({ descr: '<f4', shape: [1], values: [1], dict: "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }" }));
    expect(structured.offset).toBe(10);
    expect(structured.expected).toContain('structured arrays are not supported');
    const dtype = failure(npyFile({ descr: '<f4', shape: [1], values: [1], dict: "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }" }));
    expect(dtype.expected).toContain("found '<c8'");
    const syntax = failure(npyFile({ descr: '<f4', shape: [1], values: [1], dict: "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,), }" }));
    expect(syntax.offset).toBe(10 + 34);
    const bigFile = npyFile({ descr: '<i8', shape: [1], values: [2 ** 60] });
    const big = failure(bigFile);
    expect(big.offset).toBe(bigFile.length - 8);
    expect(big.expected).toContain('within ±2^53 (element 0)');
    const boolFile = npyFile({ descr: '|b1', shape: [2], values: [1, 2] });
    expect(failure(boolFile).offset).toBe(boolFile.length - 1);
  });
});
