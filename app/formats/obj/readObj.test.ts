import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { fuzzReader } from '../fuzz.fixture';
import { readObj } from './readObj';

const enc = (s: string) => new TextEncoder().encode(s);
const FILE = 'room.obj';

function failure(text: string): FormatError {
  try {
    readObj(enc(text), { fileName: FILE });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    const err = e as FormatError;
    expect(err.file).toBe(FILE);
    return err;
  }
  throw new Error('expected readObj to throw');
}

const quadWithGroups = [
  '# a room',
  'mtllib room.mtl',
  'o floor',
  'v 0 0 0 1 0 0',
  'v 1 0 0 0 1 0',
  'v 1 0 1 0 0 1',
  'v 0 0 1 0.5 0.5 0.5',
  'vt 0 0',
  'vn 0 1 0',
  'usemtl wood',
  's off',
  'f 1/1/1 2/1/1 3/1/1 4/1/1',
  'g chair seat',
  'v 5 5 5',
  'v 6 5 5',
  'v 6 6 5',
  'f -3 -2 -1',
  '',
].join('\n');

describe('readObj', () => {
  it('vertex colours, corner normals, quad fan-triangulated, negative indices, groups as instances', () => {
    const d = readObj(enc(quadWithGroups));
    expect(d.format).toBe('obj');
    expect(d.upAxis).toBe('y');
    expect(d.positions).toBeInstanceOf(Float64Array);
    expect([...d.positions]).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 5, 5, 5, 6, 5, 5, 6, 6, 5]);
    expect([...d.colors!]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...d.faces!]).toEqual([0, 1, 2, 0, 2, 3, 4, 5, 6]);
    expect([...d.normals!].slice(0, 12)).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
    expect([...d.normals!].slice(12)).toEqual(new Array(9).fill(0));
    expect([...d.instances!]).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect([...d.instanceLabels!]).toEqual([[0, 'floor'], [1, 'chair seat']]);
  });

  it('v//vn and v/vt corners, CRLF lines, a point cloud with no faces', () => {
    const d = readObj(enc('v 0 0 0\r\nv 1 0 0\r\nv 0 1 0\r\nvn 0 0 -1\r\nvt 0 0\r\nf 1//1 2//1 3/1\r\n'));
    expect([...d.faces!]).toEqual([0, 1, 2]);
    expect([...d.normals!]).toEqual([0, 0, -1, 0, 0, -1, 0, 0, 0]);
    expect(d.colors).toBeUndefined();
    expect(d.instances).toBeUndefined();
    const cloud = readObj(enc('v 1.5 2 3 1\nv 4 5 6\n'));
    expect([...cloud.positions]).toEqual([1.5, 2, 3, 4, 5, 6]);
    expect(cloud.faces).toBeUndefined();
  });

  it('errors name the line', () => {
    const range = failure('v 0 0 0\nv 1 0 0\nf 1 2 3\nv 0 1 0\n');
    expect(range.line).toBe(3);
    expect(range.expected).toBe('a vertex index within the 2 defined so far, found 3');
    expect(failure('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 0\n').expected).toContain('found 0');
    expect(failure('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1//2 2 3\n').expected).toBe('a normal index within the 0 defined so far, found 2');
    expect(failure('v 0 0 0\nv 1 0 0\nf 1 2\n').expected).toBe('a face of at least 3 corners, found 2');
    const coord = failure('# x\n\nv 0 nan 0\n');
    expect(coord.line).toBe(3);
    expect(coord.expected).toBe('a finite y, found "nan"');
    expect(failure('v 1 2\n').expected).toContain('found 2 values');
    expect(failure('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3/x\n').expected).toContain('found "x" in "3/x"');
  });

  it('fuzz: 2,000 variants parse or throw FormatError', () => {
    const rejected = fuzzReader(enc(quadWithGroups), 99, 2000, 'fuzz.obj', (b) => readObj(b, { fileName: 'fuzz.obj' }));
    expect(rejected).toBeGreaterThan(0);
  });
});
