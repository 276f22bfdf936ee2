import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePly } from '../../app/formats/ply/writePly';
import { generateSampleRoom } from '../../app/sample';
import { FEATURE_COUNT } from '../../app/segment/features';
import { bundledSegmentationModelPath } from '../segment/model-store';
import { linearSegmentationModel } from '../models/linear-model.fixture';
import { main } from './index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

interface Report {
  source: string;
  reason: string;
  provider?: string;
  points: number;
  superpoints: number;
  instances: { id: number; label: string; pointCount: number; confidence: number }[];
}

describe('scenewright segment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-seg-cli-'));
  const { scene } = generateSampleRoom({ targetPoints: 40_000 });
  const file = join(dir, 'room.ply');
  writeFileSync(file, writePly({ positions: scene.positions, colors: scene.colors }));

  it('prints instances from the geometric fallback with --fallback, and says so', async () => {
    const c = capture();
    expect(await main(['segment', file, '--fallback', '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('')) as Report;
    expect(r.source).toBe('geometric');
    expect(r.reason).toBe('geometric fallback: no segmentation model configured');
    expect(r.points).toBe(40_000);
    expect(r.instances.filter((i) => i.label === 'floor')).toHaveLength(1);
    expect(r.instances.filter((i) => i.label === 'object').length).toBeGreaterThan(5);
    expect(r.instances.reduce((a, i) => a + i.pointCount, 0)).toBeLessThanOrEqual(40_000);
  });

  it('names the missing model file it fell back from', async () => {
    const c = capture();
    const missing = join(dir, 'none.onnx');
    expect(await main(['segment', file, '--model', missing, '--fallback'], c.io)).toBe(0);
    expect(c.out.join('')).toContain(`answered by: geometric fallback: segmentation model not found: ${missing}`);
    // Without --fallback the model shipped in native-models/segmentation answers instead.
    const c2 = capture();
    expect(await main(['segment', file, '--model', missing, '--json'], c2.io)).toBe(0);
    const r = JSON.parse(c2.out.join('')) as Report;
    expect(r.source).toBe('model');
    expect(r.reason).toContain(`bundled model ${bundledSegmentationModelPath()} (segmentation model not found: ${missing})`);
    expect(r.instances.some((i) => i.label === 'floor')).toBe(true);
  });

  it('answers with the model when the file is there', async () => {
    const model = join(dir, 'linear.onnx');
    writeFileSync(model, linearSegmentationModel(FEATURE_COUNT, 20, 5).bytes);
    const c = capture();
    expect(await main(['segment', file, '--model', model, '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out.join('')) as Report;
    expect(r.source).toBe('model');
    expect(r.provider).toBeTruthy();
    expect(r.instances.reduce((a, i) => a + i.pointCount, 0)).toBe(40_000);
    expect(c.err.join('')).toMatch(/segmentation model linear\.onnx: running on \w+/);
  });

  it('fails with a message naming a corrupt model, and exit code 2 on usage errors', async () => {
    const bad = join(dir, 'bad.onnx');
    writeFileSync(bad, 'nope');
    const c = capture();
    expect(await main(['segment', file, '--model', bad], c.io)).not.toBe(0);
    expect(c.err.join('')).toContain(bad);
    expect(await main(['segment'], capture().io)).toBe(2);
  });
});
