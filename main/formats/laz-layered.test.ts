// LAS 1.4 point formats 6, 7 and 8 through LASzip's layered compression, written by our own test
// encoder (testing/laz-point14.ts) and decoded by laz-perf: every record must come back byte for
// byte (laz-perf's own whole-file reader), and readLas, chunk by chunk, must give the coordinates,
// classes and colours of the uncompressed file.
import { beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../app/formats/errors';
import { parseLasHeader } from '../../app/formats/las/header';
import type { LazDecoder } from '../../app/formats/las/laz';
import { readLas } from '../../app/formats/las/readLas';
import { chunkParserFor } from '../../app/scene/load';
import { lazPerfDecoder } from './laz-perf-decoder';
import { encodeLaz } from './testing/laz-encoder';
import { syntheticLas14 } from './testing/synthetic-las14';

let laz: LazDecoder;
beforeAll(async () => {
  laz = await lazPerfDecoder();
});

describe('layered LAZ (LAS 1.4 formats 6, 7, 8) from our encoder', () => {
  for (const [format, n, chunkSize] of [[6, 20_000, 6_000], [7, 12_345, 5_000], [8, 9_000, 4_000], [6, 1, 50_000], [7, 5_001, 5_000], [8, 2, 1]] as const) {
    it(`format ${format}, ${n} points in chunks of ${chunkSize}: laz-perf gives every record back, readLas the LAS arrays`, () => {
      const las = syntheticLas14(format, n, n + format);
      const bytes = encodeLaz(las, { chunkSize });
      expect(bytes[104]).toBe(0x80 | format);
      expect(bytes.length).toBeLessThan(las.length / 2 + 2_000);
      const h = parseLasHeader(las, 'x.las');
      const stream = laz.open(bytes);
      expect([stream.pointCount, stream.pointFormat, stream.recordLength]).toEqual([n, format, h.recordLength]);
      const records = new Uint8Array(n * h.recordLength);
      stream.read(records, n);
      stream.close();
      const want = las.subarray(h.pointOffset, h.pointOffset + n * h.recordLength);
      for (let i = 0; i < n; i++) {
        const a = records.subarray(i * h.recordLength, (i + 1) * h.recordLength);
        const b = want.subarray(i * h.recordLength, (i + 1) * h.recordLength);
        if (a.some((v, k) => v !== b[k])) expect([i, [...a]]).toEqual([i, [...b]]);
      }
      const got = readLas(bytes, { fileName: 'x.laz', laz });
      const ref = readLas(las);
      expect(got.format).toBe('laz');
      expect(got.positions).toEqual(ref.positions);
      expect(got.labels).toEqual(ref.labels);
      expect(got.colors).toEqual(ref.colors);
      // The import's streaming path: the chunk table first, then 1000-byte reads.
      const p = chunkParserFor(bytes.subarray(0, 4096), 'x.laz', bytes.length, { laz })!;
      for (let need = p.needs?.(); need; need = p.needs?.()) p.supply!(bytes.slice(need.from, need.to));
      for (let at = 0; at < bytes.length; at += 1000) p.push(bytes.slice(at, at + 1000));
      expect(p.finish()).toEqual(got);
      // Colours are 16-bit with values above 255, so the reader keeps their high bytes.
      if (format !== 6 && n > 13) expect([got.colors![3 * 13], got.colors![3 * 13 + 1]]).toEqual([(13 * 13) & 0xff, 255 - ((13 * 13) & 0xff)]);
    });
  }

  it('a layered chunk whose point count or layer sizes do not fit is a FormatError at that field', () => {
    const bytes = encodeLaz(syntheticLas14(7, 3_000, 5), { chunkSize: 1_000 });
    const pointAt = new DataView(bytes.buffer).getUint32(96, true);
    const chunk0 = pointAt + 8; // after the chunk table's offset
    const fail = (b: Uint8Array) => {
      try {
        readLas(b, { fileName: 'l.laz', laz });
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
        return e as FormatError;
      }
      throw new Error('expected a FormatError');
    };
    const count = bytes.slice();
    new DataView(count.buffer).setUint32(chunk0 + 36, 999, true);
    expect(fail(count)).toMatchObject({ offset: chunk0 + 36, expected: '1000 points in chunk 0 of 3, its header says 999' });
    // A layer size that would make the decoder allocate gigabytes (the fuzzer found one).
    const size = bytes.slice();
    new DataView(size.buffer).setUint32(chunk0 + 40 + 4 * 2, 0x7fff_0000, true);
    const e = fail(size);
    expect(e.offset).toBe(chunk0 + 40);
    expect(e.expected).toMatch(/^layer sizes within the \d+ bytes of chunk 0 of 3, they add up to \d+$/);
    // A header claiming more points than were compressed: the last chunk's own count says otherwise.
    const lie = encodeLaz(syntheticLas14(7, 2_500, 6), { chunkSize: 1_000 });
    new DataView(lie.buffer).setBigUint64(247, 2_900n, true);
    expect(fail(lie)).toMatchObject({ expected: '900 points in chunk 2 of 3, its header says 500' });
    expect(readLas(bytes, { laz }).positions.length).toBe(9_000);
  });
});
