// Mutated and truncated variants of small valid files: readPly must return or throw FormatError,
// never another exception and never hang. A fixed-seed generator keeps failures reproducible.
import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { readPly } from './readPly';
import { buildPly, smallMesh } from './testPly.fixture';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const SPECIAL_BYTES = [0x00, 0x03, 0x04, 0x0a, 0x0d, 0x20, 0x2d, 0x30, 0x39, 0x7f, 0x80, 0xff, 0x65];

function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const kind = Math.floor(rand() * 5);
  const at = Math.floor(rand() * src.length);
  if (kind === 0) return src.slice(0, at); // truncate
  const out = src.slice();
  if (kind === 1 || kind === 2) {
    // flip 1..4 bytes, to random or boundary values
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rand() * out.length);
      out[j] = kind === 1 ? Math.floor(rand() * 256) : SPECIAL_BYTES[Math.floor(rand() * SPECIAL_BYTES.length)]!;
    }
    return out;
  }
  if (kind === 3) {
    // delete a run of bytes
    const len = 1 + Math.floor(rand() * 8);
    return Uint8Array.from([...src.subarray(0, at), ...src.subarray(at + len)]);
  }
  // duplicate a run (a header line or body bytes twice)
  const len = 1 + Math.floor(rand() * 16);
  return Uint8Array.from([...src.subarray(0, at + len), ...src.subarray(at, at + len), ...src.subarray(at + len)]);
}

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
