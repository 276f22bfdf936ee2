// The room a typed question is asked about, as the layout model reads rooms: the QA objects of a scene
// (app/qa/workbench/objects.ts) laid out by the rules of a VSI-Bench box room (from-boxes.ts: upright
// boxes, the minimum-area rectangle around the footprints, size classes, openings), so the model's
// object features at question time come from the code the training rooms did. Object ids stay the QA
// ids, so the model's pointers name the objects the answer is computed on.
import type { QaObject } from '../../qa/workbench/objects';
import { buildDocument, type BoxItem } from '../build';
import { boxLayout, MIN_ROOM_HEIGHT } from '../from-boxes';
import { uprightOf } from '../pose';
import type { LayoutDocument } from '../types';

export function layoutOfQaObjects(sceneId: string, objects: readonly QaObject[]): LayoutDocument {
  const items: BoxItem[] = objects.map((o) => {
    const u = uprightOf(o.box);
    return { id: o.id, category: o.category, center: u.center, yaw: u.yaw, size: u.size, ...(o.color ? { color: o.color } : {}) };
  });
  if (items.length === 0) return buildDocument(sceneId, 'boxes', [], { polygon: [[-1, -1], [1, -1], [1, 1], [-1, 1]], method: 'no objects', floorZ: 0, ceilingZ: MIN_ROOM_HEIGHT });
  return boxLayout(sceneId, items, 'the question objects');
}
