// The chunked PCD (ascii, binary, binary_compressed) and .npy parsers against readScan on the same
// bytes: a split at every byte position, and runs of tiny chunks, give the same scan; truncated and
// damaged files give the same FormatError (message, byte offset, line). Readers here parse the whole
// file as one chunk, so these tests pin down the chunk-boundary handling.
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../formats/errors';
import { mutate, rng } from '../../formats/fuzz.fixture';
import { npyFile } from '../../formats/npy/testNpy.fixture';
import { buildPcd, packRgbFloat, type FixtureField } from '../../formats/pcd/testPcd.fixture';
import { readScan } from './load-scene';
import { chunkParserFor } from './stream';

/** Parses `bytes` with the head and then chunks of the given sizes (cycled), as the import does. */
function streamed(name: string, bytes: Uint8Array, sizes: number[], head = Math.min(bytes.length, 4096)) {
  const p = chunkParserFor(bytes.subarray(0, head), name, bytes.length);
  if (!p) throw new Error(`${name}: no chunk parser`);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    // A reused chunk buffer, as the import reads: the parser must not keep views of it.
    const chunk = new Uint8Array(bytes.subarray(at, at + n));
    p.push(chunk);
    chunk.fill(0xee);
    at += n;
  }
  return p.finish();
}

/** Two chunks split at byte `k`. */
const split = (name: string, bytes: Uint8Array, k: number) => streamed(name, bytes, [k, bytes.length], Math.min(bytes.length, 4096));
const whole = (name: string, bytes: Uint8Array) => readScan({ kind: 'file', name, bytes });

/** The outcome as comparable data: the scan, or the error's message, offset and line. */
function outcome(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return { error: e.message, offset: e.offset, line: e.line };
  }
}

const SPLITS = [[1], [2, 3], [7], [13, 1, 64], [100_000]];

const fields: FixtureField[] = [
  ...['x', 'y', 'z'].map((name): FixtureField => ({ name, type: 'F', size: 4 })),
  { name: 'rgb', type: 'F', size: 4 },
  { name: 'normal_x', type: 'F', size: 4 }, { name: 'normal_y', type: 'F', size: 4 }, { name: 'normal_z', type: 'F', size: 4 },
  { name: 'label', type: 'U', size: 2 },
  { name: 'instance', type: 'I', size: 4 },
  { name: 'fpfh', type: 'F', size: 4, count: 3 },
];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [i * 0.5, -i, i % 7 === 3 ? NaN : i * 2, packRgbFloat(i * 40 % 256, 255 - i % 256, 7), 0, 1, 0, i % 300, (i % 3) - 1, 1, 2, 3]);

describe('chunked PCD', () => {
  for (const data of ['ascii', 'binary', 'binary_compressed'] as const) {
    it(`${data}: a split at every byte and runs of tiny chunks give readScan's scan`, () => {
      const bytes = buildPcd({ fields, rows: rows(24), data });
      const want = whole('c.pcd', bytes);
      expect(want.positions.length).toBe((24 - 3) * 3); // NaN points dropped
      for (let k = 1; k < bytes.length; k++) expect(split('c.pcd', bytes, k), `split at ${k}`).toEqual(want);
      for (const sizes of SPLITS) expect(streamed('c.pcd', bytes, sizes)).toEqual(want);
      // The header itself may end past the import's first read: then the whole-file reader runs.
      expect(chunkParserFor(bytes.subarray(0, 30), 'c.pcd', bytes.length)).toBeUndefined();
    });

    it(`${data}: every truncation and 300 damaged variants give readScan's outcome`, () => {
      const bytes = buildPcd({ fields, rows: rows(12), data });
      let errors = 0;
      for (let cut = 1; cut < bytes.length; cut++) {
        const b = bytes.subarray(0, cut);
        const want = outcome(() => whole('t.pcd', b));
        if (want && typeof want === 'object' && 'error' in want) errors++;
        // The complete file is the head here, so a bad header throws from chunkParserFor, as from readScan.
        expect(outcome(() => streamed('t.pcd', b, [5, 3])), `cut at ${cut}`).toEqual(want);
      }
      expect(errors).toBeGreaterThan(bytes.length / 2);
      const rand = rng(data.length * 977);
      for (let i = 0; i < 300; i++) {
        const b = mutate(bytes, rand);
        const want = outcome(() => whole('m.pcd', b));
        let p;
        try {
          p = chunkParserFor(b.subarray(0, Math.min(b.length, 4096)), 'm.pcd', b.length);
        } catch (e) {
          expect({ error: (e as FormatError).message, offset: (e as FormatError).offset, line: (e as FormatError).line }).toEqual(want);
          continue;
        }
        if (!p) continue;
        expect(outcome(() => streamed('m.pcd', b, [1 + (i % 11)])), `variant ${i}`).toEqual(want);
      }
    });
  }

  it('ascii with CRLF, lone-CR line ends, and a UTF-8 character cut between chunks', () => {
    const base = new TextDecoder().decode(buildPcd({ fields: fields.slice(0, 3), rows: rows(9).map((r) => r.slice(0, 3).map((v) => (Number.isNaN(v) ? 1 : v))), data: 'ascii' }));
    const crlf = new TextEncoder().encode(base.replace(/\n/g, '\r\n'));
    const [head, body] = [base.slice(0, base.indexOf('DATA ascii\n') + 11), base.slice(base.indexOf('DATA ascii\n') + 11)];
    const cr = new TextEncoder().encode(head + body.replace(/\n/g, '\r'));
    for (const [name, bytes] of Object.entries({ crlf, cr })) {
      const want = whole(`${name}.pcd`, bytes);
      expect(want.positions.length, name).toBe(27);
      for (let k = 1; k < bytes.length; k++) expect(split(`${name}.pcd`, bytes, k), `${name} split at ${k}`).toEqual(want);
    }
    // A multi-byte character in the body, cut by every split: the same error quoting it whole.
    const utf = new TextEncoder().encode(`${head}${body.replace(/\n[^\n]*\n$/, '\n1 2 é→ü\n')}`);
    const want = outcome(() => whole('u.pcd', utf)) as { error: string };
    expect(want.error).toContain('found "é→ü"');
    for (let k = 1; k < utf.length; k++) expect(outcome(() => split('u.pcd', utf, k)), `utf split at ${k}`).toEqual(want);
  });

  it('a bad value on a later line is reported at its line, whatever the chunking', () => {
    const text = new TextDecoder().decode(buildPcd({ fields: fields.slice(0, 3), rows: rows(30).map((r) => r.slice(0, 3).map((v) => (Number.isNaN(v) ? 1 : v))), data: 'ascii' }));
    const bad = new TextEncoder().encode(text.replace(' -20 ', ' -2x0 '));
    const want = outcome(() => whole('b.pcd', bad)) as { error: string; line: number };
    expect(want.error).toContain('a number for field y, found "-2x0"');
    for (const sizes of SPLITS) expect(outcome(() => streamed('b.pcd', bad, sizes))).toEqual(want);
  });
});

