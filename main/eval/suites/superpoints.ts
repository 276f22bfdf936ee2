// Superpoint agreement with the reference ScanNet Segmentator on a real mesh. The peer is the older
// Segmentator build whose output ScanNet shipped, scored against the same current reference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPly } from '../../../app/formats/ply';
import { parseSegsJson, partitionAgreement } from '../../../app/segment';
import { result, type BenchResult } from '../../bench/result';
import { sharedDataDir } from '../../launch/paths';
import { meshSegmenter } from '../../segment/mesh-segmenter';

export default async function superpoints(args: string[]): Promise<BenchResult[]> {
  const sceneDir = args[0] ?? join(sharedDataDir(), 'scannet/scene0000_00');
  const scene = sceneDir.split('/').filter(Boolean).pop()!;
  const meshFile = join(sceneDir, `${scene}_vh_clean_2.ply`);
  const mesh = readPly(new Uint8Array(readFileSync(meshFile)), { fileName: meshFile });
  if (!mesh.faces) throw new Error(`${meshFile}: expected a mesh with faces`);
  // What the app runs: the wasm kernel when built, else the JS (same ids).
  const ours = meshSegmenter().segment(mesh.positions, mesh.faces, { kThresh: 0.01, segMinVerts: 20 });

  const refFile = join(sceneDir, 'reference', `${scene}_vh_clean_2.segmentator-current.0.010000.segs.json`);
  const reference = parseSegsJson(readFileSync(refFile, 'utf8'), refFile).segIndices;
  const shippedFile = join(sceneDir, `${scene}_vh_clean_2.0.010000.segs.json`);
  const shipped = parseSegsJson(readFileSync(shippedFile, 'utf8'), shippedFile).segIndices;

  const a = partitionAgreement(ours, reference);
  const p = partitionAgreement(shipped, reference);
  const peer = 'ScanNet shipped segs.json (older Segmentator build)';
  return [
    result('superpoints', scene, 'vertex agreement with reference', 'fraction', a.vertexAgreement, { value: p.vertexAgreement, name: peer, better: 'higher' }),
    result('superpoints', scene, 'segment count (reference ' + a.segmentsB + ')', 'segments', a.segmentsA, null),
    result('superpoints', scene, 'segments identical to reference', 'segments', a.identicalSegments, { value: p.identicalSegments, name: peer, better: 'higher' }),
  ];
}
