import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { FormatError } from '../errors';
import { readPly } from './readPly';
import { buildPly, plyHeader, smallMesh, type FixtureOptions } from './testPly.fixture';

const FILE = 'scene0000_00_vh_clean_2.ply';

function failure(bytes: Uint8Array): FormatError {
  try {
    readPly(bytes, { fileName: FILE });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect(e).toBeInstanceOf(AppError);
    const err = e as FormatError;
    expect(err.code).toBe('bad_file');
    expect(err.file).toBe(FILE);
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
    return err;
  }
  throw new Error('expected readPly to throw');
}

const xyz = ['x', 'y', 'z'].map((name) => ({ name, type: 'float' }));
const headerLength = (o: FixtureOptions) => new TextEncoder().encode(plyHeader(o)).length;

describe('readPly errors', () => {
  it('truncated vertex data: offset is the end of the file, message says how many bytes are missing', () => {
    const o: FixtureOptions = { format: 'binary_little_endian', elements: [{ name: 'vertex', props: xyz, rows: [[1, 2, 3], [4, 5, 6]] }] };
    const bytes = buildPly(o);
    const cut = bytes.subarray(0, bytes.length - 3);
    const err = failure(cut);
    expect(err.offset).toBe(cut.length);
    expect(err.expected).toContain('3 more vertex bytes');
    expect(err.message).toBe(`${FILE}: byte ${cut.length}: expected 3 more vertex bytes (row 1 of 2, 12 bytes per row), file ends`);
  });

  it('truncated face data: offset is where the data ran out', () => {
    const bytes = smallMesh('binary_little_endian');
    const err = failure(bytes.subarray(0, bytes.length - 5));
    expect(err.offset).toBe(bytes.length - 5);
    expect(err.expected).toMatch(/more bytes .*face 1, file ends/);
  });

  it('a vertex count that overstates the data', () => {
    const o: FixtureOptions = { format: 'binary_little_endian', elements: [{ name: 'vertex', count: 3, props: xyz, rows: [[1, 2, 3], [4, 5, 6]] }] };
    const err = failure(buildPly(o));
    expect(err.offset).toBe(headerLength(o) + 24);
    expect(err.expected).toContain('12 more vertex bytes (row 2 of 3');
  });

  it('a vertex count that understates the data leaves bytes over', () => {
    const o: FixtureOptions = { format: 'binary_little_endian', elements: [{ name: 'vertex', count: 1, props: xyz, rows: [[1, 2, 3], [4, 5, 6]] }] };
    const err = failure(buildPly(o));
    expect(err.offset).toBe(headerLength(o) + 12);
    expect(err.expected).toContain('found 12 more bytes');
  });

  it('a lying vertex count in ascii reports the line', () => {
    const over = failure(buildPly({ format: 'ascii', elements: [{ name: 'vertex', count: 3, props: xyz, rows: [[1, 2, 3], [4, 5, 6]] }] }));
    expect(over.expected).toContain('vertex row 2 of 3, file ends');
    expect(over.line).toBe(10); // the line after the last row
    const under = failure(buildPly({ format: 'ascii', elements: [{ name: 'vertex', count: 1, props: xyz, rows: [[1, 2, 3], [4, 5, 6]] }] }));
    expect(under.line).toBe(9); // the first extra row
    expect(under.expected).toContain('end of file');
  });

  it('an unknown property type names the line and the type', () => {
    const err = failure(buildPly({ format: 'ascii', elements: [{ name: 'vertex', props: [...xyz, { name: 'w', type: 'float16' }], rows: [] }] }));
    expect(err.line).toBe(7);
    expect(err.expected).toContain('found "float16"');
    const list = failure(new TextEncoder().encode('ply\nformat ascii 1.0\nelement face 0\nproperty list float int vertex_indices\nend_header\n'));
    expect(list.line).toBe(4);
    expect(list.expected).toContain('integer list count type');
  });

  it('a NaN or infinite coordinate names the vertex and its byte offset', () => {
    const o: FixtureOptions = { format: 'binary_little_endian', elements: [{ name: 'vertex', props: xyz, rows: [[1, 2, 3], [4, NaN, 6]] }] };
    const err = failure(buildPly(o));
    expect(err.offset).toBe(headerLength(o) + 12);
    expect(err.expected).toContain('vertex 1');
    const be = failure(buildPly({ ...o, format: 'binary_big_endian', elements: [{ name: 'vertex', props: xyz, rows: [[1, 2, Infinity]] }] }));
    expect(be.expected).toContain('vertex 0');
    const ascii = failure(buildPly({ format: 'ascii', elements: [{ name: 'vertex', props: xyz, rows: [[1, 2, 3], [1, -Infinity, 0]] }] }));
    expect(ascii.line).toBe(9);
    expect(ascii.expected).toContain('vertex 1');
  });

  it('a face index out of range names the face and offset (fast and general paths) or line', () => {
    const vertices = { name: 'vertex', props: xyz, rows: [[0, 0, 0], [1, 0, 0], [0, 1, 0]] };
    const fast: FixtureOptions = { format: 'binary_little_endian', elements: [vertices, { name: 'face', props: [{ name: 'vertex_indices', type: 'int', list: 'uchar' }], rows: [[[0, 1, 2]], [[0, 3, 1]]] }] };
    const err = failure(buildPly(fast));
    expect(err.offset).toBe(headerLength(fast) + 36 + 13 + 1 + 4);
    expect(err.expected).toBe('a vertex index in 0..2 for face 1, found 3');
    const negative = failure(buildPly({ ...fast, elements: [vertices, { name: 'face', props: [{ name: 'vertex_indices', type: 'int', list: 'uchar' }], rows: [[[0, -1, 2]]] }] }));
    expect(negative.expected).toContain('found -1');
    const general = failure(buildPly({ ...fast, format: 'binary_big_endian' }));
    expect(general.offset).toBe(headerLength({ ...fast, format: 'binary_big_endian' }) + 36 + 13 + 1 + 4);
    const ascii = failure(buildPly({ ...fast, format: 'ascii' }));
    expect(ascii.line).toBe(14);
  });

  it('garbage, an empty file, a missing end_header and a bad format line', () => {
    expect(failure(new Uint8Array(0)).offset).toBe(0);
    const garbage = failure(new TextEncoder().encode('solid cube\nfacet normal 0 0 1\n'));
    expect(garbage.offset).toBe(0);
    expect(garbage.expected).toContain('"ply"');
    const noEnd = new TextEncoder().encode('ply\nformat ascii 1.0\nelement vertex 1\n');
    expect(failure(noEnd).offset).toBe(noEnd.length);
    const fmt = failure(new TextEncoder().encode('ply\nformat binary_middle_endian 1.0\nend_header\n'));
    expect(fmt.line).toBe(2);
    const keyword = failure(new TextEncoder().encode('ply\r\nformat ascii 1.0\r\nelemnt vertex 1\r\nend_header\r\n'));
    expect(keyword.line).toBe(3);
    expect(keyword.offset).toBe(23);
    const count = failure(new TextEncoder().encode('ply\nformat ascii 1.0\nelement vertex -4\nend_header\n'));
    expect(count.line).toBe(3);
  });

  it('ascii values that do not fit their type', () => {
    const err = failure(buildPly({ format: 'ascii', elements: [{ name: 'vertex', props: [...xyz, { name: 'red', type: 'uchar' }], rows: [[0, 0, 0, 300]] }] }));
    expect(err.line).toBe(9);
    expect(err.expected).toBe('a uchar for red of vertex 0, found "300"');
    const word = failure(new TextEncoder().encode('ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\nend_header\n1 two 3\n'));
    expect(word.line).toBe(8);
  });

  it('a file without x y z, or a face element before vertices', () => {
    expect(failure(buildPly({ format: 'binary_little_endian', elements: [{ name: 'vertex', props: [{ name: 'x', type: 'float' }], rows: [[1]] }] })).expected).toContain('x, y and z');
    expect(failure(buildPly({ format: 'binary_little_endian', elements: [{ name: 'point', props: xyz, rows: [[1, 2, 3]] }] })).expected).toContain('"vertex"');
  });

  it('a huge declared count with a tiny body fails fast instead of allocating', () => {
    const head = 'ply\nformat binary_little_endian 1.0\nelement vertex 4000000000\nproperty float x\nproperty float y\nproperty float z\nelement face 4000000000\nproperty list uchar int vertex_indices\nend_header\n';
    expect(failure(new TextEncoder().encode(head + 'abcdefgh')).expected).toContain('more vertex bytes');
    const faces = 'ply\nformat binary_little_endian 1.0\nelement vertex 0\nproperty float x\nproperty float y\nproperty float z\nelement face 4000000000\nproperty list uchar int vertex_indices\nend_header\n';
    expect(failure(new TextEncoder().encode(faces + '\u0000\u0000')).expected).toContain('file ends');
    const ascii = 'ply\nformat ascii 1.0\nelement vertex 4000000000\nproperty float x\nproperty float y\nproperty float z\nend_header\n1 2 3\n';
    expect(failure(new TextEncoder().encode(ascii)).line).toBe(8);
  });
});
