import { describe, expect, it } from 'vitest';
import { readPcd } from './readPcd';
import { buildPcd, packRgbFloat, type FixtureField } from './testPcd.fixture';

const xyz: FixtureField[] = ['x', 'y', 'z'].map((name) => ({ name, type: 'F', size: 4 }));
const enc = (s: string) => new TextEncoder().encode(s);

describe('readPcd', () => {
  for (const data of ['ascii', 'binary', 'binary_compressed'] as const) {
    it(`${data}: positions, packed float rgb, normals, label and instance`, () => {
      const fields: FixtureField[] = [
        ...xyz,
        { name: 'rgb', type: 'F', size: 4 },
        ...['normal_x', 'normal_y', 'normal_z'].map((name): FixtureField => ({ name, type: 'F', size: 4 })),
        { name: 'label', type: 'U', size: 4 },
        { name: 'instance', type: 'I', size: 4 },
      ];
      const rows = [
        [1.5, -2, 3.25, packRgbFloat(255, 0, 16), 0, 0, 1, 7, -1],
        [4, 5, 6, packRgbFloat(1, 2, 3), 1, 0, 0, 40, 3],
      ];
      const d = readPcd(buildPcd({ fields, rows, data }), { fileName: 'room.pcd' });
      expect(d.format).toBe('pcd');
      expect(d.upAxis).toBe('z');
      expect(d.positions).toBeInstanceOf(Float32Array);
      expect([...d.positions]).toEqual([1.5, -2, 3.25, 4, 5, 6]);
      expect([...d.colors!]).toEqual([255, 0, 16, 1, 2, 3]);
      expect([...d.normals!]).toEqual([0, 0, 1, 1, 0, 0]);
      expect([...d.labels!]).toEqual([7, 40]);
      expect([...d.instances!]).toEqual([-1, 3]);
    });
  }

  it('ascii rgb written as the integer 0x00RRGGBB (PCL convention) and rgba typed U with alpha', () => {
    const asInt = readPcd(buildPcd({ fields: [...xyz, { name: 'rgb', type: 'F', size: 4 }], rows: [[0, 0, 0, 0xff8040]], data: 'ascii' }));
    expect([...asInt.colors!]).toEqual([0xff, 0x80, 0x40]);
    const rgba = readPcd(buildPcd({ fields: [...xyz, { name: 'rgba', type: 'U', size: 4 }], rows: [[0, 0, 0, 0xff102030]], data: 'binary' }));
    expect([...rgba.colors!]).toEqual([0x10, 0x20, 0x30]);
  });

  it('double coordinates stay float64; padding and multi-value fields are skipped', () => {
    const fields: FixtureField[] = [
      { name: 'x', type: 'F', size: 8 },
      { name: '_', type: 'U', size: 1, count: 3 },
      { name: 'y', type: 'F', size: 8 },
      { name: 'fpfh', type: 'F', size: 4, count: 2 },
      { name: 'z', type: 'F', size: 8 },
    ];
    for (const data of ['binary', 'binary_compressed', 'ascii'] as const) {
      const d = readPcd(buildPcd({ fields, rows: [[500000.123456789, 9, 9, 9, 4000000.5, 0.5, 0.25, -1.125]], data }));
      expect(d.positions).toBeInstanceOf(Float64Array);
      expect([...d.positions]).toEqual([500000.123456789, 4000000.5, -1.125]);
      expect(d.colors).toBeUndefined();
    }
  });

  it('organised cloud: WIDTH × HEIGHT points, NaN points dropped with their attributes', () => {
    const fields: FixtureField[] = [...xyz, { name: 'label', type: 'U', size: 2 }];
    const rows = [[0, 0, 1, 1], [NaN, NaN, NaN, 2], [1, 1, 1, 3], [2, NaN, 2, 4]];
    for (const data of ['binary', 'ascii'] as const) {
      const d = readPcd(buildPcd({ fields, rows, width: 2, height: 2, data }));
      expect([...d.positions]).toEqual([0, 0, 1, 1, 1, 1]);
      expect([...d.labels!]).toEqual([1, 3]);
    }
  });

  it('separate r g b uchar fields, header comments, CRLF lines, no COUNT line', () => {
    const text = [
      '# written by hand', 'VERSION .7', 'FIELDS x y z r g b', 'SIZE 4 4 4 1 1 1', 'TYPE F F F U U U',
      'WIDTH 2', 'HEIGHT 1', 'POINTS 2', 'DATA ascii', '1 2 3 10 20 30', '', '4 5 6 40 50 60', '',
    ].join('\r\n');
    const d = readPcd(enc(text));
    expect([...d.positions]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...d.colors!]).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('integer field types of every size', () => {
    const fields: FixtureField[] = [
      { name: 'x', type: 'I', size: 1 }, { name: 'y', type: 'I', size: 2 }, { name: 'z', type: 'U', size: 8 },
      { name: 'label', type: 'I', size: 8 }, { name: 'instance', type: 'U', size: 2 },
    ];
    for (const data of ['binary', 'binary_compressed', 'ascii'] as const) {
      const d = readPcd(buildPcd({ fields, rows: [[-5, -300, 2 ** 40, -2, 65535]], data }));
      expect([...d.positions]).toEqual([-5, -300, 2 ** 40]);
      expect([...d.labels!]).toEqual([-2]);
      expect([...d.instances!]).toEqual([65535]);
    }
  });

  it('an empty cloud', () => {
    for (const data of ['binary', 'binary_compressed', 'ascii'] as const) {
      expect(readPcd(buildPcd({ fields: xyz, rows: [], data })).positions.length).toBe(0);
    }
  });
});
