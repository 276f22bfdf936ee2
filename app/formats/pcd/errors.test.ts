import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { FormatError } from '../errors';
import { readPcd } from './readPcd';
import { buildPcd, pcdHeader, type FixtureField, type PcdFixture } from './testPcd.fixture';

const FILE = 'office.pcd';
const xyz: FixtureField[] = ['x', 'y', 'z'].map((name) => ({ name, type: 'F', size: 4 }));
const enc = (s: string) => new TextEncoder().encode(s);
const headerLength = (o: PcdFixture) => enc(pcdHeader(o)).length;

function failure(bytes: Uint8Array): FormatError {
  try {
    readPcd(bytes, { fileName: FILE });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect(e).toBeInstanceOf(AppError);
    const err = e as FormatError;
    expect(err.code).toBe('bad_file');
    expect(err.file).toBe(FILE);
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
    return err;
  }
  throw new Error('expected readPcd to throw');
}

describe('readPcd errors', () => {
  it('POINTS disagreeing with WIDTH × HEIGHT names the POINTS line', () => {
    const err = failure(buildPcd({ fields: xyz, rows: [[1, 2, 3]], points: 5, data: 'binary' }));
    expect(err.line).toBe(10);
    expect(err.expected).toBe('POINTS equal to WIDTH × HEIGHT = 1, found 5');
  });

  it('binary: a point count backed by too few bytes reports the end of the file', () => {
    const o: PcdFixture = { fields: xyz, rows: [[1, 2, 3], [4, 5, 6]], width: 3, data: 'binary' };
    const err = failure(buildPcd(o));
    expect(err.offset).toBe(headerLength(o) + 24);
    expect(err.expected).toBe('12 more data bytes (point 2 of POINTS 3, 12 bytes per point), file ends');
    const cut = buildPcd({ ...o, width: 2 }).subarray(0, headerLength(o) + 20);
    expect(failure(cut).offset).toBe(cut.length);
  });

  it('binary: a point count that understates the data leaves bytes over', () => {
    const o: PcdFixture = { fields: xyz, rows: [[1, 2, 3], [4, 5, 6]], width: 1, data: 'binary' };
    const err = failure(buildPcd(o));
    expect(err.offset).toBe(headerLength(o) + 12);
    expect(err.expected).toContain('found 12 more bytes');
  });

  it('ascii: a lying POINTS reports the line', () => {
    const rows = [[1.25, 2.25, 3.25], [4.25, 5.25, 6.25]];
    const over = failure(buildPcd({ fields: xyz, rows, width: 3, data: 'ascii' }));
    expect(over.line).toBe(14); // header 11 lines, rows on 12 and 13
    expect(over.expected).toBe('point 2 of POINTS 3, file ends');
    const under = failure(buildPcd({ fields: xyz, rows, width: 1, data: 'ascii' }));
    expect(under.line).toBe(13);
    expect(under.expected).toContain('end of file after POINTS 1');
  });

  it('ascii: POINTS far beyond the characters present is refused before allocating', () => {
    const err = failure(buildPcd({ fields: xyz, rows: [[1, 2, 3]], width: 1e9, data: 'ascii' }));
    expect(err.line).toBe(12);
    expect(err.expected).toBe('POINTS 1000000000 rows of 3 values, only 6 characters of data');
  });

  it('ascii: a bad value and a short row name their line', () => {
    const bad = failure(buildPcd({ fields: [...xyz, { name: 'label', type: 'U', size: 4 }], rows: [[1, 2, 3, 4], [1, 2, 3, 4.5]], data: 'ascii' }));
    expect(bad.line).toBe(13);
    expect(bad.expected).toBe('an integer for field label, found "4.5"');
    const text = pcdHeader({ fields: xyz, rows: [[0, 0, 0]], data: 'ascii' }) + '1 2 x\n';
    expect(failure(enc(text)).expected).toBe('a number for field z, found "x"');
    const short = failure(enc(pcdHeader({ fields: xyz, rows: [[0, 0, 0]], data: 'ascii' }) + '1.5 2.5\n'));
    expect(short.line).toBe(12);
    expect(short.expected).toBe('3 values per point, found 2');
  });

  it('binary_compressed: wrong uncompressed size, missing compressed bytes, bad LZF stream', () => {
    const o: PcdFixture = { fields: xyz, rows: [[1, 2, 3], [4, 5, 6]], data: 'binary_compressed' };
    const good = buildPcd(o);
    const h = headerLength(o);
    const wrongSize = good.slice();
    new DataView(wrongSize.buffer).setUint32(h + 4, 25, true);
    const e1 = failure(wrongSize);
    expect(e1.offset).toBe(h + 4);
    expect(e1.expected).toBe('uncompressed size POINTS × point size = 24, found 25');
    const e2 = failure(good.subarray(0, good.length - 2));
    expect(e2.offset).toBe(good.length - 2);
    expect(e2.expected).toContain('2 more compressed bytes');
    // First control byte 31 promises a 32-byte literal; only 24 bytes follow in the 25-byte stream.
    const badStream = good.slice();
    badStream[h + 8] = 31;
    const e3 = failure(badStream);
    expect(e3.offset).toBe(h + 8);
    expect(e3.expected).toContain('valid LZF stream');
    expect(failure(good.subarray(0, h + 5)).offset).toBe(h + 5);
  });

  it('header problems name their line', () => {
    const missingXyz = failure(buildPcd({ fields: xyz.slice(0, 2), rows: [[1, 2]], data: 'binary' }));
    expect(missingXyz.expected).toBe('FIELDS to include x, y and z');
    const sizes = failure(enc('FIELDS x y z\nSIZE 4 4\nTYPE F F F\nWIDTH 1\nDATA ascii\n1 2 3\n'));
    expect(sizes.line).toBe(2);
    expect(sizes.expected).toBe('SIZE with 3 entries, one per field, found 2');
    const float2 = failure(enc('FIELDS x y z\nSIZE 4 4 2\nTYPE F F F\nWIDTH 1\nDATA ascii\n1 2 3\n'));
    expect(float2.line).toBe(2);
    expect(float2.expected).toContain('SIZE 4, 8 for TYPE F (field z)');
    const kind = failure(enc('FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nWIDTH 1\nDATA binary_lz4\n'));
    expect(kind.line).toBe(5);
    expect(kind.offset).toBe(43);
    const noData = failure(enc('FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nWIDTH 1\n'));
    expect(noData.expected).toContain('"DATA ascii|binary|binary_compressed"');
    expect(noData.line).toBe(5);
    const noWidth = failure(enc('FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nDATA ascii\n'));
    expect(noWidth.expected).toBe('a WIDTH line before DATA');
    const twice = failure(enc('FIELDS x y z\nFIELDS x y z\n'));
    expect(twice.line).toBe(2);
  });
});
