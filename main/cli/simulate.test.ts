import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../app/formats/npy';
import { FEATURE_COUNT } from '../../app/segment/features';
import { MODEL_NEIGHBOURS } from '../../app/segment/superpoint-neighbours';
import { main } from './index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('scenewright simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-sim-cli-'));

  it('writes model-ready examples whose arrays agree, and skips finished ones on a rerun', async () => {
    const c = capture();
    expect(await main(['simulate', '--count', '2', '--seed', '1000900', '--rays', '20000', '--out', dir, '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('')) as { written: { name: string; superpoints: number }[] };
    expect(r.written.map((w) => w.name)).toEqual(['sim-1000900', 'sim-1000901']);
    for (const w of r.written) {
      const read = (f: string) => readNpy(new Uint8Array(readFileSync(join(dir, w.name, f))));
      const features = read('features.npy');
      const neighbours = read('neighbours.npy');
      const semantic = read('semantic.npy');
      const instance = read('instance.npy');
      expect(features.shape).toEqual([w.superpoints, FEATURE_COUNT]);
      expect(neighbours.shape).toEqual([w.superpoints, MODEL_NEIGHBOURS]);
      expect(semantic.shape).toEqual([w.superpoints]);
      expect(instance.shape).toEqual([w.superpoints]);
      expect([...neighbours.data].every((v) => v >= 0 && v < w.superpoints)).toBe(true);
      expect([...semantic.data].every((v) => v >= -1 && v < 20)).toBe(true);
      // Floor and walls are labelled; most superpoints carry a class.
      expect(new Set(semantic.data)).toContain(0);
      expect(new Set(semantic.data)).toContain(1);
      expect([...semantic.data].filter((v) => v >= 0).length).toBeGreaterThan(0.7 * w.superpoints);
      const meta = JSON.parse(readFileSync(join(dir, w.name, 'meta.json'), 'utf8')) as { seed: number; featureLayoutVersion: number; method: string };
      expect(meta).toMatchObject({ featureLayoutVersion: 1, method: 'points' });
    }
    const again = capture();
    expect(await main(['simulate', '--count', '2', '--seed', '1000900', '--rays', '20000', '--out', dir, '--json'], again.io)).toBe(0);
    expect((JSON.parse(again.out.join('')) as { written: unknown[] }).written).toEqual([]);
  });

  it('exits 2 on a bad command line', async () => {
    expect(await main(['simulate', '--count', '2'], capture().io)).toBe(2);
    expect(await main(['simulate', '--out', dir, '--room-type', 'garage'], capture().io)).toBe(2);
    expect(existsSync(join(dir, 'sim-0'))).toBe(false);
  });
});
