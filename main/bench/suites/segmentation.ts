// `npm run bench -- segmentation [--quick]`: the whole segment command (read PLY bytes, segment, write
// segs.json) against ScanNet's C++ Segmentator on the same mesh in the same run. The C++ binary comes
// from env SCANNET_SEGMENTATOR (built with `g++ -std=c++11 -O2`); without it the rows have no peer.
// Cases: ScanNet scene0000_00, and a generated 2M-vertex bumpy surface cached in the OS temp folder.
// Ours runs in this process (no Node start-up); the peer runs as a process, start-up included.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readPly } from '../../../app/formats/ply/readPly';
import { writePly } from '../../../app/formats/ply/writePly';
import { segmentMesh } from '../../../app/segment/mesh-segmentator';
import { partitionAgreement } from '../../../app/segment/partition-agreement';
import { parseSegsJson, writeSegsJson } from '../../../app/segment/segs-json';
import { sharedDataDir } from '../../launch/paths';
import { result, timeIt, type BenchResult } from '../result';
import { endToEndCase } from './segment-e2e';

const SUITE = 'segmentation';
const PEER = 'ScanNet Segmentator (C++)';
const K_THRESH = 0.01;
const SEG_MIN_VERTS = 20;
const BUMPY_SIDE = 1415; // 1415² ≈ 2.0M vertices, 4.0M triangles

/** Our whole command: PLY file in, segs.json file out. Returns the segment ids it wrote. */
function segmentCommand(plyPath: string, outPath: string): Int32Array {
  const ply = readPly(new Uint8Array(readFileSync(plyPath)), { fileName: plyPath });
  if (!ply.faces) throw new Error(`${plyPath}: no faces to segment`);
  const segIndices = segmentMesh(ply.positions, ply.faces, { kThresh: K_THRESH, segMinVerts: SEG_MIN_VERTS });
  const sceneId = basename(plyPath).replace(/\.ply$/i, '');
  writeFileSync(outPath, writeSegsJson({ sceneId, kThresh: K_THRESH, segMinVerts: SEG_MIN_VERTS, segIndices }));
  return segIndices;
}

/** A grid heightfield with bumps at several scales, so the segmentation has real work to do. */
function bumpyPath(): string {
  const n = BUMPY_SIDE;
  const path = join(tmpdir(), `scenewright-bench-bumpy-${n}x${n}.ply`);
  const expectedSize = (bytes: number) => bytes > (n * n * 12 + 2 * (n - 1) ** 2 * 13);
  if (existsSync(path) && expectedSize(statSync(path).size)) return path;
  process.stdout.write(`${SUITE}: writing ${path} …\n`);
  const positions = new Float32Array(n * n * 3);
  const step = 8 / (n - 1); // an 8 m × 8 m sheet
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = i * step;
      const y = j * step;
      const z = 0.3 * Math.sin(0.7 * x) * Math.cos(0.5 * y) + 0.05 * Math.sin(5 * x + 2 * y) + 0.01 * Math.sin(31 * x) * Math.sin(27 * y);
      positions.set([x, y, z], 3 * (j * n + i));
    }
  }
  const faces = new Uint32Array((n - 1) * (n - 1) * 6);
  let f = 0;
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      const v = j * n + i;
      faces.set([v, v + 1, v + n + 1, v, v + n + 1, v + n], f);
      f += 6;
    }
  }
  writeFileSync(path, writePly({ positions, faces }));
  return path;
}

/** Runs the C++ Segmentator on a copy of the mesh (it writes next to its input); median wall time. */
function timePeer(binary: string, plyPath: string, runs: number): { medianMs: number; segIndices: Int32Array } {
  const dir = mkdtempSync(join(tmpdir(), 'scenewright-segmentator-'));
  try {
    const input = join(dir, basename(plyPath));
    copyFileSync(plyPath, input);
    const samples: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const run = spawnSync(binary, [input, String(K_THRESH), String(SEG_MIN_VERTS)], { encoding: 'utf8' });
      samples.push(performance.now() - t0);
      if (run.status !== 0) throw new Error(`${binary} exited with ${run.status}: ${run.stderr || run.stdout}`);
    }
    // The C++ names its output `<input without .ply>.<kThresh as %f>.segs.json`.
    const out = input.replace(/\.ply$/i, '') + `.${K_THRESH.toFixed(6)}.segs.json`;
    const segIndices = parseSegsJson(readFileSync(out, 'utf8'), out).segIndices;
    samples.sort((a, b) => a - b);
    return { medianMs: samples[Math.floor(samples.length / 2)]!, segIndices };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runCase(name: string, plyPath: string, peerBinary: string | undefined, runs: number): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'scenewright-segs-'));
  try {
    const out = join(dir, 'ours.segs.json');
    let ids: Int32Array = new Int32Array(0);
    const ours = timeIt(() => (ids = segmentCommand(plyPath, out)), { minRuns: runs, minMs: 0 });
    const segments = new Set(ids).size;
    const rows: BenchResult[] = [];
    if (!peerBinary) {
      rows.push(result(SUITE, name, 'read+segment+write', 'ms', ours.medianMs, null));
      rows.push(result(SUITE, name, 'segments', 'count', segments, null));
      return rows;
    }
    const peer = timePeer(peerBinary, plyPath, runs);
    const agreement = partitionAgreement(ids, peer.segIndices);
    rows.push(result(SUITE, name, 'read+segment+write', 'ms', ours.medianMs, { value: peer.medianMs, name: PEER, better: 'lower' }));
    rows.push(result(SUITE, name, 'segments', 'count', segments, { value: agreement.segmentsB, name: PEER, better: 'higher' }));
    rows.push(result(SUITE, name, 'vertex agreement with peer', '%', 100 * agreement.vertexAgreement, null));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function segmentation(args: string[]): Promise<BenchResult[]> {
  const quick = args.includes('--quick');
  // --e2e: only the end-to-end case (superpoints + features + model + grouping on a 250k-point scan).
  if (args.includes('--e2e')) return endToEndCase(quick ? 1 : 3);
  const peerBinary = process.env['SCANNET_SEGMENTATOR'] || undefined;
  if (!peerBinary) {
    process.stdout.write(
      `${SUITE}: SCANNET_SEGMENTATOR is not set, so there is no peer. Build ScanNet's Segmentator/segmentator.cpp with ` +
        '`g++ -std=c++11 -O2 -o segmentator segmentator.cpp tinyply.cpp` outside the repository and set SCANNET_SEGMENTATOR to the binary.\n',
    );
  } else if (!existsSync(peerBinary)) {
    throw new Error(`${SUITE}: SCANNET_SEGMENTATOR=${peerBinary} does not exist`);
  }

  const scannet = join(sharedDataDir(), 'scannet/scene0000_00/scene0000_00_vh_clean_2.ply');
  const rows: BenchResult[] = [];
  if (existsSync(scannet)) rows.push(...runCase('scannet scene0000_00 (81k verts)', scannet, peerBinary, quick ? 3 : 11));
  else process.stdout.write(`${SUITE}: ${scannet} not found; skipping the ScanNet case\n`);
  rows.push(...(await endToEndCase(quick ? 1 : 3)));
  if (!quick) rows.push(...runCase(`bumpy ${BUMPY_SIDE}x${BUMPY_SIDE} (${((BUMPY_SIDE * BUMPY_SIDE) / 1e6).toFixed(1)}M verts)`, bumpyPath(), peerBinary, 3));
  return rows;
}
