// Distance between two instances of any scene: box-only scenes measure their boxes exactly
// (obbDistance; the surface samples are a display aid), every other scene its points.
import { AppError } from '../contract/errors';
import type { DistanceResult } from '../contract/schemas';
import { obbDistance } from '../geometry/obb-distance';
import { distance } from '../geometry/obb';
import type { SceneBox } from '../scene/boxes/types';
import type { PointScene } from '../scene/types';
import { measureInstanceDistance } from './measure';

function boxOf(scene: PointScene, boxes: readonly SceneBox[], id: number): SceneBox {
  const box = boxes.find((b) => b.instanceId === id);
  if (!box) throw new AppError('not_found', `instance ${id} is not in scene "${scene.id}"`, { sceneId: scene.id, instanceId: id });
  return box;
}

/** Points in the result are in the scene frame (relative to `scene.origin`), like positions. */
export function measureSceneDistance(scene: PointScene, a: number, b: number): DistanceResult {
  const boxes = scene.boxScene?.boxes;
  if (!boxes) return measureInstanceDistance(scene, a, b);
  if (a === b) throw new AppError('invalid_input', `distance needs two different instances, got ${a} twice`, { sceneId: scene.id, instanceId: a });
  const ba = boxOf(scene, boxes, a);
  const bb = boxOf(scene, boxes, b);
  const r = obbDistance(ba, bb);
  return {
    sceneId: scene.id,
    a,
    b,
    distance: r.distance,
    pointA: r.pointA,
    pointB: r.pointB,
    centerDistance: distance(ba.center, bb.center),
    unit: 'm',
    method: 'closest-point',
  };
}
