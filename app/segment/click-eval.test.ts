import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { evaluateClicks } from './click-eval';
import { geometricInstances } from './geometric-instances';
import { sceneSuperpointFeatures } from './scene-superpoints';

describe('evaluateClicks on the sample room', () => {
  const room = generateSampleRoom({ targetPoints: 80_000 });
  const { scene } = room;
  const { superpoints, features } = sceneSuperpointFeatures(scene);
  const segmentation = geometricInstances({ positions: scene.positions, features });
  const furniture = room.objects.filter((o) => o.kind === 'furniture').map((o) => o.instanceId);
  const r = evaluateClicks({ positions: scene.positions, superpoints: superpoints.ids, features, segmentation, truth: scene.instanceIds, targets: furniture });

  it('clicks inside each object, away from its boundary', () => {
    expect(r.perInstance.map((p) => p.instance)).toEqual(furniture);
    for (const p of r.perInstance) expect(scene.instanceIds[p.clickPoint]).toBe(p.instance);
  });

  it('recovers most furniture from one click, and corrective clicks only help', () => {
    console.log(`sample room: click IoU ${r.clickIou.toFixed(3)}, clicks to 0.8 ${r.clicksToTarget.toFixed(2)}`);
    expect(r.clickIou).toBeGreaterThan(0.6);
    for (const p of r.perInstance) {
      expect(p.clicks).toBeGreaterThanOrEqual(1);
      expect(p.clicks).toBeLessThanOrEqual(10);
      if (p.firstIou >= 0.8) expect(p.clicks).toBe(1);
    }
    expect(r.perInstance.filter((p) => p.reached).length).toBeGreaterThan(furniture.length / 2);
  });

  it('respects the click budget', () => {
    const tight = evaluateClicks({ positions: scene.positions, superpoints: superpoints.ids, features, segmentation, truth: scene.instanceIds, targets: furniture, targetIou: 0.999, maxClicks: 3 });
    for (const p of tight.perInstance) expect(p.clicks).toBeLessThanOrEqual(3);
  });
});
