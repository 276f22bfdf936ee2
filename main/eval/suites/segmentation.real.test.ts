// The segmentation eval on ScanNet scene0000_00 (geometric fallback: no model is installed).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCANNET20_FLOOR, SCANNET20_WALL } from '../../../app/segment/scannet20';
import { evaluateScanNetScene } from './segmentation';

describe('segmentation eval on scene0000_00', () => {
  it('scores the geometric fallback honestly against the ScanNet-20 annotation', async () => {
    const r = await evaluateScanNetScene(join(__dirname, '../../../../shared/data/scannet/scene0000_00'));
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
});
