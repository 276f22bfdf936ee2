// LAZ through laz-perf, on files our own encoder (testing/laz-encoder.ts) writes from generated LAS:
// every record laz-perf decodes must equal the LAS record byte for byte (all fields: intensity,
// returns, GPS time, colour, extra bytes) and readLas must give the uncompressed reader's arrays and
// scene, for point formats 0..3 and chunkings with several chunks and a partial last one. Damaged LAZ
// must be a FormatError with a byte offset, never a crash or a hang.
import { beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../app/formats/errors';
import { parseLasHeader } from '../../app/formats/las/header';
import { parseLaszipStructure, type LazDecoder } from '../../app/formats/las/laz';
import { readLas } from '../../app/formats/las/readLas';
import { lasFile } from '../../app/formats/las/testLas.fixture';
import { loadScene } from '../../app/scene/load';
import { lazPerfDecoder } from './laz-perf-decoder';
import { encodeLaz } from './testing/laz-encoder';
import { syntheticLas } from './testing/synthetic-las';

let laz: LazDecoder;
beforeAll(async () => {
  laz = await lazPerfDecoder();
});

function failure(bytes: Uint8Array, file = 'bad.laz'): FormatError {
  try {
    readLas(bytes, { fileName: file, laz });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect((e as FormatError).file).toBe(file);
    expect(typeof (e as FormatError).offset).toBe('number');
    return e as FormatError;
  }
  throw new Error('expected readLas to throw');
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
/** File position of the chunk table, from the 8 bytes at the start of point data. */
const chunkTableAt = (b: Uint8Array) => Number(view(b).getBigInt64(view(b).getUint32(96, true), true));

const CASES = [
  // One chunk over 32k points: the coder's adaptive models rescale their counts.
  { format: 0, points: 50_000, chunkSize: 50_000, extraBytes: 0 },
  { format: 1, points: 23_457, chunkSize: 5_000, extraBytes: 0 },
  // The last chunk holds a single point (stored raw, no coded points).
  { format: 2, points: 12_001, chunkSize: 4_000, extraBytes: 0 },
  { format: 3, points: 30_000, chunkSize: 12_000, extraBytes: 3 },
  { format: 3, points: 5_000, chunkSize: 50_000, extraBytes: 0 },
] as const;

describe('LAZ via laz-perf, on LAZ from our encoder', () => {
  for (const c of CASES) {
    const label = `format ${c.format}, ${c.points} points, chunks of ${c.chunkSize}${c.extraBytes ? `, ${c.extraBytes} extra bytes` : ''}`;
    it(`${label}: every decoded record equals the LAS record and readLas gives the LAS arrays`, () => {
      const las = syntheticLas({ format: c.format, points: c.points, seed: c.points, extraBytes: c.extraBytes });
      const lazBytes = encodeLaz(las, { chunkSize: c.chunkSize });
      expect(lazBytes[104]! & 0x80).toBe(0x80);
      expect(lazBytes[104]! & 0x3f).toBe(c.format);
      // Compressed, and the structure our reader checks says what was written.
      expect(lazBytes.length).toBeLessThan(las.length * 0.45);
      const h = parseLasHeader(lazBytes, 'x.laz');
      const s = parseLaszipStructure(lazBytes, h, 'x.laz');
      expect(s).toMatchObject({ compressor: 2, chunkSize: c.chunkSize, chunkCount: Math.ceil(c.points / c.chunkSize) });

      const src = parseLasHeader(las, 'x.las');
      const len = src.recordLength;
      const stream = laz.open(lazBytes);
      const decoded = new Uint8Array(c.points * len);
      try {
        expect([stream.pointCount, stream.recordLength, stream.pointFormat]).toEqual([c.points, len, c.format]);
        stream.read(decoded, c.points);
      } finally {
        stream.close();
      }
      const raw = las.subarray(src.pointOffset, src.pointOffset + c.points * len);
      const firstDiff = decoded.findIndex((b, i) => b !== raw[i]);
      expect(firstDiff === -1 ? 'all records equal' : `record ${Math.floor(firstDiff / len)} byte ${firstDiff % len} differs`).toBe('all records equal');

      const a = readLas(las, { fileName: 'x.las' });
      const b = readLas(lazBytes, { fileName: 'x.laz', laz });
      expect(b.format).toBe('laz');
      expect(b.positions).toEqual(a.positions);
      expect(b.labels).toEqual(a.labels);
      expect(b.colors).toEqual(a.colors);
      expect(b.colors !== undefined).toBe(c.format >= 2);
      expect(new Set(b.positions).size).toBeGreaterThan(c.points / 10);
    });
  }

  it('a LAZ file loads as the same scene as its LAS twin, recorded as laz', () => {
    const las = syntheticLas({ format: 3, points: 6_000, seed: 5 });
    const lazBytes = encodeLaz(las, { chunkSize: 2_500 });
    const ids = { id: 's', name: 'synthetic', source: 'synthetic' };
    const fromLas = loadScene({ kind: 'file', name: 'x.las', bytes: las }, ids).scene;
    const fromLaz = loadScene({ kind: 'file', name: 'x.laz', bytes: lazBytes }, ids, { laz }).scene;
    expect(fromLaz.format).toBe('laz');
    expect({ ...fromLaz, format: 'las' }).toEqual(fromLas);
  });

  it('the encoder refuses point formats and records it has no compressor for', () => {
    const pdrf9 = syntheticLas({ format: 0, points: 10 });
    pdrf9[104] = 9;
    new DataView(pdrf9.buffer).setUint16(105, 59, true);
    expect(() => encodeLaz(pdrf9)).toThrow(/point format 9 is not implemented/);
    // Layered formats: single returns only (testing/laz-point14.ts).
    const pdrf6 = lasFile({ minor: 4, format: 6, points: [{ xyz: [1, 2, 3], classification: 2 }, { xyz: [4, 5, 6], classification: 2 }] });
    pdrf6[pdrf6.length - 30 + 14] = 0x22;
    expect(() => encodeLaz(pdrf6)).toThrow(/changes within a chunk/);
  });

  it('without a decoder a LAZ file is refused at the format byte', () => {
    const bytes = encodeLaz(syntheticLas({ format: 0, points: 100 }));
    const err = (() => {
      try {
        readLas(bytes, { fileName: 'p.laz' });
      } catch (e) {
        return e as FormatError;
      }
      throw new Error('expected a refusal');
    })();
    expect(err).toBeInstanceOf(FormatError);
    expect(err.offset).toBe(104);
    expect(err.expected).toContain('LAZ');
  });

  it('every truncation of a LAZ file before its chunk table is a FormatError with a byte offset', () => {
    const good = encodeLaz(syntheticLas({ format: 3, points: 1_200, seed: 9 }), { chunkSize: 500 });
    const tableAt = chunkTableAt(good);
    expect(tableAt).toBeGreaterThan(10_000);
    let checked = 0;
    for (let cut = 0; cut < tableAt + 8; cut += 29) {
      const err = failure(good.subarray(0, cut));
      expect(err.offset).toBeLessThanOrEqual(cut);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
    const err = failure(good.subarray(0, tableAt + 4));
    expect(err.offset).toBe(tableAt + 4);
    expect(err.expected).toBe(`the chunk table at byte ${tableAt} (after the compressed points), file ends`);
  });

  it('a damaged chunk table (missing, wrong version, wrong chunk count) is a FormatError at its byte', () => {
    const good = encodeLaz(syntheticLas({ format: 1, points: 3_000, seed: 3 }), { chunkSize: 1_000 });
    const pointAt = view(good).getUint32(96, true);
    const tableAt = chunkTableAt(good);
    const noTable = good.slice();
    view(noTable).setBigInt64(pointAt, -1n, true);
    expect(failure(noTable).offset).toBe(pointAt);
    const outside = good.slice();
    view(outside).setBigInt64(pointAt, 3n, true);
    expect(failure(outside)).toMatchObject({ offset: pointAt, expected: `a chunk table offset between ${pointAt + 8} and ${good.length - 8}, found 3` });
    const version = good.slice();
    view(version).setUint32(tableAt, 1, true);
    expect(failure(version)).toMatchObject({ offset: tableAt, expected: 'chunk table version 0, found 1' });
    const chunks = good.slice();
    view(chunks).setUint32(tableAt + 4, 2, true);
    expect(failure(chunks)).toMatchObject({ offset: tableAt + 4, expected: '3 chunks for 3000 points of 1000 per chunk, found 2' });
  });

  it('damaged compressed bytes or structure give a FormatError or the right point count, and the decoder stays usable', () => {
    const las = syntheticLas({ format: 2, points: 1_065, seed: 11 });
    const good = encodeLaz(las);
    const pointAt = view(good).getUint32(96, true);
    const reasons = new Set<string>();
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    for (let trial = 0; trial < 200; trial++) {
      const bad = good.slice();
      const at = pointAt + 8 + Math.floor(rand() * (good.length - pointAt - 40));
      for (let k = 0; k < 16; k++) bad[at + k] = (rand() * 256) | 0;
      try {
        const d = readLas(bad, { fileName: 'flip.laz', laz });
        expect(d.positions.length).toBe(1065 * 3);
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
        reasons.add((e as FormatError).expected.replace(/\(.*$/, ''));
      }
    }
    expect(reasons.size).toBeGreaterThan(0);
    // Damage the first byte of every VLR's user id: the LASzip record is no longer found.
    const dv = view(good);
    const noVlr = good.slice();
    for (let i = 0, at = dv.getUint16(94, true); i < dv.getUint32(100, true); i++) {
      noVlr[at + 2] = 0x21;
      at += 54 + dv.getUint16(at + 20, true);
    }
    const missing = failure(noVlr);
    expect(missing.expected).toContain('the LASzip record');
    expect(missing.offset).toBe(dv.getUint16(94, true));
    const count = good.slice();
    view(count).setUint32(107, 5000, true);
    // More points than were compressed: decoding the one chunk runs past its bytes at the first missing point.
    const lie = failure(count);
    expect(lie.expected).toMatch(/^compressed data for point 1065 of 5000 \(chunk 0 of 1, 5000 points by the header's count\), the chunk's \d+ bytes end first$/);
    expect(lie.offset).toBe(chunkTableAt(good));
    // Still decodes a good file after all those failures.
    expect(readLas(good, { laz }).positions).toEqual(readLas(las).positions);
  });
});
