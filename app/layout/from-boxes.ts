// A layout from a box-only scene (VSI-Bench meta data): no points, no walls. The room outline is the
// minimum-area rectangle around every object's footprint (doors and wall fixtures sit in the walls,
// so it reaches them); the meta's own floor area is kept for the report.
import { convexHull2d, minAreaRect } from '../geometry/hull2d';
import type { BoxScene } from '../qa/vsibench/meta';
import { buildDocument, type BoxItem } from './build';
import { footprint, uprightOf } from './pose';
import type { LayoutDocument, Vec2 } from './types';

/** A room lower than this is not a room: the ceiling is at least this far above the floor. */
export const MIN_ROOM_HEIGHT = 2.4;

export function layoutFromBoxes(scene: BoxScene): LayoutDocument {
  const items: BoxItem[] = [];
  for (const category of scene.categories)
    for (const o of scene.instances[category]!) {
      const u = uprightOf(o.box);
      items.push({ id: o.instanceId ?? items.length, category, center: u.center, yaw: u.yaw, size: u.size });
    }
  return boxLayout(scene.id, items, `meta floor area ${scene.roomSize.toFixed(1)} m²`);
}

/** A box room: the minimum-area rectangle around the footprints as its outline, floor at the lowest bottom. */
export function boxLayout(sceneId: string, items: readonly BoxItem[], note: string): LayoutDocument {
  const xy = items.flatMap((i) => footprint(i.size, { center: i.center, yaw: i.yaw }).flat());
  const rect = minAreaRect(convexHull2d(xy), [0]);
  const [c, s] = [Math.cos(rect.angle), Math.sin(rect.angle)];
  const [hu, hv] = [rect.size[0] / 2, rect.size[1] / 2];
  const [x, y] = rect.center;
  const polygon: Vec2[] = [
    [x - c * hu + s * hv, y - s * hu - c * hv],
    [x + c * hu + s * hv, y + s * hu - c * hv],
    [x + c * hu - s * hv, y + s * hu + c * hv],
    [x - c * hu - s * hv, y - s * hu + c * hv],
  ];
  const bottoms = items.map((i) => i.center[2] - i.size[2] / 2);
  const tops = items.map((i) => i.center[2] + i.size[2] / 2);
  const floorZ = Math.min(...bottoms);
  const ceilingZ = Math.max(floorZ + MIN_ROOM_HEIGHT, ...tops);
  return buildDocument(sceneId, 'boxes', items, { polygon, method: `minimum-area rectangle around the object boxes (${note})`, floorZ, ceilingZ });
}
