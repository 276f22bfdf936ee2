// The segmentation eval on ScanNet scene0000_00: the geometric fallback, and the bundled superpoint transformer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCANNET20_FLOOR, SCANNET20_WALL } from '../../../app/segment/scannet20';
import { evaluateScanNetScene } from './segmentation';

describe('segmentation eval on scene0000_00', () => {
  it('scores the geometric fallback honestly against the ScanNet-20 annotation', async () => {
    const r = await evaluateScanNetScene(join(__dirname, '../../../../shared/data/scannet/scene0000_00'), undefined, { fallback: true });
    console.log(`scene0000_00 (${r.source}): ${JSON.stringify(r.scores)}`);
    expect(r.source).toBe('geometric');
    expect(r.details.instances).toBe(22);
    // The floor is found; the fallback names no furniture class, so those IoUs are 0 and mIoU is
    // bounded by wall + floor over the classes present.
    expect(r.details.perClass[SCANNET20_FLOOR]).toBeGreaterThan(0.9);
    const present = r.details.semanticClasses;
    expect(r.scores.miou).toBeCloseTo((r.details.perClass[SCANNET20_WALL]! + r.details.perClass[SCANNET20_FLOOR]!) / present, 9);
    for (const v of [r.scores.miou, r.scores.ap50, r.scores.click_iou]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(r.scores.clicks_to_80).toBeGreaterThanOrEqual(1);
    expect(r.scores.clicks_to_80).toBeLessThanOrEqual(10);
  });

  it('scores the bundled model above the fallback on every metric', async () => {
    const dir = join(__dirname, '../../../../shared/data/scannet/scene0000_00');
    const model = await evaluateScanNetScene(dir);
    const fallback = await evaluateScanNetScene(dir, undefined, { fallback: true });
    console.log(`scene0000_00 (${model.source}): ${JSON.stringify(model.scores)}`);
    expect(model.source).toBe('model');
    expect(model.scores.miou).toBeGreaterThan(fallback.scores.miou);
    expect(model.scores.ap50).toBeGreaterThan(fallback.scores.ap50);
    expect(model.scores.click_iou).toBeGreaterThan(fallback.scores.click_iou);
    expect(model.scores.clicks_to_80).toBeLessThan(fallback.scores.clicks_to_80);
  });
});
