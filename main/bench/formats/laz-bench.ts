// LAZ read throughput: our reader (LAZ structure checks, laz-perf decoding in batches, conversion to
// float64 positions, labels and 8-bit colours) against laz-perf used directly, one getPoint per point
// into WASM memory with no conversion at all: the floor any LAZ reader on laz-perf pays. Runs on a
// generated 2M-point LAS 1.2 format 3 file (GPS time and colour) and a 2M-point LAS 1.4 format 7 file
// (layered compression) compressed by our test encoder (main/formats/testing/laz-encoder.ts) in
// LASzip's default 50,000-point chunks, cached in the OS temp folder, and, with `--laz <file>`, on yours.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readLas } from '../../../app/formats/las/readLas';
import { lazPerf, lazPerfDecoder } from '../../formats/laz-perf-decoder';
import { encodeLaz } from '../../formats/testing/laz-encoder';
import { syntheticLas } from '../../formats/testing/synthetic-las';
import { syntheticLas14 } from '../../formats/testing/synthetic-las14';
import { result, timeIt, type BenchResult } from '../result';

const PEER = 'laz-perf 0.0.7 LASZip.getPoint loop (no conversion)';
const POINTS = 2_000_000;

async function directDecode(): Promise<(bytes: Uint8Array) => number> {
  const L = await lazPerf();
  return (bytes) => {
    const file = L._malloc(bytes.byteLength);
    L.HEAPU8.set(bytes, file);
    const zip = new L.LASZip();
    try {
      zip.open(file, bytes.byteLength);
      const n = zip.getCount();
      const point = L._malloc(zip.getPointLength());
      for (let i = 0; i < n; i++) zip.getPoint(point);
      L._free(point);
      return n;
    } finally {
      zip.delete();
      L._free(file);
    }
  };
}

/** The generated LAZ file with `n` points, written (via a temporary name) when absent. */
export function generatedLaz(n: number): string {
  // v1: bump when the generator or the encoder changes what it writes.
  const path = join(tmpdir(), `scenewright-bench-laz-f3-${n}-v1.laz`);
  if (existsSync(path)) return path;
  process.stdout.write(`formats: writing ${path} (generating and LAZ-encoding ${n} points) …\n`);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, encodeLaz(syntheticLas({ format: 3, points: n, seed: 2024 })));
  renameSync(temp, path);
  return path;
}

/** The generated LAS 1.4 format 7 file (layered compression: GPS time, colour) with `n` points. */
export function generatedLaz14(n: number): string {
  const path = join(tmpdir(), `scenewright-bench-laz-f7-${n}-v1.laz`);
  if (existsSync(path)) return path;
  process.stdout.write(`formats: writing ${path} (generating and LAZ-encoding ${n} points) …\n`);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, encodeLaz(syntheticLas14(7, n, 2024)));
  renameSync(temp, path);
  return path;
}

export async function lazCases(suite: string, extra?: string, quick = false): Promise<BenchResult[]> {
  const n = quick ? POINTS / 10 : POINTS;
  const files = [generatedLaz(n), generatedLaz14(n), ...(extra ? [extra] : [])];
  const laz = await lazPerfDecoder();
  const direct = await directDecode();
  const out: BenchResult[] = [];
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const n = readLas(bytes, { laz }).positions.length / 3;
    if (direct(bytes) !== n) throw new Error(`formats: laz-perf and our reader disagree on the point count of ${path}`);
    const ours = timeIt(() => readLas(bytes, { laz }), { minRuns: 5, minMs: 500 });
    const peer = timeIt(() => direct(bytes), { minRuns: 5, minMs: 500 });
    const name = `laz ${basename(path)} (${n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : `${(n / 1e3).toFixed(0)}k`} points, ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB)`;
    out.push(result(suite, name, 'read throughput', 'Mpoints/s', n / 1e6 / (ours.medianMs / 1000), { value: n / 1e6 / (peer.medianMs / 1000), name: PEER, better: 'higher' }));
  }
  return out;
}
