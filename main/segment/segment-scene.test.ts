import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../../app/sample';
import { FEATURE_COUNT } from '../../app/segment/features';
import { SCANNET20 } from '../../app/segment/scannet20';
import type { ProviderChoice } from '../models/execution-provider';
import { linearSegmentationModel } from '../models/linear-model.fixture';
import { bundledSegmentationModelPath } from './model-store';
import { segmentScene, type SegmentProgress } from './segment-scene';

const dir = mkdtempSync(join(tmpdir(), 'sw-segment-'));
const modelOptions = { choice: async (): Promise<ProviderChoice> => ({ provider: 'cpu', reason: 'cpu', fallbacks: [] }), log: () => {} };

describe('segmentScene', () => {
  const { scene } = generateSampleRoom({ targetPoints: 60_000 });

  it('answers with the geometric fallback when the model file is missing, with masks, boxes and progress', async () => {
    const progress: SegmentProgress[] = [];
    const missing = join(dir, 'missing.onnx');
    const r = await segmentScene({ scene }, { modelPath: missing, bundledModel: false, onProgress: (p) => progress.push(p), modelOptions });
    expect(r.source).toBe('geometric');
    expect(r.reason).toBe(`geometric fallback: segmentation model not found: ${missing}`);
    expect(r.provider).toBeUndefined();
    expect(new Set(r.instances.map((i) => i.label))).toEqual(new Set(['floor', 'wall', 'object']));
    // Masks, instanceIds and point counts agree; boxes contain their points.
    for (const inst of r.instances) {
      expect(inst.mask.length).toBe(inst.pointCount);
      let wrongId = 0;
      let outside = 0;
      for (const p of inst.mask) {
        if (r.instanceIds[p] !== inst.id) wrongId++;
        for (let a = 0; a < 3; a++) if (scene.positions[3 * p + a]! < inst.bbox.min[a]! || scene.positions[3 * p + a]! > inst.bbox.max[a]!) outside++;
      }
      expect({ wrongId, outside }).toEqual({ wrongId: 0, outside: 0 });
      expect(inst.obb.size.every((s, a) => Math.abs(s - (inst.bbox.max[a]! - inst.bbox.min[a]!)) < 1e-9)).toBe(true);
      expect(inst.confidence).toBeGreaterThan(0);
      expect(inst.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.instances.map((i) => i.id)).toEqual(r.instances.map((_, i) => i));
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress[2]!.label).toContain('geometric fallback');
  });

  it('answers with the model when one is installed: one label per ScanNet-20 class', async () => {
    const file = join(dir, 'linear.onnx');
    writeFileSync(file, linearSegmentationModel(FEATURE_COUNT, 20, 3).bytes);
    const r = await segmentScene({ scene }, { modelPath: file, modelOptions });
    expect(r.source).toBe('model');
    expect(r.provider).toBe('cpu');
    expect(r.reason).toBe(`model ${file} on cpu`);
    const names = new Set(SCANNET20.map((c) => c.name));
    for (const inst of r.instances) expect(names.has(inst.label)).toBe(true);
    // Every point whose superpoint is in an instance is covered exactly once.
    const covered = r.instances.reduce((a, i) => a + i.pointCount, 0);
    expect(covered).toBe(r.instanceIds.filter((id) => id >= 0).length);
    expect(covered).toBe(scene.positions.length / 3);
  });

  it('answers with the bundled superpoint transformer when no model is installed: instances, and click prompts from its prompt head', async () => {
    const missing = join(dir, 'missing.onnx');
    const r = await segmentScene({ scene }, { modelPath: missing, modelOptions });
    expect(r.source).toBe('model');
    expect(r.reason).toBe(`bundled model ${bundledSegmentationModelPath()} (segmentation model not found: ${missing}) on cpu`);
    const names = new Set(SCANNET20.map((c) => c.name));
    for (const inst of r.instances) expect(names.has(inst.label)).toBe(true);
    expect(r.instances.filter((i) => i.label === 'floor')).toHaveLength(1);
    // Superpoints in instances partition the scene.
    const seen = new Uint8Array(r.superpointCount);
    for (const inst of r.instances) for (const s of inst.superpoints) seen[s]!++;
    expect(seen.every((v) => v === 1)).toBe(true);
    // A click on the floor's biggest superpoint selects mostly floor; the clicked superpoint is always in.
    const floor = r.instances.find((i) => i.label === 'floor')!;
    const click = floor.superpoints.reduce((a, b) => (r.features.pointCounts[b]! > r.features.pointCounts[a]! ? b : a));
    const mask = await r.promptMask([click]);
    expect(mask).toContain(click);
    expect(mask).toEqual([...mask].sort((a, b) => a - b));
    const floorSet = new Set(floor.superpoints);
    expect(mask.filter((s) => floorSet.has(s)).length / mask.length).toBeGreaterThan(0.5);
    await expect(r.promptMask([])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(r.promptMask([r.superpointCount])).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('fails naming the file when the model is corrupt, instead of hiding it behind the fallback', async () => {
    const file = join(dir, 'corrupt.onnx');
    writeFileSync(file, 'garbage');
    await expect(segmentScene({ scene }, { modelPath: file, modelOptions })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringContaining(file) });
  });

  it('stops with a cancelled error when the signal aborts', async () => {
    const controller = new AbortController();
    const run = segmentScene({ scene }, { signal: controller.signal, onProgress: (p) => p.done === 1 && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});
