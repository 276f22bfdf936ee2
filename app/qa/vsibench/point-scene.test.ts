import { describe, expect, it } from 'vitest';
import { bruteForceClosestPair } from '../../geometry/closest-pair';
import type { PointScene, SceneInstance } from '../../scene/types';
import { generateQuestions } from './generate';
import { boxSceneFromPoints } from './point-scene';

/** A scene of labelled point clusters (axis-aligned boxes filled on a grid) on a scanned floor. */
function pointScene(objects: Array<{ id: number; label: string; cells: Array<[number, number, number, number, number, number]> }>, floor: [number, number]): PointScene {
  const pos: number[] = [];
  const ids: number[] = [];
  const step = 0.05;
  for (let x = 0; x <= floor[0] + 1e-9; x += step)
    for (let y = 0; y <= floor[1] + 1e-9; y += step) {
      pos.push(x, y, 0);
      ids.push(99);
    }
  for (const o of objects)
    for (const [x0, y0, z0, x1, y1, z1] of o.cells)
      for (let x = x0; x <= x1 + 1e-9; x += step)
        for (let y = y0; y <= y1 + 1e-9; y += step)
          for (let z = z0; z <= z1 + 1e-9; z += step) {
            pos.push(x, y, z);
            ids.push(o.id);
          }
  const instances: SceneInstance[] = [{ id: 99, label: 'floor' }, ...objects.map((o) => ({ id: o.id, label: o.label }))];
  return {
    id: 'synthetic',
    name: 'synthetic',
    source: 'test',
    format: 'test',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: Float32Array.from(pos),
    colors: new Uint8Array(pos.length),
    instanceIds: Int32Array.from(ids),
    instances,
  };
}

describe('boxSceneFromPoints', () => {
  // An L-shaped sofa whose box reaches towards the lamp although its points do not.
  const scene = pointScene(
    [
      { id: 1, label: 'sofa', cells: [[0.5, 0.5, 0.1, 2.5, 1.0, 0.5], [0.5, 1.05, 0.1, 1.0, 2.5, 0.5]] },
      { id: 2, label: 'lamp', cells: [[2.2, 2.2, 0.1, 2.4, 2.4, 1.5]] },
      { id: 3, label: 'chair', cells: [[3.5, 0.5, 0.1, 3.9, 0.9, 0.9]] },
      { id: 4, label: 'chair', cells: [[3.5, 3.0, 0.1, 3.9, 3.4, 0.9]] },
      { id: 5, label: 'wall', cells: [[0, 4, 0, 4, 4, 2]] },
    ],
    [4, 4],
  );
  const boxes = boxSceneFromPoints(scene);

  it('makes one tight box per instance, grouped by label, without structure', () => {
    expect(boxes.categories).toEqual(['sofa', 'lamp', 'chair']);
    expect(boxes.instances.chair!.map((c) => c.instanceId)).toEqual([3, 4]);
    expect(boxes.skipped.map((s) => [s.label, s.reason])).toEqual([
      ['floor', 'structure, not an object'],
      ['wall', 'structure, not an object'],
    ]);
    const lamp = boxes.instances.lamp![0]!;
    expect([...lamp.box.size].sort()).toEqual([expect.closeTo(0.2, 5), expect.closeTo(0.2, 5), expect.closeTo(1.4, 5)]);
  });

  it('measures distances between point sets, not boxes, and matches brute force', () => {
    const set = generateQuestions(boxes, { types: ['object_abs_distance'] });
    const q = set.questions.find((x) => x.objects.join() === 'sofa,lamp')!;
    const pairs = bruteForceClosestPair(scene.positions, boxes.points.get(1)!, boxes.points.get(2)!);
    expect(q.evidence).toMatchObject({ kind: 'distance', distance: pairs.distance });
    // The sofa's box covers [0.5, 2.5]² and so almost touches the lamp; its points are 1.2 m away.
    expect(pairs.distance).toBeCloseTo(1.2, 5);
    expect(q.ground_truth).toBe('1.2');
  });

  it('takes the room size from the alpha shape of all points and counts instances', () => {
    expect(boxes.roomSize).toBeCloseTo(16, 3);
    const set = generateQuestions(boxes, { types: ['room_size_estimation', 'object_counting'] });
    expect(set.questions.map((q) => [q.question_type, q.ground_truth])).toEqual([
      ['object_counting', '2'],
      ['room_size_estimation', '16.0'],
    ]);
  });

  it('rejects a y-up scene instead of asking about the wrong vertical', () => {
    expect(() => boxSceneFromPoints({ ...scene, upAxis: 'y' })).toThrow(/z-up/);
  });
});
