// The WebAssembly Segmentator on ScanNet scene0000_00: the same ids as the public C++ build's segs.json
// and as app/segment's JS, through both entry points (arrays, and the PLY bytes the CLI hands it), and
// the CLI's segs.json file byte for byte what writeSegsJson writes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPly } from '../../app/formats/ply/readPly';
import { segmentMesh } from '../../app/segment/mesh-segmentator';
import { instantiateSegmentator, segmentPlyBytes, wasmMeshSegmenter } from '../../app/segment/segmentator-wasm';
import { parseSegsJson, writeSegsJson } from '../../app/segment/segs-json';
import { sharedDataDir, wasmKernelPath } from '../launch/paths';
import { segmentPlyFile } from './segment-ply-file';

const scene = join(sharedDataDir(), 'scannet/scene0000_00');
const meshFile = join(scene, 'scene0000_00_vh_clean_2.ply');
const currentRef = join(scene, 'reference/scene0000_00_vh_clean_2.segmentator-current.0.010000.segs.json');
const options = { kThresh: 0.01, segMinVerts: 20 };

function kernelFile(): Uint8Array {
  const path = wasmKernelPath('segmentator');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build`);
  return readFileSync(path);
}

describe('wasm segmentator on ScanNet scene0000_00', () => {
  const bytes = readFileSync(meshFile);
  const ref = parseSegsJson(readFileSync(currentRef, 'utf8'), currentRef).segIndices;
  const kernel = instantiateSegmentator(kernelFile());
  const dir = mkdtempSync(join(tmpdir(), 'sw-segwasm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every vertex the C++ build segment id, from arrays and from the PLY bytes', () => {
    const ply = readPly(bytes, { fileName: meshFile });
    const fromArrays = wasmMeshSegmenter(kernel)(ply.positions, ply.faces!, options);
    expect(fromArrays.length).toBe(81_369);
    expect(new Set(fromArrays).size).toBe(667);
    const sameAsRef = fromArrays.filter((id, v) => id === ref[v]).length;
    expect(sameAsRef).toBe(ref.length);
    const direct = segmentPlyBytes(kernel, bytes, meshFile, options);
    expect(direct?.vertexCount).toBe(81_369);
    expect(direct!.ids.filter((id, v) => id === ref[v]).length).toBe(ref.length);
    const js = segmentMesh(ply.positions, ply.faces!, options);
    expect(js.filter((id, v) => id === fromArrays[v]).length).toBe(js.length);
  });

  it('writes, through the CLI path, the segs.json text writeSegsJson writes', () => {
    const out = join(dir, 'ours.segs.json');
    const done = segmentPlyFile(meshFile, out, { ...options, sceneId: 'scene0000_00' });
    expect(done).toEqual({ vertexCount: 81_369, faceCount: 153_587, segments: 667, path: 'wasm-ply' });
    expect(readFileSync(out, 'utf8')).toBe(writeSegsJson({ sceneId: 'scene0000_00', ...options, segIndices: ref }));
    // The same command on the JS reference gives the same file.
    const jsOut = join(dir, 'js.segs.json');
    expect(segmentPlyFile(meshFile, jsOut, { ...options, sceneId: 'scene0000_00', implementation: 'js' }).path).toBe('js');
    expect(readFileSync(jsOut, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
