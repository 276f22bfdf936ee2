// Mutated and truncated variants of small valid files: readPly must return or throw FormatError,
// never another exception and never hang. A fixed-seed generator keeps failures reproducible.
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { mutate, rng } from '../fuzz.fixture';
import { readPly } from './readPly';
import { buildPly, smallMesh } from './testPly.fixture';

const xyz = ['x', 'y', 'z'].map((name) => ({ name, type: 'float' }));
const seeds: [string, Uint8Array][] = [
  ['binary mesh', smallMesh('binary_little_endian')],
  ['big endian mesh', smallMesh('binary_big_endian')],
  ['ascii mesh', smallMesh('ascii', { eol: '\r\n' })],
  ['quads with ushort counts', buildPly({
    format: 'binary_little_endian',
    elements: [
      { name: 'vertex', props: [...xyz, { name: 'label', type: 'ushort' }], rows: Array.from({ length: 6 }, (_, i) => [i, -i, 0.5 * i, i]) },
      { name: 'face', props: [{ name: 'vertex_indices', type: 'uint', list: 'ushort' }], rows: [[[0, 1, 2, 3]], [[3, 4, 5]]] },
    ],
  })],
];

describe('readPly fuzz', () => {
  for (const [name, src] of seeds) {
    it(`${name}: 700 variants either parse or throw FormatError`, () => {
      const rand = rng(name.length * 7919);
      let parsed = 0;
      let rejected = 0;
      for (let i = 0; i < 700; i++) {
        const bytes = mutate(src, rand);
        try {
          const d = readPly(bytes, { fileName: 'fuzz.ply' });
          // Whatever parses must be self-consistent.
          expect(d.positions.length).toBe(d.vertexCount * 3);
          if (d.faces) for (const v of d.faces) expect(v).toBeLessThan(d.vertexCount);
          parsed++;
        } catch (e) {
          if (!(e instanceof FormatError)) throw new Error(`variant ${i} of ${name} threw ${String(e)}`);
          expect(e.file).toBe('fuzz.ply');
          rejected++;
        }
      }
      expect(parsed + rejected).toBe(700);
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
