// `npm run bench -- formats [--quick]`: our PLY reader against three.js PLYLoader on the same bytes,
// in the same process. Cases: ScanNet scene0000_00 (mesh with faces) and a generated 10M-point
// binary PLY (x y z float, r g b uchar) cached in the OS temp folder. Then our PCD (binary,
// binary_compressed) and LAS readers against a naive DataView-per-field baseline on generated
// room-like clouds (formats/cloud-files.ts), also cached in the OS temp folder.
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLYLoader } from 'three/examples/jsm/loaders/PLYLoader.js';
import { parsePlyHeader } from '../../../app/formats/ply/header';
import { readLas } from '../../../app/formats/las/readLas';
import { readPcd } from '../../../app/formats/pcd/readPcd';
import { readPly } from '../../../app/formats/ply/readPly';
import type { ScanData } from '../../../app/formats/scan-data';
import { writePly } from '../../../app/formats/ply/writePly';
import { sharedDataDir } from '../../launch/paths';
import { cloudFile, type CloudKind } from '../formats/cloud-files';
import { CHILD_FLAG, importPeakChild, measureImportPeak, type ImportMode } from '../formats/import-peak';
import { generatedLaz, lazCases } from '../formats/laz-bench';
import { naiveReadLas, naiveReadPcd, type NaiveCloud } from '../formats/naive-readers';
import { result, timeIt, type BenchResult } from '../result';

const SUITE = 'formats';
const PEER = 'three PLYLoader 0.187';
const BIG_POINTS = 10_000_000;
const CLOUD_POINTS = 4_000_000;
const NAIVE_PEER = 'naive DataView-per-field loop (baseline)';

