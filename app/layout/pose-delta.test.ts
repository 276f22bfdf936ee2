// The in-place motion (host view, ghost) must put every point where the PLY export (movedPoints) does.
import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { layoutFromPoints } from './from-points';
import { setPoses } from './edits';
import { movedPoints } from './moved-points';
import { applyInstanceMotions, layoutDeltas, poseDeltaMatrix } from './pose-delta';

describe('pose deltas', () => {
  it('takes the old centre to the new one and turns about z', () => {
    const m = poseDeltaMatrix({ center: [1, 2, 0.5], yaw: 0 }, { center: [-1, 0, 0.7], yaw: Math.PI / 2 });
    const at = (x: number, y: number, z: number) => [0, 1, 2].map((r) => m[r]! * x + m[4 + r]! * y + m[8 + r]! * z + m[12 + r]!);
    at(1, 2, 0.5).forEach((v, k) => expect(v).toBeCloseTo([-1, 0, 0.7][k]!, 12));
    // A point 1 m along the old +x ends up 1 m along the new +x (= old +y after a quarter turn).
    at(2, 2, 0.5).forEach((v, k) => expect(v).toBeCloseTo([-1, 1, 0.7][k]!, 12));
  });

  it('moves the points in place exactly as the export moves them, and nothing else', () => {
    const { scene } = generateSampleRoom({ targetPoints: 40_000 });
    const base = layoutFromPoints(scene);
    const movable = base.objects.filter((o) => o.movable && o.support.kind === 'floor');
    const [a, b] = [movable[0]!, movable[1]!];
    const outcome = setPoses(base, [
      { id: a.id, pose: { center: [a.pose.center[0] + 0.4, a.pose.center[1] - 0.3, a.pose.center[2]], yaw: a.pose.yaw + 0.7 } },
      { id: b.id, pose: { center: [b.pose.center[0], b.pose.center[1] + 0.2, b.pose.center[2]], yaw: b.pose.yaw } },
    ]);
    const edited = outcome.document;
    const motions = layoutDeltas(base, edited);
    // The two moved objects and whatever rests on them (a lamp on a nightstand is carried).
    expect([...motions.keys()].sort()).toEqual(outcome.changes.map((c) => base.objects.find((o) => o.id === c.id)!.instanceId).sort());
    expect(motions.has(a.instanceId!) && motions.has(b.instanceId!)).toBe(true);
    const inPlace = applyInstanceMotions(scene.positions, scene.instanceIds, motions);
    const exported = movedPoints(scene, base, edited);
    // No object was removed or copied, so the export keeps every point in order.
    expect(exported.positions.length).toBe(inPlace.length);
    let movedCount = 0;
    for (let i = 0; i < inPlace.length; i++) {
      expect(inPlace[i]).toBeCloseTo(exported.positions[i]!, 4);
      if (inPlace[i] !== scene.positions[i]) movedCount++;
    }
    expect(movedCount).toBeGreaterThan(0);
    expect(layoutDeltas(base, base).size).toBe(0);
    // The same ids on another segmentation: nothing moves.
    const other = { ...edited, objects: edited.objects.map((o) => ({ ...o, pointCount: (o.pointCount ?? 0) + 1 })) };
    expect(layoutDeltas(base, other).size).toBe(0);
  });
});
