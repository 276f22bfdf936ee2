import { describe, expect, it } from 'vitest';
import { AppError } from '../contract/errors';
import { DistanceResult } from '../contract/schemas';
import { bruteForceClosestPair } from '../geometry/closest-pair';
import { generateSampleRoom } from '../sample/room';
import { instancePointIndices } from '../scene/summary';
import { instanceIndices, measureInstanceDistance } from './measure';

const room = generateSampleRoom({ seed: 7, targetPoints: 50_000 });
const { scene } = room;
const idOf = (category: string) => room.objects.find((o) => o.category === category)!.instanceId;

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('measureInstanceDistance', () => {
  it('measures the armchair–table closest-point distance exactly, with contract-valid output', () => {
    const a = idOf('armchair');
    const b = idOf('table');
    const r = measureInstanceDistance(scene, a, b);
    expect(DistanceResult.parse(r)).toEqual(r);
    const ref = bruteForceClosestPair(scene.positions, instancePointIndices(scene, a), instancePointIndices(scene, b));
    expect(r.distance).toBe(ref.distance);
    expect(Math.hypot(r.pointA[0] - r.pointB[0], r.pointA[1] - r.pointB[1], r.pointA[2] - r.pointB[2])).toBeCloseTo(r.distance, 9);
    expect(r.centerDistance).toBeGreaterThanOrEqual(r.distance);
    // Symmetric, with the points swapped.
    const back = measureInstanceDistance(scene, b, a);
    expect(back.distance).toBe(r.distance);
    expect(back.centerDistance).toBeCloseTo(r.centerDistance, 12);
  });

  it('caches index lists per scene and notices new arrays', () => {
    const id = idOf('sofa');
    const first = instanceIndices(scene, id);
    expect(instanceIndices(scene, id)).toBe(first);
    const copy = { ...scene };
    expect(instanceIndices(copy, id).length).toBe(first.length);
    copy.instanceIds = new Int32Array(scene.instanceIds).fill(id);
    expect(instanceIndices(copy, id).length).toBe(scene.instanceIds.length);
  });

  it('raises typed errors naming the bad instance', () => {
    const missing = caught(() => measureInstanceDistance(scene, idOf('bed'), 9999));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toMatch(/instance 9999 is not in scene "sample"/);
    const same = caught(() => measureInstanceDistance(scene, idOf('bed'), idOf('bed')));
    expect(same.code).toBe('invalid_input');
    const empty = { ...scene, instances: [...scene.instances, { id: 500, label: 'ghost' }] };
    const noPoints = caught(() => measureInstanceDistance(empty, idOf('bed'), 500));
    expect(noPoints.code).toBe('invalid_input');
    expect(noPoints.message).toMatch(/instance 500 .* has no points/);
  });
});
