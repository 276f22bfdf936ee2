// Mutated and truncated variants of small valid PCD files: readPcd must return consistent data or
// throw FormatError, never another exception and never hang.
import { describe, expect, it } from 'vitest';
import { fuzzReader } from '../fuzz.fixture';
import { readPcd } from './readPcd';
import { buildPcd, packRgbFloat, type FixtureField } from './testPcd.fixture';

const fields: FixtureField[] = [
  ...['x', 'y', 'z'].map((name): FixtureField => ({ name, type: 'F', size: 4 })),
  { name: 'rgb', type: 'F', size: 4 },
  { name: 'normal_x', type: 'F', size: 4 }, { name: 'normal_y', type: 'F', size: 4 }, { name: 'normal_z', type: 'F', size: 4 },
  { name: 'label', type: 'U', size: 2 },
  { name: 'instance', type: 'I', size: 4 },
];
const rows = Array.from({ length: 6 }, (_, i) => [i * 0.5, -i, i * 2, packRgbFloat(i * 40, 255 - i, 7), 0, 1, 0, i, i % 3 - 1]);

describe('readPcd fuzz', () => {
  for (const data of ['ascii', 'binary', 'binary_compressed'] as const) {
    it(`${data}: 800 variants either parse or throw FormatError`, () => {
      const src = buildPcd({ fields, rows, data });
      const rejected = fuzzReader(src, data.length * 7919, 800, 'fuzz.pcd', (b) => readPcd(b, { fileName: 'fuzz.pcd' }));
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
