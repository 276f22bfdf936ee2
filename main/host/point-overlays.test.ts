// Superpoint ids and model confidence reach the viewer through the real host and the bridge's
// binary codec: computed on request, then carried by openScene; a segmentation run replaces them
// and adds per-point confidence equal to each point's instance confidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, OpenedScene } from '../../app/contract';
import { testHost } from './testing/host-fixture';
import { pointConfidence } from './point-overlays';
import { SAMPLE_SCENE_ID } from './services';

const t = testHost('sw-overlays-', { productDefaults: true });
beforeAll(t.setUp);
afterAll(t.tearDown);

describe('point overlays', () => {
  it('computes superpoints once on request; openScene then carries them through the codec', async () => {
    const before = await t.host.client.openScene({ sceneId: SAMPLE_SCENE_ID });
    expect(before.buffers.superpointIds).toBeUndefined();
    const n = before.buffers.instanceIds.length;

    const sp = await t.host.client.sceneSuperpoints({ sceneId: SAMPLE_SCENE_ID });
    expect(sp.method).toBe('points');
    expect(sp.superpointIds.length).toBe(n);
    expect(sp.count).toBeGreaterThan(10);
    let max = -1;
    for (const id of sp.superpointIds) max = Math.max(max, id);
    expect(max).toBe(sp.count - 1);
    // Cached: the same array again.
    expect((await t.host.client.sceneSuperpoints({ sceneId: SAMPLE_SCENE_ID })).superpointIds).toEqual(sp.superpointIds);

    const opened = await t.host.client.openScene({ sceneId: SAMPLE_SCENE_ID });
    const wire = OpenedScene.parse(decodeFrame(encodeFrame(opened)));
    expect(wire.buffers.superpointIds).toBeInstanceOf(Int32Array);
    expect(wire.buffers.superpointIds).toEqual(sp.superpointIds);
    expect(wire.buffers.confidence).toBeUndefined();
  });

  it('a segmentation run gives superpoints and per-point confidence of each point’s instance', async () => {
    const seg = await t.host.client.segmentScene({ sceneId: SAMPLE_SCENE_ID });
    const opened = await t.host.client.openScene({ sceneId: SAMPLE_SCENE_ID });
    const conf = opened.buffers.confidence!;
    expect(conf).toBeInstanceOf(Float32Array);
    expect(conf.length).toBe(seg.instanceIds.length);
    const byId = new Map(seg.instances.map((i) => [i.id, i.confidence]));
    for (let k = 0; k < conf.length; k += 997) {
      const id = seg.instanceIds[k]!;
      expect(conf[k]).toBeCloseTo(id < 0 ? 0 : byId.get(id)!, 6);
    }
    expect((await t.host.client.sceneSuperpoints({ sceneId: SAMPLE_SCENE_ID })).method).toBe('segmentation');
    expect(opened.buffers.superpointIds!.length).toBe(conf.length);
  });

  it('unknown scenes are a typed error', async () => {
    const r = await t.host.dispatch('sceneSuperpoints', { sceneId: 'nope' });
    expect(r.ok ? null : r.error.code).toBe('not_found');
  });

  it('pointConfidence clamps to 0..1 and gives unassigned points 0', () => {
    expect([...pointConfidence(Int32Array.from([0, -1, 1, 2]), [{ id: 0, confidence: 0.25 }, { id: 1, confidence: 1.5 }])]).toEqual([0.25, 0, 1, 0]);
  });
});
