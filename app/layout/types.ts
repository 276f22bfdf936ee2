// The layout document: a room (floor polygon, walls, doors, windows) and its objects as upright
// boxes with a pose. Plain data only (no classes, no typed arrays), so an edit can be recorded as
// immer patches and a version stored as JSON.
import type { Vec3 } from '../scene/types';

export type Vec2 = [number, number];

/**
 * Where an object stands in the room. The box's local +x runs along (cos yaw, sin yaw), local +y
 * along (−sin yaw, cos yaw); the object's FRONT is its local +y (the sample room's convention).
 */
export interface Pose {
  center: Vec3;
  /** Radians about +z, wrapped to (−π, π]. */
  yaw: number;
}

/** What holds an object up: the floor, another object's top, or nothing we know of (wall- or ceiling-mounted: keeps its height). */
export type Support = { kind: 'floor' } | { kind: 'object'; id: number } | { kind: 'mounted' };

export type ObjectKind = 'furniture' | 'opening';

export type SizeClass = 'small' | 'medium' | 'large';

export interface LayoutObject {
  /** Instance id for scenes from points; a running index for box-only scenes. Stable across edits; duplicates get fresh ids. */
  id: number;
  category: string;
  kind: ObjectKind;
  pose: Pose;
  /** Full extents: width along local x, depth along local y (front–back), height. */
  size: Vec3;
  /** How the front was decided: from the data, or guessed (the open side, facing into the room). */
  front: 'data' | 'guessed';
  support: Support;
  sizeClass: SizeClass;
  /** Mean colour 0..255 of its points, when known. */
  color?: Vec3;
  /**
   * The scan instance whose points show this object (scenes from points); absent for boxes only. For
   * an original it equals `id`; a copy (duplicate) borrows its source's points, so it differs from `id`
   * and the copy's own points carry `id` as their instance id (app/layout/moved-points.ts).
   */
  instanceId?: number;
  pointCount?: number;
  /** Doors and windows stay put; everything else can be edited. */
  movable: boolean;
}

export interface Wall {
  id: string;
  /** Floor-level end points, counter-clockwise around the room; the room is on the left of a→b. */
  a: Vec2;
  b: Vec2;
  height: number;
  thickness: number;
}

export interface Opening {
  id: string;
  kind: 'door' | 'window';
  /** The object (kind 'opening') this opening was made from. */
  objectId: number;
  wallId: string;
  center: Vec3;
  width: number;
  height: number;
}

export interface LayoutRoom {
  /** Counter-clockwise, no repeated closing vertex. */
  polygon: Vec2[];
  /** How the polygon was made (points hull, box rectangle…), for the report. */
  method: string;
  area: number;
  floorZ: number;
  ceilingZ: number;
  walls: Wall[];
  openings: Opening[];
}

export interface LayoutDocument {
  version: 1;
  sceneId: string;
  source: 'points' | 'boxes';
  room: LayoutRoom;
  objects: LayoutObject[];
  /** Ids below this are taken by the scan's instances (walls and floor included): new objects (copies) are numbered from here. */
  firstFreeId?: number;
}

/** One object's pose before and after an edit; `after` null means removed, `before` null added. */
export interface PoseChange {
  id: number;
  category: string;
  before: Pose | null;
  after: Pose | null;
  /** Moved because it rests on an object that moved. */
  carried?: boolean;
  /** For an added copy: the object it copies (whose points, as shown now, draw its ghost). */
  copyOf?: number;
}

export interface EditOutcome {
  document: LayoutDocument;
  changes: PoseChange[];
}
