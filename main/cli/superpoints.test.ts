import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePly } from '../../app/formats/ply/writePly';
import { parseSegsJson } from '../../app/segment';
import { main } from './index';

/** Two square sheets meeting at a right angle (a floor and a wall), n×n vertices each. */
function foldedSheet(n: number) {
  const positions: number[] = [];
  const faces: number[] = [];
  for (const sheet of [0, 1]) {
    const base = positions.length / 3;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const u = i / (n - 1);
        const v = (j + 1) / n;
        positions.push(u, sheet === 0 ? v : 0, sheet === 0 ? 0 : v);
      }
    for (let i = 0; i < n - 1; i++)
      for (let j = 0; j < n - 1; j++) {
        const a = base + i * n + j;
        faces.push(a, a + n, a + 1, a + 1, a + n, a + n + 1);
      }
  }
  return { positions: new Float32Array(positions), faces: new Uint32Array(faces) };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('scenewright superpoints', () => {
  it('segments a mesh file and writes ScanNet segs.json next to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-sp-'));
    const mesh = join(dir, 'fold.ply');
    writeFileSync(mesh, writePly(foldedSheet(12)));
    const c = capture();
    expect(await main(['superpoints', mesh, '--json'], c.io)).toBe(0);
    const report = JSON.parse(c.out.join(''));
    expect(report.out).toBe(join(dir, 'fold.0.010000.segs.json'));
    expect(report.vertices).toBe(288);
    const segs = parseSegsJson(readFileSync(report.out, 'utf8'), report.out);
    expect(segs.segIndices.length).toBe(288);
    // The floor and the wall are separate superpoints.
    expect(report.segments).toBe(2);
    expect(new Set(segs.segIndices).size).toBe(2);
    expect(segs.segIndices[0]).not.toBe(segs.segIndices[287]);
  });

  it('rejects bad flags with exit code 2 and a bad file with a message naming it', async () => {
    const c = capture();
    expect(await main(['superpoints', 'x.ply', '--k', 'abc'], c.io)).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'sw-sp-'));
    const bad = join(dir, 'bad.ply');
    writeFileSync(bad, 'ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nend_header\n1\n');
    const d = capture();
    expect(await main(['superpoints', bad], d.io)).toBe(1);
    expect(d.err.join('')).toContain('bad.ply');
  });
});
