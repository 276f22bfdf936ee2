// `npm run bench -- segmentation [--quick]`: the whole segment command (read PLY bytes, segment, write
// segs.json) against ScanNet's C++ Segmentator on the same mesh in the same run. The C++ binary comes
// from env SCANNET_SEGMENTATOR (built with `g++ -std=c++11 -O2`); without it the rows have no peer.
// Cases: ScanNet scene0000_00, and a generated 2M-vertex bumpy surface cached in the OS temp folder.
// Both run as processes, start-up included, in alternation (`bin/scenewright.js superpoints` run by its
// shebang, which loads only that command's bundle); more rows time ours warm inside this process: the whole
// command (wasm kernel reading the PLY bytes, and the JS reference), and the segmentation kernel alone
// on arrays, wasm against JS.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readPly } from '../../../app/formats/ply/readPly';
import { writePly } from '../../../app/formats/ply/writePly';
import { segmentMesh } from '../../../app/segment/mesh-segmentator';
import { partitionAgreement } from '../../../app/segment/partition-agreement';
import { parseSegsJson } from '../../../app/segment/segs-json';
import { installRoot, sharedDataDir } from '../../launch/paths';
import { meshSegmenter } from '../../segment/mesh-segmenter';
import { segmentPlyFile } from '../../segment/segment-ply-file';
import { result, timeIt, type BenchResult } from '../result';
import { endToEndCase } from './segment-e2e';

const SUITE = 'segmentation';
const PEER = 'ScanNet Segmentator (C++)';
const K_THRESH = 0.01;
const SEG_MIN_VERTS = 20;
const BUMPY_SIDE = 1415; // 1415² ≈ 2.0M vertices, 4.0M triangles