/** A file read straight into its own exactly-sized buffer (one copy, so peak-memory deltas stay meaningful). */
function readExact(path: string): Uint8Array {
  const u = new Uint8Array(statSync(path).size);
  const fd = openSync(path, 'r');
  try {
    for (let at = 0; at < u.length; ) {
      const n = readSync(fd, u, at, u.length - at, at);
      if (n <= 0) throw new Error(`formats: short read of ${path}`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return u;
}

/** Writes the synthetic 10M-point cloud once; later runs reuse it when its header and size check out. */
function bigCloudPath(points = BIG_POINTS): string {
  const path = join(tmpdir(), `scenewright-bench-${points}-xyzrgb.ply`);
  if (existsSync(path)) {
    const head = new Uint8Array(512);
    const fd = openSync(path, 'r');
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    try {
      const h = parsePlyHeader(head, path);
      const v = h.elements[0];
      if (v?.count === points && statSync(path).size === h.bodyOffset + points * 15) return path;
    } catch {
      // fall through and rewrite
    }
  }
  process.stdout.write(`formats: writing ${path} …\n`);
  // Written a million points at a time (writePly's header, then bodies), so a 2 GB file needs no 2 GB buffer.
  const STEP = 1_000_000;
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    const empty = writePly({ positions: new Float32Array(0), colors: new Uint8Array(0) });
    const header = new TextDecoder('latin1').decode(empty).replace('element vertex 0', `element vertex ${points}`);
    writeSync(fd, new Uint8Array([...header].map((c) => c.charCodeAt(0))));
    for (let done = 0; done < points; done += STEP) {
      const n = Math.min(STEP, points - done);
      const positions = new Float32Array(n * 3);
      const colors = new Uint8Array(n * 3);
      for (let i = 0; i < positions.length; i++) positions[i] = rand() * 8 - 4;
      for (let i = 0; i < colors.length; i++) colors[i] = (rand() * 256) | 0;
      const body = writePly({ positions, colors });
      writeSync(fd, body.subarray(parsePlyHeader(body, path).bodyOffset));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  return path;
}

/**
 * Bytes of the distinct buffers a parse result keeps alive (typed arrays found up to a few levels
 * deep): deterministic, unlike heap deltas that move with garbage collection.
 */
function retainedMb(value: unknown): number {
  const seen = new Set<ArrayBufferLike>();
  const walk = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      seen.add(v.buffer);
      return;
    }
    if (depth > 4 || v === null || typeof v !== 'object') return;
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(value, 0);
  let bytes = 0;
  for (const b of seen) bytes += b.byteLength;
  return bytes / 2 ** 20;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

function runCase(name: string, bytes: Uint8Array, runs: { ours: number; peer: number }): BenchResult[] {
  const mb = bytes.byteLength / 2 ** 20;
  // Peak first, before the peer has raised the process's high-water mark.
  const peakBefore = maxRssMb();
  const oursHeld = retainedMb(readPly(bytes, { fileName: name }));
  const oursPeak = maxRssMb() - peakBefore;
  const ours = timeIt(() => readPly(bytes, { fileName: name }), { minRuns: runs.ours, minMs: 0 });
  const loader = new PLYLoader();
  const peerHeld = retainedMb(loader.parse(bytes.buffer as ArrayBuffer));
  const peer = timeIt(() => loader.parse(bytes.buffer as ArrayBuffer), { minRuns: runs.peer, minMs: 0 });

  const oursMbs = mb / (ours.medianMs / 1000);
  const peerMbs = mb / (peer.medianMs / 1000);
  return [
    result(SUITE, name, 'read throughput', 'MB/s', oursMbs, { value: peerMbs, name: PEER, better: 'higher' }),
    result(SUITE, name, 'read time (median)', 'ms', ours.medianMs, { value: peer.medianMs, name: PEER, better: 'lower' }),
    result(SUITE, name, 'result memory / file size', 'x', oursHeld / mb, { value: peerHeld / mb, name: PEER, better: 'lower' }),
    // Growth of the process's peak RSS during our first read; 0 when it fit under an earlier peak.
    result(SUITE, name, 'peak RSS growth / file size', 'x', Math.max(oursPeak, 0) / mb, null),
  ];
}

const CLOUD_READERS: Record<CloudKind, { ours: (b: Uint8Array) => ScanData; naive: (b: Uint8Array) => NaiveCloud }> = {
  'pcd-binary': { ours: (b) => readPcd(b), naive: naiveReadPcd },
  'pcd-binary_compressed': { ours: (b) => readPcd(b), naive: naiveReadPcd },
  las: { ours: (b) => readLas(b), naive: naiveReadLas },
};

/** Same outputs or the comparison means nothing: checked once before timing. */
function sameCloud(kind: CloudKind, a: ScanData, b: NaiveCloud): void {
  const eq = (x: ArrayLike<number> | undefined, y: ArrayLike<number> | undefined) => x?.length === y?.length && Array.prototype.every.call(x ?? [], (v, i) => v === y![i]);
  if (!eq(a.positions, b.positions) || !eq(a.colors, b.colors) || (b.labels && !eq(a.labels, b.labels))) {
    throw new Error(`formats: ${kind}: our reader and the naive baseline disagree on the generated file`);
  }
}

function cloudCase(kind: CloudKind, n: number): BenchResult[] {
  const bytes = readExact(cloudFile(kind, n));
  const mb = bytes.byteLength / 2 ** 20;
  const { ours, naive } = CLOUD_READERS[kind];
  sameCloud(kind, ours(bytes), naive(bytes));
  const a = timeIt(() => ours(bytes), { minRuns: 5, minMs: 0 });
  const b = timeIt(() => naive(bytes), { minRuns: 3, minMs: 0 });
  const name = `${kind} ${(n / 1e6).toFixed(1)}M points (${mb.toFixed(0)} MB)`;
  return [
    result(SUITE, name, 'read throughput', 'MB/s', mb / (a.medianMs / 1000), { value: mb / (b.medianMs / 1000), name: NAIVE_PEER, better: 'higher' }),
    result(SUITE, name, 'read throughput', 'Mpoints/s', n / 1e6 / (a.medianMs / 1000), { value: n / 1e6 / (b.medianMs / 1000), name: NAIVE_PEER, better: 'higher' }),
  ];
}

/** Peak RSS growth of a whole import, streaming against whole-file reading, each in a fresh process. */
function importPeakCase(name: string, path: string): BenchResult[] {
  const streaming = measureImportPeak(path, 'streaming');
  const whole = measureImportPeak(path, 'whole');
  const peer = 'whole-file read, then parse (previous import path)';
  return [
    result(SUITE, name, 'import peak RSS growth / file size', 'x', streaming.peakGrowthMb / streaming.fileMb, { value: whole.peakGrowthMb / whole.fileMb, name: peer, better: 'lower' }),
    result(SUITE, name, 'import time (read, parse, cache)', 's', streaming.seconds, { value: whole.seconds, name: peer, better: 'lower' }),
    result(SUITE, name, 'import throughput (read, parse, cache)', 'MB/s', streaming.fileMb / streaming.seconds, { value: whole.fileMb / whole.seconds, name: peer, better: 'higher' }),
  ];
}

/**
 * The streamed formats besides PLY: PCD binary and binary_compressed (LZF) at 4M points and LAZ at
 * 2M, imported in a child process like the PLY case (full size even with --quick: on small files the
 * worker's start-up would be most of the peak).
 */
function cloudImportCases(): BenchResult[] {
  const n = CLOUD_POINTS;
  const out: BenchResult[] = [];
  for (const [label, path] of [
    [`pcd-binary_compressed ${(n / 1e6).toFixed(1)}M points`, cloudFile('pcd-binary_compressed', n)],
    [`pcd-binary ${(n / 1e6).toFixed(1)}M points`, cloudFile('pcd-binary', n)],
    ['laz 2.0M points', generatedLaz(2_000_000)],
  ] as const) {
    out.push(...importPeakCase(`import ${label} (${(statSync(path).size / 2 ** 20).toFixed(0)} MB)`, path));
  }
  return out;
}

/** `--big`: a 2 GB-class cloud (130M points), written once into the OS temp folder. */
const HUGE_POINTS = 130_000_000;

export default async function formats(args: string[]): Promise<BenchResult[]> {
  const child = args.indexOf(CHILD_FLAG);
  if (child >= 0) {
    await importPeakChild(args[child + 1]!, args[child + 2] as ImportMode);
    return [];
  }
  const quick = args.includes('--quick');
  const results: BenchResult[] = [];
  if (!quick) {
    const path = bigCloudPath();
    results.push(...importPeakCase(`import 10M points xyz+rgb (${(statSync(path).size / 2 ** 20).toFixed(0)} MB)`, path));
  }
  if (args.includes('--big')) {
    const path = bigCloudPath(HUGE_POINTS);
    results.push(...importPeakCase(`import ${HUGE_POINTS / 1e6}M points xyz+rgb (${(statSync(path).size / 2 ** 30).toFixed(2)} GB)`, path));
  }
  // Before any in-process case: a child starts with this process's peak RSS (Linux keeps ru_maxrss
  // across fork and exec), so its growth is only measurable while that peak is still low.
  if (!quick || args.includes('--imports')) results.push(...cloudImportCases());
  // The big case first, while the process's peak RSS is still low.
  if (!quick) {
    const bytes = readExact(bigCloudPath());
    results.push(...runCase(`10M points xyz+rgb (${(bytes.byteLength / 2 ** 20).toFixed(0)} MB)`, bytes, { ours: 5, peer: 2 }));
  }
  const scene = join(sharedDataDir(), 'scannet/scene0000_00/scene0000_00_vh_clean_2.ply');
  if (existsSync(scene)) results.push(...runCase('scene0000_00 mesh (3.1 MB)', readExact(scene), { ours: 20, peer: 7 }));
  else process.stdout.write(`formats: skipping scene0000_00, ${scene} not found\n`);
  const cloudPoints = quick ? CLOUD_POINTS / 10 : CLOUD_POINTS;
  for (const kind of Object.keys(CLOUD_READERS) as CloudKind[]) results.push(...cloudCase(kind, cloudPoints));
  const lazAt = args.indexOf('--laz');
  results.push(...(await lazCases(SUITE, lazAt >= 0 ? args[lazAt + 1] : undefined, quick)));
  return results;
}
