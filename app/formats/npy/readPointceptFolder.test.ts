import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { readPointceptFolder } from './readPointceptFolder';
import { npyFile } from './testNpy.fixture';

const coord = npyFile({ descr: '<f4', shape: [2, 3], values: [0, 1, 2, 3.5, 4, 5] });

function failure(files: Record<string, Uint8Array>): FormatError {
  try {
    readPointceptFolder(files);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected readPointceptFolder to throw');
}

describe('readPointceptFolder', () => {
  it('reads coord, color, normal, segment20 and instance; paths match by their last part', () => {
    const d = readPointceptFolder({
      'scene0000_00/coord.npy': coord,
      'scene0000_00/color.npy': npyFile({ descr: '|u1', shape: [2, 3], values: [255, 0, 1, 2, 3, 4] }),
      'scene0000_00/normal.npy': npyFile({ descr: '<f8', shape: [2, 3], values: [0, 0, 1, 1, 0, 0] }),
      'scene0000_00/segment20.npy': npyFile({ descr: '<i8', shape: [2], values: [-1, 19] }),
      'scene0000_00/segment200.npy': npyFile({ descr: '<i2', shape: [2], values: [5, 6] }),
      'scene0000_00/instance.npy': npyFile({ descr: '<i2', shape: [2, 1], values: [-1, 4] }),
      'scene0000_00/superpoint.npy': npyFile({ descr: '<i4', shape: [7], values: [0, 0, 0, 0, 0, 0, 0] }),
    });
    expect(d.format).toBe('pointcept');
    expect(d.upAxis).toBe('z');
    expect(d.positions).toBeInstanceOf(Float32Array);
    expect([...d.positions]).toEqual([0, 1, 2, 3.5, 4, 5]);
    expect([...d.colors!]).toEqual([255, 0, 1, 2, 3, 4]);
    expect(d.normals).toBeInstanceOf(Float32Array);
    expect([...d.normals!]).toEqual([0, 0, 1, 1, 0, 0]);
    expect([...d.labels!]).toEqual([-1, 19]);
    expect([...d.instances!]).toEqual([-1, 4]);
  });

  it('float colours are rounded and clamped to 0..255; segment200 on request', () => {
    const d = readPointceptFolder(
      {
        'coord.npy': coord,
        'color.npy': npyFile({ descr: '<f4', shape: [2, 3], values: [254.6, -3, 300, 0, 1.4, 128] }),
        'segment20.npy': npyFile({ descr: '<i4', shape: [2], values: [1, 2] }),
        'segment200.npy': npyFile({ descr: '<i4', shape: [2], values: [100, 200] }),
      },
      { segment: 'segment200' },
    );
    expect([...d.colors!]).toEqual([255, 0, 255, 0, 1, 128]);
    expect([...d.labels!]).toEqual([100, 200]);
  });

  it('disagreeing lengths and wrong shapes name the file', () => {
    const rows = failure({ 'a/coord.npy': coord, 'a/segment20.npy': npyFile({ descr: '<i4', shape: [3], values: [1, 2, 3] }) });
    expect(rows.file).toBe('a/segment20.npy');
    expect(rows.expected).toBe('2 rows like coord.npy, found 3');
    const width = failure({ 'coord.npy': coord, 'color.npy': npyFile({ descr: '|u1', shape: [2, 4], values: new Array(8).fill(0) }) });
    expect(width.file).toBe('color.npy');
    expect(width.expected).toBe('shape 2×3, found (2, 4)');
    const flat = failure({ 'coord.npy': npyFile({ descr: '<f4', shape: [6], values: [0, 1, 2, 3, 4, 5] }) });
    expect(flat.file).toBe('coord.npy');
    expect(flat.expected).toBe('shape N×3, found (6,)');
    expect(failure({ 'color.npy': coord }).expected).toContain('coord.npy among the folder files');
    const broken = coord.slice(0, coord.length - 1);
    const bad = failure({ 'x/coord.npy': broken });
    expect(bad.file).toBe('x/coord.npy');
    expect(bad.offset).toBe(broken.length);
  });
});