describe('chunked .npy', () => {
  const cases = {
    '<f4 N×3 (straight into the array)': npyFile({ descr: '<f4', shape: [50, 3], values: Array.from({ length: 150 }, (_, i) => i * 0.25 - 7) }),
    '>f8 N×6 big-endian with colours': npyFile({ descr: '>f8', shape: [40, 6], values: Array.from({ length: 240 }, (_, i) => (i % 6 < 3 ? i * 1.5 : i % 256)) }),
    '<i8 N×3 fortran order v2': npyFile({ descr: '<i8', shape: [33, 3], fortran: true, version: 2, values: Array.from({ length: 99 }, (_, i) => i * 1000 - 5) }),
    '<u2 N×3 fortran order': npyFile({ descr: '<u2', shape: [21, 3], fortran: true, values: Array.from({ length: 63 }, (_, i) => i * 3) }),
  };
  for (const [what, bytes] of Object.entries(cases)) {
    it(`${what}: a split at every byte and runs of tiny chunks give readScan's scan`, () => {
      const want = whole('a.npy', bytes);
      for (let k = 1; k < bytes.length; k++) expect(split('a.npy', bytes, k), `split at ${k}`).toEqual(want);
      for (const sizes of SPLITS) expect(streamed('a.npy', bytes, sizes)).toEqual(want);
    });
  }

  it('every truncation, a value out of range and 300 damaged variants give readScan\'s outcome', () => {
    const bytes = cases['<i8 N×3 fortran order v2'];
    for (let cut = 1; cut < bytes.length; cut++) {
      const b = bytes.subarray(0, cut);
      const want = outcome(() => whole('t.npy', b));
      expect(want).toHaveProperty('error');
      let p;
      try {
        p = chunkParserFor(b.subarray(0, Math.min(b.length, 4096)), 't.npy', b.length);
      } catch (e) {
        expect({ error: (e as FormatError).message, offset: (e as FormatError).offset, line: (e as FormatError).line }).toEqual(want);
        continue;
      }
      if (p) expect(outcome(() => streamed('t.npy', b, [3]))).toEqual(want);
    }
    // An int64 beyond 2^53 in element 50 (file order): the same error at its byte, whatever the chunking.
    const big = bytes.slice();
    const dataAt = big.length - 99 * 8;
    new DataView(big.buffer).setUint32(dataAt + 50 * 8 + 4, 0x7fffffff, true);
    const want = outcome(() => whole('i.npy', big)) as { error: string; offset: number };
    expect(want.offset).toBe(dataAt + 50 * 8);
    expect(want.error).toContain('(element 50)');
    for (const sizes of [...SPLITS, [5], [8], [9]]) expect(outcome(() => streamed('i.npy', big, sizes))).toEqual(want);
    const rand = rng(4242);
    for (let i = 0; i < 300; i++) {
      const b = mutate(cases['>f8 N×6 big-endian with colours'], rand);
      const want2 = outcome(() => whole('m.npy', b));
      let p;
      try {
        p = chunkParserFor(b.subarray(0, Math.min(b.length, 4096)), 'm.npy', b.length);
      } catch (e) {
        expect({ error: (e as FormatError).message, offset: (e as FormatError).offset, line: (e as FormatError).line }).toEqual(want2);
        continue;
      }
      if (p) expect(outcome(() => streamed('m.npy', b, [1 + (i % 13)])), `variant ${i}`).toEqual(want2);
    }
  });
});
