// Chunked LAZ and PCD binary_compressed against the whole-file readers, with the real laz-perf
// decoder and a real LZF compressor (so back-references cross the decompression window):
// - LAZ: chunk table first (out of order), then chunk by chunk; a split at every byte position of a
//   several-chunk file and runs of tiny chunks give readLas's arrays, and truncated or damaged files
//   the same FormatError.
// - streamSceneFile (the import worker's reader) with small read chunks gives readScan's scan and
//   the whole file's hash, for LAZ, PCD (three encodings) and .npy.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../app/formats/errors';
import { mutate, rng } from '../../app/formats/fuzz.fixture';
import { parseLasHeader } from '../../app/formats/las/header';
import type { LazDecoder } from '../../app/formats/las/laz';
import { decodeChunkTable } from '../../app/formats/las/lazChunkTable';
import { readLas } from '../../app/formats/las/readLas';
import { writeNpy } from '../../app/formats/npy/writeNpy';
import { lzfWhole } from '../../app/formats/pcd/lzfWhole.fixture';
import { lzfDecompressWindowed } from '../../app/formats/pcd/lzfWindow';
import { chunkParserFor, readScan } from '../../app/scene/load';
import { lzfCompress } from '../bench/formats/lzf-compress';
import { streamSceneFile } from '../import/stream-input';
import { lazPerfDecoder } from './laz-perf-decoder';
import { encodeLaz } from './testing/laz-encoder';
import { syntheticLas } from './testing/synthetic-las';

