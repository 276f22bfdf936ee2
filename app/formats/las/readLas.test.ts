import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { fuzzReader } from '../fuzz.fixture';
import { readLas } from './readLas';
import { lasFile, type LasPoint } from './testLas.fixture';

const FILE = 'site.las';
const points: LasPoint[] = [
  { xyz: [100, -200, 300], classification: 2, rgb: [65535, 0, 32768] },
  { xyz: [2147483647, 0, -5], classification: 6, rgb: [256, 512, 1024] },
];

function failure(bytes: Uint8Array): FormatError {
  try {
    readLas(bytes, { fileName: FILE });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    const err = e as FormatError;
    expect(err.file).toBe(FILE);
    return err;
  }
  throw new Error('expected readLas to throw');
}

describe('readLas', () => {
  it('scales and offsets into float64, keeps precision of georeferenced coordinates', () => {
    const d = readLas(lasFile({ minor: 2, format: 0, points, scale: [0.001, 0.001, 0.01], offset: [500000, 4000000, 10] }));
    expect(d.format).toBe('las');
    expect(d.upAxis).toBe('z');
    expect(d.positions).toBeInstanceOf(Float64Array);
    expect([...d.positions]).toEqual([100 * 0.001 + 500000, -200 * 0.001 + 4000000, 300 * 0.01 + 10, 2147483647 * 0.001 + 500000, 4000000, -5 * 0.01 + 10]);
    // Formats 0..5 keep the class in the low 5 bits; the withheld flag above is not part of it.
    expect([...d.labels!]).toEqual([2, 6]);
    expect(d.colors).toBeUndefined();
  });

  for (const [minor, format] of [[2, 2], [2, 3], [3, 5], [4, 7], [4, 8], [4, 10]] as const) {
    it(`LAS 1.${minor} point format ${format}: 16-bit colour to 8-bit, classification`, () => {
      const d = readLas(lasFile({ minor, format, points, extra: 3 }));
      expect([...d.colors!]).toEqual([255, 0, 128, 1, 2, 4]);
      expect([...d.labels!]).toEqual([2, 6]);
      expect(d.positions.length).toBe(6);
    });
  }

  it('format 6 classification uses the whole byte; 1.4 takes the 64-bit count', () => {
    const d = readLas(lasFile({ minor: 4, format: 6, points: [{ xyz: [1, 2, 3], classification: 200 }] }));
    expect([...d.labels!]).toEqual([200]);
    expect([...d.positions]).toEqual([0.01, 0.02, 0.03]);
  });

  it('colours already 8-bit in the 16-bit fields are kept', () => {
    const d = readLas(lasFile({ minor: 2, format: 2, points: [{ xyz: [0, 0, 0], classification: 1, rgb: [255, 7, 0] }] }));
    expect([...d.colors!]).toEqual([255, 7, 0]);
  });

  it('errors carry the byte offset', () => {
    const good = lasFile({ minor: 2, format: 3, points });
    const cut = failure(good.subarray(0, good.length - 10));
    expect(cut.offset).toBe(good.length - 10);
    expect(cut.expected).toBe('10 more bytes of point records (point 1 of 2, 34 bytes each), file ends');
    const lying = failure(lasFile({ minor: 4, format: 7, points, wideCount: 3 }));
    expect(lying.expected).toContain('(point 2 of 3, 36 bytes each)');
    const sig = good.slice();
    sig[3] = 0x5a;
    expect(failure(sig).offset).toBe(0);
    const laz = good.slice();
    laz[104] = 0x83;
    const lazErr = failure(laz);
    expect(lazErr.offset).toBe(104);
    expect(lazErr.expected).toContain('LAZ');
    const fmt = good.slice();
    fmt[104] = 11;
    expect(failure(fmt).expected).toBe('a point data format 0 to 10, found 11');
    const short = good.slice();
    new DataView(short.buffer).setUint16(105, 20, true);
    expect(failure(short).expected).toBe('a record length of at least 34 for point format 3, found 20');
    const scale = good.slice();
    new DataView(scale.buffer).setFloat64(139, 0, true);
    expect(failure(scale).offset).toBe(139);
    const version = good.slice();
    version[25] = 5;
    expect(failure(version).offset).toBe(24);
    expect(failure(good.subarray(0, 100)).offset).toBe(100);
  });

  it('fuzz: 2,000 variants parse or throw FormatError', () => {
    const rejected = fuzzReader(lasFile({ minor: 4, format: 7, points }), 1234, 2000, 'fuzz.las', (b) => readLas(b, { fileName: 'fuzz.las' }));
    expect(rejected).toBeGreaterThan(0);
  });
});
