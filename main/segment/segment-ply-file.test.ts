// segmentPlyFile: the kernel reading the file itself, readPly + kernel, and the JS reference all write
// the same segs.json; bad files fail with the reader's error naming the file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePly } from '../../app/formats/ply/writePly';
import { segmentMesh } from '../../app/segment/mesh-segmentator';
import { writeSegsJson } from '../../app/segment/segs-json';
import { segmentPlyFile } from './segment-ply-file';

/** A wavy n × n sheet with quantised heights (many tied weights). */
function sheet(n: number) {
  const positions = new Float32Array(n * n * 3);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) positions.set([i / n, j / n, Math.round(10 * Math.sin(i / 5) * Math.cos(j / 7)) / 40], 3 * (j * n + i));
  const faces: number[] = [];
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      const v = j * n + i;
      faces.push(v, v + 1, v + n + 1, v, v + n + 1, v + n);
    }
  }
  return { positions, faces: Uint32Array.from(faces) };
}

const options = { kThresh: 0.01, segMinVerts: 20, sceneId: 'sheet' };

describe('segmentPlyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-segfile-'));
  const mesh = sheet(60);
  const expected = writeSegsJson({ ...options, segIndices: segmentMesh(mesh.positions, mesh.faces, options) });

  it('writes the same segs.json on every path: kernel-read binary, readPly + kernel (ascii), JS', () => {
    const binary = join(dir, 'sheet.ply');
    const ascii = join(dir, 'sheet-ascii.ply');
    writeFileSync(binary, writePly({ ...mesh, colors: new Uint8Array(mesh.positions.length) }));
    writeFileSync(ascii, writePly(mesh, { format: 'ascii' }));
    const cases = [
      [binary, 'auto', 'wasm-ply'],
      [ascii, 'auto', 'wasm'],
      [binary, 'js', 'js'],
    ] as const;
    for (const [file, implementation, path] of cases) {
      const out = join(dir, `${path}.segs.json`);
      const done = segmentPlyFile(file, out, { ...options, implementation });
      expect(done).toEqual({ vertexCount: 3600, faceCount: mesh.faces.length / 3, segments: new Set(segmentMesh(mesh.positions, mesh.faces, options)).size, path });
      expect(readFileSync(out, 'utf8')).toBe(expected);
    }
  });

  it('leaves a truncated binary file to readPly, whose error names the file', () => {
    const bytes = writePly(mesh);
    const cut = join(dir, 'cut.ply');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 7));
    expect(() => segmentPlyFile(cut, join(dir, 'cut.segs.json'), options)).toThrow(/cut\.ply/);
    const notPly = join(dir, 'not.ply');
    writeFileSync(notPly, 'hello');
    expect(() => segmentPlyFile(notPly, join(dir, 'not.segs.json'), options)).toThrow(/not\.ply.*"ply"/);
  });
});