/** Our whole command as the CLI runs it: PLY file in, segs.json file out. */
function segmentCommand(plyPath: string, outPath: string, implementation: 'auto' | 'js'): void {
  const sceneId = basename(plyPath).replace(/\.ply$/i, '');
  segmentPlyFile(plyPath, outPath, { kThresh: K_THRESH, segMinVerts: SEG_MIN_VERTS, sceneId, implementation });
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

interface ProcessRuns {
  medianMs: number;
  minMs: number;
  /** Segment ids from the last run's output file. */
  segIndices: Int32Array;
}

/**
 * Both whole commands as processes, start-up included, alternating ours and the peer's run so that
 * both see the same machine load. Ours is the launcher run as the user's shell runs `scenewright
 * superpoints` (its shebang); the C++ tool runs on a copy of the mesh, since it writes its output
 * next to its input.
 */
function timeBothProcesses(binary: string | undefined, plyPath: string, runs: number): { ours: ProcessRuns; peer?: ProcessRuns; oursThroughNode?: ProcessRuns } {
  const dir = mkdtempSync(join(tmpdir(), 'scenewright-segmentator-'));
  try {
    const input = join(dir, basename(plyPath));
    copyFileSync(plyPath, input);
    const oursOut = join(dir, 'ours.segs.json');
    const cli = join(installRoot(), 'bin', 'scenewright.js');
    const oursArgs = ['superpoints', input, '--k', String(K_THRESH), '--min-verts', String(SEG_MIN_VERTS), '--out', oursOut];
    // Windows runs no shebang: there the launcher goes through node.
    const [oursCommand, oursCommandArgs] = process.platform === 'win32' ? [process.execPath, [cli, ...oursArgs]] : [cli, oursArgs];
    const oursMs: number[] = [];
    const peerMs: number[] = [];
    // NODE_EXTRA_CA_CERTS makes Node 20 build its certificate store before running any code; the
    // launcher's shebang empties it. When it is set, `node bin/scenewright.js` (which keeps it) runs
    // too, so both start-ups are on record.
    const throughNode = process.env['NODE_EXTRA_CA_CERTS'] && process.platform !== 'win32';
    const throughNodeMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      oursMs.push(timeProcess(oursCommand, oursCommandArgs));
      if (throughNode) throughNodeMs.push(timeProcess(process.execPath, [cli, ...oursArgs]));
      if (binary) peerMs.push(timeProcess(binary, [input, String(K_THRESH), String(SEG_MIN_VERTS)]));
    }
    const ours = { ...stats(oursMs), segIndices: parseSegsJson(readFileSync(oursOut, 'utf8'), oursOut).segIndices };
    const oursThroughNode = throughNode ? { ...stats(throughNodeMs), segIndices: ours.segIndices } : undefined;
    if (!binary) return { ours, oursThroughNode };
    // The C++ names its output `<input without .ply>.<kThresh as %f>.segs.json`.
    const peerOut = input.replace(/\.ply$/i, '') + `.${K_THRESH.toFixed(6)}.segs.json`;
    return { ours, oursThroughNode, peer: { ...stats(peerMs), segIndices: parseSegsJson(readFileSync(peerOut, 'utf8'), peerOut).segIndices } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeProcess(command: string, args: string[], env?: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', env });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}: ${run.stderr || run.stdout}`);
  return ms;
}

function stats(samples: number[]): { medianMs: number; minMs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]! };
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function runCase(name: string, plyPath: string, peerBinary: string | undefined, runs: number): BenchResult[] {
  process.stdout.write(`${SUITE}: ${name}: ${runs} runs of each command, alternating; load average ${loadAverage()} (${availableParallelism()} cores)\n`);
  const both = timeBothProcesses(peerBinary, plyPath, runs);
  process.stdout.write(`${SUITE}: ${name}: done; load average ${loadAverage()}\n`);
  // The same command in this process, already warm: what start-up and first-run compilation cost.
  const dir = mkdtempSync(join(tmpdir(), 'scenewright-segs-'));
  let inProcess: number;
  let inProcessJs: number;
  try {
    inProcess = timeIt(() => segmentCommand(plyPath, join(dir, 'ours.segs.json'), 'auto'), { minRuns: runs, minMs: 0 }).medianMs;
    inProcessJs = timeIt(() => segmentCommand(plyPath, join(dir, 'js.segs.json'), 'js'), { minRuns: runs, minMs: 0 }).medianMs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The segmentation alone (arrays in, ids out), warm: the wasm kernel against the JS reference.
  const ply = readPly(new Uint8Array(readFileSync(plyPath)), { fileName: plyPath });
  const loaded = meshSegmenter();
  const kernelRuns = { minRuns: runs, minMs: 0 };
  const wasmMs = timeIt(() => loaded.segment(ply.positions, ply.faces!, { kThresh: K_THRESH, segMinVerts: SEG_MIN_VERTS }), kernelRuns).medianMs;
  const jsMs = timeIt(() => segmentMesh(ply.positions, ply.faces!, { kThresh: K_THRESH, segMinVerts: SEG_MIN_VERTS }), kernelRuns).medianMs;
  const ids = both.ours.segIndices;
  const segments = new Set(ids).size;
  const rows: BenchResult[] = [];
  const peer = both.peer;
  const vs = (value: number, better: 'lower' | 'higher') => (peer ? { value, name: PEER, better } : null);
  rows.push(result(SUITE, name, 'whole command, process (median)', 'ms', both.ours.medianMs, vs(peer?.medianMs ?? 0, 'lower')));
  rows.push(result(SUITE, name, 'whole command, process (fastest run)', 'ms', both.ours.minMs, vs(peer?.minMs ?? 0, 'lower')));
  if (both.oursThroughNode) {
    rows.push(result(SUITE, name, 'same, as `node bin/scenewright.js`, NODE_EXTRA_CA_CERTS kept (median)', 'ms', both.oursThroughNode.medianMs, vs(peer?.medianMs ?? 0, 'lower')));
    rows.push(result(SUITE, name, 'same, as `node bin/scenewright.js`, NODE_EXTRA_CA_CERTS kept (fastest)', 'ms', both.oursThroughNode.minMs, vs(peer?.minMs ?? 0, 'lower')));
  }
  rows.push(result(SUITE, name, 'read+segment+write in-process, warm', 'ms', inProcess, { value: inProcessJs, name: 'same command on the JS segmenter', better: 'lower' }));
  rows.push(result(SUITE, name, `segmentation only, ${loaded.kind} kernel, warm`, 'ms', wasmMs, { value: jsMs, name: 'JS segmentMesh', better: 'lower' }));
  if (!peer) {
    rows.push(result(SUITE, name, 'segments', 'count', segments, null));
    return rows;
  }
  const agreement = partitionAgreement(ids, peer.segIndices);
  let sameId = 0;
  for (let v = 0; v < ids.length; v++) if (ids[v] === peer.segIndices[v]) sameId++;
  rows.push(result(SUITE, name, 'segments', 'count', segments, { value: agreement.segmentsB, name: PEER, better: 'higher' }));
  rows.push(result(SUITE, name, 'vertex agreement with peer', '%', 100 * agreement.vertexAgreement, null));
  rows.push(result(SUITE, name, 'vertices with the same segment id as peer', '%', (100 * sameId) / ids.length, null));
  return rows;
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