let laz: LazDecoder;
let dir: string;
beforeAll(async () => {
  laz = await lazPerfDecoder();
  dir = mkdtempSync(join(tmpdir(), 'sw-stream-formats-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Typed arrays compared by their bytes (vitest's element-wise toEqual is slow on large arrays). */
function bytesOf(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}:${createHash('sha256').update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).digest('hex')}`;
  if (v instanceof Map) return [...v.entries()];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytesOf(x)]));
  return v;
}

function outcome(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return { error: e.message, offset: e.offset };
  }
}

/** Streams `bytes` as the import does: head, the ranges the parser asks for, then chunks of `sizes`. */
function streamed(name: string, bytes: Uint8Array, sizes: number[], head = Math.min(bytes.length, 4096)) {
  const p = chunkParserFor(bytes.subarray(0, head), name, bytes.length, { laz });
  if (!p) throw new Error(`${name}: no chunk parser`);
  for (let need = p.needs?.(); need; need = p.needs?.()) p.supply!(bytes.slice(need.from, need.to));
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const chunk = new Uint8Array(bytes.subarray(at, at + sizes[i % sizes.length]!));
    p.push(chunk);
    chunk.fill(0xee);
    at += chunk.length;
  }
  return p.finish();
}

describe('chunked LAZ', () => {
  it('format 3 in 4 chunks: splits around every chunk boundary and tiny chunks give readLas\'s arrays', () => {
    const bytes = encodeLaz(syntheticLas({ format: 3, points: 700, seed: 5, extraBytes: 2 }), { chunkSize: 200 });
    const want = bytesOf(readLas(bytes, { fileName: 's.laz', laz }));
    const dv = new DataView(bytes.buffer);
    const pointAt = dv.getUint32(96, true);
    const tableAt = Number(dv.getBigInt64(pointAt, true));
    const h = parseLasHeader(bytes, 's.laz');
    const chunks = decodeChunkTable(bytes.subarray(tableAt), tableAt, pointAt, 200, h.pointCount, 's.laz');
    expect(chunks.map((c) => c.pointCount)).toEqual([200, 200, 200, 100]);
    // Every byte around the point data's start, each chunk's edges and the table; a coarse sweep elsewhere.
    const edges = [pointAt, pointAt + 8, ...chunks.flatMap((c) => [c.start, c.start + c.byteLength]), tableAt + 8];
    const splits = new Set<number>();
    for (const e of edges) for (let d = -4; d <= 4; d++) splits.add(e + d);
    for (let k = 1; k < bytes.length; k += 211) splits.add(k);
    for (const k of splits) expect(bytesOf(streamed('s.laz', bytes, [k, bytes.length])), `split at ${k}`).toEqual(want);
    for (const sizes of [[1], [3, 500], [4096], [1 << 20]]) expect(bytesOf(streamed('s.laz', bytes, sizes))).toEqual(want);
  });

  it('variable-sized chunks: the table\'s point counts are decoded, and laz-perf\'s own reader agrees record for record', () => {
    const las = syntheticLas({ format: 1, points: 1_000, seed: 12, extraBytes: 1 });
    const sizes = [1, 400, 17, 500, 82];
    const bytes = encodeLaz(las, { chunks: sizes });
    const h = parseLasHeader(bytes, 'v.laz');
    const dv = new DataView(bytes.buffer);
    const tableAt = Number(dv.getBigInt64(h.pointOffset, true));
    expect(decodeChunkTable(bytes.subarray(tableAt), tableAt, h.pointOffset, 0xffffffff, 1000, 'v.laz').map((c) => c.pointCount)).toEqual(sizes);
    // The reference: laz-perf's whole-file reader, which reads the table itself.
    const stream = laz.open(bytes);
    const records = new Uint8Array(1000 * h.recordLength);
    stream.read(records, 1000);
    stream.close();
    const lh = parseLasHeader(las, 'v.las');
    expect(bytesOf(records)).toEqual(bytesOf(las.subarray(lh.pointOffset, lh.pointOffset + 1000 * lh.recordLength)));
    const want = bytesOf(readLas(las));
    expect(bytesOf({ ...readLas(bytes, { laz }), format: 'las' })).toEqual(want);
    for (const split of [[1], [37], [1000]]) expect(bytesOf({ ...streamed('v.laz', bytes, split), format: 'las' })).toEqual(want);
    // A table whose counts do not add up to the header's: the header says 999.
    const lie = bytes.slice();
    new DataView(lie.buffer).setUint32(107, 999, true);
    expect(outcome(() => readLas(lie, { fileName: 'v.laz', laz }))).toMatchObject({ offset: tableAt + 8, error: expect.stringContaining('chunk 4 of 5 to hold 1 to 81 points (the header\'s count), the table says 82') });
  });

  for (const format of [0, 1, 2] as const) {
    it(`format ${format}: the streamed scan equals the LAS twin's`, () => {
      const las = syntheticLas({ format, points: 2_345, seed: format + 1 });
      const bytes = encodeLaz(las, { chunkSize: 1_000 });
      const got = streamed('f.laz', bytes, [333]);
      const ref = readLas(las);
      expect(bytesOf([got.positions, got.labels, got.colors])).toEqual(bytesOf([ref.positions, ref.labels, ref.colors]));
    });
  }

  it('every truncation and 300 damaged variants give readLas\'s outcome', () => {
    const bytes = encodeLaz(syntheticLas({ format: 1, points: 300, seed: 2 }), { chunkSize: 120 });
    const whole = (b: Uint8Array) => outcome(() => readLas(b, { fileName: 'd.laz', laz }));
    const tableAt = Number(new DataView(bytes.buffer).getBigInt64(new DataView(bytes.buffer).getUint32(96, true), true));
    for (let cut = 1; cut < bytes.length; cut += 3) {
      const b = bytes.subarray(0, cut);
      const want = whole(b);
      // Cutting only the chunk table's trailing coder padding (zeros) loses nothing.
      if (cut < tableAt + 8) expect(want).toHaveProperty('error');
      expect(bytesOf(outcome(() => streamed('d.laz', b, [97]))), `cut at ${cut}`).toEqual(bytesOf(want));
    }
    const rand = rng(99);
    let errors = 0;
    for (let i = 0; i < 300; i++) {
      const b = mutate(bytes, rand);
      const want = whole(b);
      if (want && typeof want === 'object' && 'error' in want) errors++;
      let got: unknown;
      try {
        got = outcome(() => streamed('d.laz', b, [1 + (i % 50) * 7]));
      } catch (e) {
        got = e instanceof Error && e.message.endsWith('no chunk parser') ? want : e;
      }
      // Past a damaged chunk's end the decoder reads guard bytes and then whatever heap follows, so
      // where it fails depends on the heap's layout: both must fail in the decoder, not necessarily alike.
      const inDecoder = (o: unknown) => typeof o === 'object' && o !== null && 'error' in o && / the decoder can (read|open) /.test(String(o.error));
      if (inDecoder(want)) expect(inDecoder(got), `variant ${i}: ${JSON.stringify(got).slice(0, 200)}`).toBe(true);
      else expect(bytesOf(got), `variant ${i}`).toEqual(bytesOf(want));
    }
    expect(errors).toBeGreaterThan(30);
  });
});

