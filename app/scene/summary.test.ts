import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample/room';
import { groupPointsByInstance, instancePointIndices, sceneBounds, summarizeInstances } from './summary';
import type { PointScene } from './types';

function tinyScene(instances: PointScene['instances']): PointScene {
  return {
    id: 't',
    name: 't',
    source: 'test',
    format: 'test',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: new Float32Array([0, 0, 0, 2, 4, 6, -1, 1, 1, 5, 5, 5, 9, 9, 9]),
    colors: new Uint8Array(15),
    instanceIds: new Int32Array([10, 10, 3_000_000, -1, 42]),
    instances,
  };
}

describe('scene summary', () => {
  it('summarizes each instance in scene order, ignoring unlabelled and unlisted points', () => {
    for (const extra of [[], [{ id: 3_000_000, label: 'far id' }]]) {
      const scene = tinyScene([{ id: 10, label: 'chair' }, { id: 7, label: 'empty' }, ...extra]);
      const info = summarizeInstances(scene);
      expect(info[0]).toEqual({ id: 10, label: 'chair', pointCount: 2, bbox: { min: [0, 0, 0], max: [2, 4, 6] }, centroid: [1, 2, 3] });
      expect(info[1]).toEqual({ id: 7, label: 'empty', pointCount: 0, bbox: { min: [0, 0, 0], max: [0, 0, 0] }, centroid: [0, 0, 0] });
      if (extra.length) expect(info[2]).toMatchObject({ pointCount: 1, centroid: [-1, 1, 1] });
      expect(info).toHaveLength(2 + extra.length);
    }
  });

  it('bounds the whole scene and lists point indices per instance', () => {
    const scene = tinyScene([{ id: 10, label: 'chair' }]);
    expect(sceneBounds(scene)).toEqual({ min: [-1, 0, 0], max: [9, 9, 9] });
    expect(Array.from(instancePointIndices(scene, 10))).toEqual([0, 1]);
    expect(instancePointIndices(scene, 99)).toHaveLength(0);
    const groups = groupPointsByInstance(scene);
    expect(Array.from(groups.get(-1)!)).toEqual([3]);
    expect(Array.from(groups.get(42)!)).toEqual([4]);
  });

  it('agrees with per-instance index lists on the sample room', () => {
    const room = generateSampleRoom({ seed: 2, targetPoints: 30_000 });
    const { scene } = room;
    const info = summarizeInstances(scene);
    expect(info.reduce((a, i) => a + i.pointCount, 0)).toBe(30_000);
    for (const inst of info) {
      const idx = instancePointIndices(scene, inst.id);
      expect(idx.length).toBe(inst.pointCount);
      let zMax = -Infinity;
      for (const i of idx) zMax = Math.max(zMax, scene.positions[i * 3 + 2]!);
      expect(inst.bbox.max[2]).toBe(zMax);
      // Ground-truth box centre and point centroid agree to within the object's own size.
      const o = room.objects.find((x) => x.instanceId === inst.id)!;
      expect(Math.abs(inst.centroid[2] - o.center[2])).toBeLessThanOrEqual(o.size[2] / 2 + 0.01);
    }
  });
});
