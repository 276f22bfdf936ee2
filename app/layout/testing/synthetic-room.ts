// A small hand-laid room for tests: 5 m × 4 m, floor at z = 0, a door in the south wall, a window in
// the north wall; a sofa against the west wall facing east, a coffee table, a TV stand, a desk with a
// lamp on it, a chair and a bookshelf. Numbers are chosen so every gap a test relies on is obvious.
import type { Vec3 } from '../../scene/types';
import { buildDocument, type BoxItem } from '../build';
import type { LayoutDocument } from '../types';

const H = Math.PI / 2;

/** yaw: the front (local +y) points along (−sin yaw, cos yaw); yaw −π/2 faces +x (east). */
export function item(id: number, category: string, center: Vec3, size: Vec3, yaw = 0): BoxItem {
  return { id, category, center, size, yaw, frontKnown: true };
}

export const ROOM_ITEMS: BoxItem[] = [
  // Sofa along the west wall (x = 0), 2 m wide, 0.9 m deep, facing east.
  item(1, 'sofa', [0.46, 2, 0.4], [2, 0.9, 0.8], -H),
  item(2, 'coffee table', [1.6, 2, 0.225], [1.0, 0.6, 0.45], -H),
  // TV stand against the east wall facing west.
  item(3, 'tv stand', [4.75, 2, 0.25], [1.4, 0.45, 0.5], H),
  // Desk in the north-east corner region facing south, with a lamp on it.
  item(4, 'desk', [3.6, 3.6, 0.375], [1.2, 0.6, 0.75], Math.PI),
  item(5, 'lamp', [3.3, 3.65, 0.95], [0.2, 0.2, 0.4], Math.PI),
  item(6, 'chair', [3.6, 2.95, 0.45], [0.5, 0.5, 0.9], 0),
  // Bookshelf against the south wall, east of the door.
  item(7, 'bookshelf', [3.8, 0.2, 1.0], [1.0, 0.35, 2.0], 0),
  // Door in the south wall (y = 0) at x = 1.5, window in the north wall.
  item(8, 'door', [1.5, 0.03, 1.0], [0.9, 0.06, 2.0], 0),
  item(9, 'window', [1.5, 3.97, 1.5], [1.2, 0.06, 1.0], 0),
];

export function syntheticRoom(items: readonly BoxItem[] = ROOM_ITEMS): LayoutDocument {
  return buildDocument('synthetic', 'boxes', items, {
    polygon: [
      [0, 0],
      [5, 0],
      [5, 4],
      [0, 4],
    ],
    method: 'test rectangle',
    floorZ: 0,
    ceilingZ: 2.6,
  });
}

/**
 * An L-shaped room: 6 m × 3 m along the south, with a 3 m × 2 m arm to the north-west, so the
 * north-east quadrant (x 3–6, y 3–5) is outside. Its reflex corner is (3, 3); the inner walls run
 * from (6, 3) to (3, 3) and from (3, 3) to (3, 5). A door in the south wall, a sofa in the arm against
 * the west wall facing east, a desk in the east part facing north, 1 m below the inner wall.
 */
export const L_POLYGON: Array<[number, number]> = [
  [0, 0],
  [6, 0],
  [6, 3],
  [3, 3],
  [3, 5],
  [0, 5],
];

export const L_ITEMS: BoxItem[] = [
  item(1, 'sofa', [0.46, 4, 0.4], [1.8, 0.9, 0.8], -H),
  item(2, 'desk', [4.5, 1.7, 0.375], [1.2, 0.6, 0.75], 0),
  item(3, 'chair', [1.2, 1.2, 0.45], [0.5, 0.5, 0.9], 0),
  item(4, 'door', [1.5, 0.03, 1.0], [0.9, 0.06, 2.0], 0),
];

export function lShapedRoom(items: readonly BoxItem[] = L_ITEMS, polygon: ReadonlyArray<[number, number]> = L_POLYGON): LayoutDocument {
  return buildDocument('l-room', 'boxes', items, { polygon: polygon.map((p) => [p[0], p[1]]), method: 'test L', floorZ: 0, ceilingZ: 2.6 });
}