describe('LZF through a window', () => {
  it('matches one-window decompression with back-references across every window flush', () => {
    const raw = new Uint8Array(300_000);
    const rand = rng(7);
    // Field-major-like blocks: slowly varying runs that compress with many long back-references.
    for (let i = 0; i < raw.length; i++) raw[i] = i % 4 === 3 ? (i >> 12) & 255 : (rand() < 0.05 ? (rand() * 256) | 0 : raw[Math.max(0, i - 4)]!);
    const packed = lzfCompress(raw);
    expect(packed.length).toBeLessThan(raw.length / 2);
    // One window holding the whole output, then windows that flush many times.
    expect(bytesOf(lzfWhole(packed, 0, packed.length, raw.length, 'x', raw.length + 1))).toEqual(bytesOf(raw));
    // 0: the smallest window the decoder allows (two reference distances and a maximal match).
    for (const window of [0, 20_000, 65_536]) {
      const out = new Uint8Array(raw.length);
      let flushes = 0;
      lzfDecompressWindowed(packed, 0, packed.length, raw.length, 'x', 0, (w, start, end) => {
        out.set(w.subarray(0, end - start), start);
        flushes++;
      }, window);
      expect(bytesOf(out)).toEqual(bytesOf(raw));
      expect(flushes).toBeGreaterThan(raw.length / Math.max(window, 16_648));
    }
  });
});

describe('streamSceneFile', () => {
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const pcd = (data: string, n: number) => {
    const head = `VERSION 0.7\nFIELDS x y z label\nSIZE 4 4 4 4\nTYPE F F F I\nCOUNT 1 1 1 1\nWIDTH ${n}\nHEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS ${n}\nDATA ${data}\n`;
    const rows = new Uint8Array(n * 16);
    const dv = new DataView(rows.buffer);
    for (let i = 0; i < n; i++) {
      dv.setFloat32(i * 16, 1000 + (i % 97) * 0.01, true);
      dv.setFloat32(i * 16 + 4, Math.floor(i / 97) * 0.01, true);
      dv.setFloat32(i * 16 + 8, (i % 5) * 0.5, true);
      dv.setInt32(i * 16 + 12, i % 13, true);
    }
    let body: Uint8Array;
    if (data === 'binary') body = rows;
    else if (data === 'ascii') body = new TextEncoder().encode(Array.from({ length: n }, (_, i) => `${dv.getFloat32(i * 16, true)} ${dv.getFloat32(i * 16 + 4, true)} ${dv.getFloat32(i * 16 + 8, true)} ${i % 13}\n`).join(''));
    else {
      // Field-major, then LZF, as PCL writes it.
      const major = new Uint8Array(rows.length);
      for (let f = 0; f < 4; f++) for (let i = 0; i < n; i++) major.set(rows.subarray(i * 16 + f * 4, i * 16 + f * 4 + 4), f * 4 * n + i * 4);
      const packed = lzfCompress(major);
      body = new Uint8Array(8 + packed.length);
      new DataView(body.buffer).setUint32(0, packed.length, true);
      new DataView(body.buffer).setUint32(4, major.length, true);
      body.set(packed, 8);
    }
    const out = new Uint8Array(head.length + body.length);
    out.set(new TextEncoder().encode(head));
    out.set(body, head.length);
    return out;
  };
  const cases: Record<string, () => Uint8Array> = {
    'cloud.laz': () => encodeLaz(syntheticLas({ format: 3, points: 60_000, seed: 8 }), { chunkSize: 7_000 }),
    'binary.pcd': () => pcd('binary', 90_000),
    'ascii.pcd': () => pcd('ascii', 40_000),
    // Over 1 MB decompressed: the LZF window flushes several times.
    'compressed.pcd': () => pcd('binary_compressed', 200_000),
    'coord.npy': () => writeNpy({ data: Float32Array.from({ length: 90_000 }, (_, i) => i * 0.001), shape: [30_000, 3] }),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`${name}: read in 64 KB chunks, the same scan and hash as the whole file`, async () => {
      const bytes = make();
      const path = file(name, bytes);
      let reports = 0;
      const got = await streamSceneFile(path, () => reports++, 65_536);
      expect(got).toBeDefined();
      expect(got!.contentHash).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(bytesOf(got!.scan)).toEqual(bytesOf(readScan({ kind: 'file', name, bytes }, { laz })));
      expect(reports).toBe(Math.ceil(bytes.length / 65_536));
    });
  }
});
