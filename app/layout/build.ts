// The shared half of both builders: boxes (with category, maybe points and colour) and a floor
// outline in, a layout document out. Decides what is a door or window, what each object stands on,
// which side is its front when the data does not say, and the walls the outline implies.
import { footprintOverlap } from '../geometry/footprint';
import { polygonArea } from '../geometry/hull2d';
import { canonicalCategory } from '../qa/ask/lexicon';
import type { Vec3 } from '../scene/types';
import { boxAt, frontOf, turnFrame, wrapAngle } from './pose';
import { pointSegmentDistance, polygonCentroid, simplifyPolygon } from './room-geometry';
import type { LayoutDocument, LayoutObject, LayoutRoom, Opening, SizeClass, Support, Vec2, Wall } from './types';

export interface BoxItem {
  id: number;
  category: string;
  center: Vec3;
  yaw: number;
  size: Vec3;
  /** True when the yaw already puts the front on local +y (sample room ground truth). */
  frontKnown?: boolean;
  color?: Vec3;
  instanceId?: number;
  pointCount?: number;
}

export interface RoomOutline {
  polygon: Vec2[];
  method: string;
  floorZ: number;
  ceilingZ: number;
}

/** Bottom within this of the floor: stands on the floor. */
export const FLOOR_CONTACT = 0.08;
/** Bottom within this of another object's top (either sign), over SUPPORT_OVERLAP of the footprint: rests on it. */
export const TOP_CONTACT = 0.06;
export const SUPPORT_OVERLAP = 0.3;
/** Outline vertices nearer than this to the line through their neighbours are dropped (scan noise on a straight wall). */
export const OUTLINE_TOLERANCE = 0.05;
/** Outline edges shorter than this are not walls (hull corners, bay sills). */
export const MIN_WALL_LENGTH = 0.3;
/** Within this of a wall, an object's front is taken to face away from it. */
export const NEAR_WALL = 0.35;
export const DEFAULT_WALL_THICKNESS = 0.1;

const OPENINGS = new Set(['door', 'window', 'doorframe', 'door frame', 'sliding door', 'glass door', 'doorway']);
export const isOpeningCategory = (category: string): boolean => OPENINGS.has(canonicalCategory(category));
const openingKind = (category: string): 'door' | 'window' => (canonicalCategory(category).includes('window') ? 'window' : 'door');

export function sizeClassOf(size: Vec3): SizeClass {
  const m = Math.max(size[0], size[1], size[2]);
  return m < 0.45 ? 'small' : m > 1.3 ? 'large' : 'medium';
}

function wallsOf(polygon: Vec2[], height: number): Wall[] {
  const walls: Wall[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    if (Math.hypot(b[0] - a[0], b[1] - a[1]) < MIN_WALL_LENGTH) continue;
    walls.push({ id: `wall_${walls.length}`, a, b, height, thickness: DEFAULT_WALL_THICKNESS });
  }
  return walls;
}

export function nearestWall(walls: readonly Wall[], p: Vec2): { wall: Wall; distance: number } | null {
  let best: { wall: Wall; distance: number } | null = null;
  for (const wall of walls) {
    const d = pointSegmentDistance(p, wall.a, wall.b);
    if (!best || d < best.distance) best = { wall, distance: d };
  }
  return best;
}

/** The unit normal of a wall pointing into the room (the room is on the left of a→b). */
export function inwardNormal(wall: Wall): Vec2 {
  const dx = wall.b[0] - wall.a[0];
  const dy = wall.b[1] - wall.a[1];
  const len = Math.hypot(dx, dy) || 1;
  return [-dy / len, dx / len];
}

