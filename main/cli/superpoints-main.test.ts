import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePly } from '../../app/formats/ply/writePly';
import { main as fullMain } from './index';
import { main as superpointsMain } from './superpoints-main';

/** A bent strip: a floor and a wall of n×n vertices sharing the fold. */
function bentStrip(n: number) {
  const positions: number[] = [];
  const faces: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < 2 * n - 1; j++) positions.push(i / (n - 1), Math.min(j, n - 1) / (n - 1), Math.max(0, j - n + 1) / (n - 1));
  const row = 2 * n - 1;
  for (let i = 0; i + 1 < n; i++)
    for (let j = 0; j + 1 < row; j++) {
      const v = i * row + j;
      faces.push(v, v + row, v + 1, v + 1, v + row, v + row + 1);
    }
  return { positions: new Float32Array(positions), faces: new Uint32Array(faces) };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('superpoints command bundle (superpoints-main)', () => {
  it('writes the same segs.json as the command run through the full CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-spm-'));
    const mesh = join(dir, 'strip.ply');
    writeFileSync(mesh, writePly(bentStrip(10)));
    const lean = capture();
    expect(await superpointsMain([mesh, '--out', join(dir, 'lean.segs.json'), '--json'], lean.io)).toBe(0);
    const full = capture();
    expect(await fullMain(['superpoints', mesh, '--out', join(dir, 'full.segs.json'), '--json'], full.io)).toBe(0);
    const leanText = readFileSync(join(dir, 'lean.segs.json'), 'utf8');
    expect(leanText).toBe(readFileSync(join(dir, 'full.segs.json'), 'utf8'));
    const report = JSON.parse(lean.out.join(''));
    expect(report.vertices).toBe(190);
    // Floor and wall; the count comes from root ids, and must match the distinct ids written.
    expect(report.segments).toBe(2);
    expect(new Set(JSON.parse(leanText).segIndices).size).toBe(2);
  });

  it('answers a bad flag with exit code 2 and the usage, a missing file with 1 and its name', async () => {
    const bad = capture();
    expect(await superpointsMain(['x.ply', '--min-verts', '-3'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('usage: scenewright superpoints <mesh.ply>');
    const missing = capture();
    const path = join(mkdtempSync(join(tmpdir(), 'sw-spm-')), 'absent.ply');
    expect(await superpointsMain([path], missing.io)).toBe(1);
    expect(missing.err.join('')).toContain('absent.ply');
  });
});
