// Mutated and truncated .npy files: readNpy and readPointceptFolder must return or throw FormatError.
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { expectConsistent, fuzzReader, mutate, rng } from '../fuzz.fixture';
import { readNpy } from './readNpy';
import { readPointceptFolder } from './readPointceptFolder';
import { npyFile } from './testNpy.fixture';

const seeds = [
  npyFile({ descr: '<f4', shape: [4, 3], values: Array.from({ length: 12 }, (_, i) => i * 0.5) }),
  npyFile({ descr: '>i8', shape: [3, 2], fortran: true, version: 2, values: [1, -2, 3, -4, 5, 6] }),
  npyFile({ descr: '|b1', shape: [5], version: 3, values: [1, 0, 1, 1, 0] }),
];

describe('npy fuzz', () => {
  seeds.forEach((src, s) => {
    it(`readNpy seed ${s}: 600 variants either parse or throw FormatError`, () => {
      const rand = rng(1000 + s);
      let rejected = 0;
      for (let i = 0; i < 600; i++) {
        try {
          const a = readNpy(mutate(src, rand), { fileName: 'fuzz.npy' });
          expect(a.data.length).toBe(a.shape.reduce((x, y) => x * y, 1));
        } catch (e) {
          if (!(e instanceof FormatError)) throw new Error(`variant ${i} threw ${String(e)}`, { cause: e });
          expect(e.file).toBe('fuzz.npy');
          rejected++;
        }
      }
      expect(rejected).toBeGreaterThan(0);
    });
  });

  it('readPointceptFolder: 400 variants of coord.npy with a good segment file', () => {
    const segment = npyFile({ descr: '<i4', shape: [4], values: [1, 2, 3, 4] });
    // A mutated coord row count is reported against segment.npy, the file that then disagrees.
    const rejected = fuzzReader(seeds[0]!, 77, 400, ['coord.npy', 'segment.npy'], (b) => readPointceptFolder({ 'coord.npy': b, 'segment.npy': segment }));
    expect(rejected).toBeGreaterThan(0);
    expectConsistent(readPointceptFolder({ 'coord.npy': seeds[0]!, 'segment.npy': segment }));
  });
});