function supportOf(item: BoxItem, all: readonly BoxItem[], floorZ: number): Support {
  const bottom = item.center[2] - item.size[2] / 2;
  if (bottom - floorZ < FLOOR_CONTACT) return { kind: 'floor' };
  let best: { id: number; gap: number } | null = null;
  const box = boxAt(item.size, { center: item.center, yaw: item.yaw });
  for (const other of all) {
    if (other.id === item.id || isOpeningCategory(other.category)) continue;
    const gap = bottom - (other.center[2] + other.size[2] / 2);
    const otherBottom = other.center[2] - other.size[2] / 2;
    // Resting on its top, or sunk into a bigger box (a pillow inside the bed's box): either way it moves with it.
    const sunk = gap < 0 && bottom > otherBottom + FLOOR_CONTACT && item.size[0] * item.size[1] * item.size[2] < other.size[0] * other.size[1] * other.size[2];
    if (Math.abs(gap) > TOP_CONTACT && !sunk) continue;
    if (footprintOverlap(box, boxAt(other.size, { center: other.center, yaw: other.yaw })).ratio <= (sunk ? 0.5 : SUPPORT_OVERLAP)) continue;
    if (!best || Math.abs(gap) < Math.abs(best.gap)) best = { id: other.id, gap };
  }
  return best ? { kind: 'object', id: best.id } : { kind: 'mounted' };
}

/** Turns the box frame so local +y points where the front most likely is: away from a near wall, else towards the room's middle. */
function guessFront(item: BoxItem, walls: readonly Wall[], middle: Vec2): { yaw: number; size: Vec3 } {
  const p: Vec2 = [item.center[0], item.center[1]];
  const near = nearestWall(walls, p);
  let want: Vec2;
  if (near && near.distance - Math.min(item.size[0], item.size[1]) / 2 < NEAR_WALL) want = inwardNormal(near.wall);
  else want = [middle[0] - p[0], middle[1] - p[1]];
  let best = { yaw: item.yaw, size: item.size, score: -Infinity };
  for (let k = 0; k < 4; k++) {
    const t = turnFrame(item.size, item.yaw, k);
    const f = frontOf(t.yaw);
    const score = f[0] * want[0] + f[1] * want[1];
    if (score > best.score + 1e-9) best = { ...t, score };
  }
  return { yaw: best.yaw, size: best.size };
}

export function buildDocument(sceneId: string, source: LayoutDocument['source'], items: readonly BoxItem[], outline: RoomOutline): LayoutDocument {
  const polygon = simplifyPolygon(outline.polygon, OUTLINE_TOLERANCE);
  const height = outline.ceilingZ - outline.floorZ;
  const walls = wallsOf(polygon, height);
  const middle = polygonCentroid(polygon);
  const objects: LayoutObject[] = items.map((item) => {
    const opening = isOpeningCategory(item.category);
    const frame = item.frontKnown ? { yaw: wrapAngle(item.yaw), size: item.size } : opening ? { yaw: item.yaw, size: item.size } : guessFront(item, walls, middle);
    const o: LayoutObject = {
      id: item.id,
      category: item.category,
      kind: opening ? 'opening' : 'furniture',
      pose: { center: [...item.center], yaw: frame.yaw },
      size: [...frame.size],
      front: item.frontKnown ? 'data' : 'guessed',
      support: opening ? { kind: 'mounted' } : supportOf(item, items, outline.floorZ),
      sizeClass: sizeClassOf(item.size),
      movable: !opening,
    };
    if (item.color) o.color = [...item.color];
    if (item.instanceId !== undefined) o.instanceId = item.instanceId;
    if (item.pointCount !== undefined) o.pointCount = item.pointCount;
    return o;
  });
  const openings: Opening[] = [];
  const counts = { door: 0, window: 0 };
  for (const o of objects) {
    if (o.kind !== 'opening') continue;
    const near = nearestWall(walls, [o.pose.center[0], o.pose.center[1]]);
    if (!near) continue;
    const kind = openingKind(o.category);
    const along: Vec2 = [near.wall.b[0] - near.wall.a[0], near.wall.b[1] - near.wall.a[1]];
    const len = Math.hypot(along[0], along[1]) || 1;
    // Width: the box's extent along the wall.
    const c = Math.cos(o.pose.yaw);
    const s = Math.sin(o.pose.yaw);
    const width = o.size[0] * Math.abs(c * along[0] + s * along[1]) / len + o.size[1] * Math.abs(-s * along[0] + c * along[1]) / len;
    openings.push({ id: `${kind}_${counts[kind]++}`, kind, objectId: o.id, wallId: near.wall.id, center: [...o.pose.center], width, height: o.size[2] });
  }
  const room: LayoutRoom = { polygon, method: outline.method, area: Math.abs(polygonArea(polygon)), floorZ: outline.floorZ, ceilingZ: outline.ceilingZ, walls, openings };
  return { version: 1, sceneId, source, room, objects };
}
