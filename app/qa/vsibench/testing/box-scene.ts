// Box-only scenes built by hand for unit tests: axis-aligned boxes unless axes are given.
import type { Obb } from '../../../geometry/obb';
import type { Vec3 } from '../../../scene/types';
import type { BoxObject, BoxScene } from '../meta';

export interface TestBox {
  center: Vec3;
  size?: Vec3;
  axes?: Obb['axes'];
}

const IDENTITY: Obb['axes'] = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

export function boxScene(objects: Record<string, TestBox[]>, roomSize = 20, id = 'test-room'): BoxScene {
  const instances: Record<string, BoxObject[]> = {};
  for (const [category, boxes] of Object.entries(objects)) {
    instances[category] = boxes.map((b, instance) => {
      const size = b.size ?? [0.1, 0.1, 0.1];
      const axes = b.axes ?? IDENTITY;
      const half = [0, 1, 2].map((k) => axes.reduce((s, a, i) => s + (size[i]! / 2) * Math.abs(a[k]!), 0));
      return {
        category,
        instance,
        box: { center: b.center, axes, size },
        min: b.center.map((c, k) => c - half[k]!) as Vec3,
        max: b.center.map((c, k) => c + half[k]!) as Vec3,
      };
    });
  }
  return { id, roomSize, roomCenter: [0, 0, 0], categories: Object.keys(objects), instances };
}
