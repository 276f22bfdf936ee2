// The objects workbench questions are asked about: a box, a centroid and a way to measure the exact
// closest points between two of them. Built from a box scene (meta data) or from a scan's instances.
import type { Obb } from '../../geometry/obb';
import { obbDistance } from '../../geometry/obb-distance';
import type { PointScene, Vec3 } from '../../scene/types';
import type { BoxScene } from '../vsibench/meta';
import { boxSceneFromPoints, type PointBoxSceneOptions } from '../vsibench/point-scene';

export interface QaObject {
  /** The instance id (point scenes) or a running index (box scenes). */
  id: number;
  category: string;
  box: Obb;
  /** Mean of the points when known, else the box centre. */
  centroid: Vec3;
  /** Axis-aligned extents. */
  min: Vec3;
  max: Vec3;
  /** Mean colour 0..255 when points are known. */
  color?: Vec3;
}

export interface ClosestPoints {
  distance: number;
  pointA: Vec3;
  pointB: Vec3;
  /** What was measured: the point sets, or the boxes when no points are known. */
  method: 'point-sets' | 'boxes';
}

export interface QaScene {
  id: string;
  objects: QaObject[];
  /** Floor area, m² (room scale for near/far). */
  roomArea: number;
  closest(a: QaObject, b: QaObject): ClosestPoints;
}

export function qaSceneFromBoxes(scene: BoxScene): QaScene {
  const objects: QaObject[] = [];
  const source = new Map<number, BoxScene['instances'][string][number]>();
  for (const c of scene.categories)
    for (const o of scene.instances[c]!) {
      const id = o.instanceId ?? objects.length;
      objects.push({ id, category: c, box: o.box, centroid: o.box.center, min: o.min, max: o.max });
      source.set(id, o);
    }
  return {
    id: scene.id,
    objects,
    roomArea: scene.roomSize,
    closest(a, b) {
      if (scene.measure) return { ...scene.measure(source.get(a.id)!, source.get(b.id)!), method: 'point-sets' };
      const d = obbDistance(a.box, b.box);
      return { distance: d.distance, pointA: d.pointA, pointB: d.pointB, method: 'boxes' };
    },
  };
}

/** Objects from a scan's instances: tight boxes, point centroids and colours, point-set distances. */
export function qaSceneFromPoints(scene: PointScene, options: PointBoxSceneOptions = {}): QaScene {
  const boxes = boxSceneFromPoints(scene, options);
  const qa = qaSceneFromBoxes(boxes);
  for (const o of qa.objects) {
    const set = boxes.points.get(o.id)!;
    const sum = [0, 0, 0];
    const rgb = [0, 0, 0];
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const i of set) {
      for (let k = 0; k < 3; k++) {
        const v = scene.positions[i * 3 + k]!;
        sum[k]! += v;
        if (v < min[k]!) min[k] = v;
        if (v > max[k]!) max[k] = v;
        rgb[k]! += scene.colors[i * 3 + k] ?? 0;
      }
    }
    o.centroid = sum.map((s) => s / set.length) as Vec3;
    o.color = rgb.map((s) => s / set.length) as Vec3;
    // The axis-aligned box of the points themselves, not of the tight OBB's corners.
    o.min = min;
    o.max = max;
  }
  return qa;
}
