// The procedural sample room: shell → furniture layout → surfaces → points. Every step draws from its
// own seeded stream, so the same seed gives the same arrays on every runtime.
import { AppError } from '../contract/errors';
import type { PointScene, SceneInstance, Vec3 } from '../scene/types';
import { box, partsBounds, type Part, type Rgb } from './parts';
import { drawShell, layoutRoom, ROOM_PROGRAMS, WALL_SIDES, wallFrame, type Opening, type RoomShell, type RoomType, type WallFrame } from './layout';
import { deriveSeed, Random } from './random';
import { sampleSurfaces, type RectSurface, type Surface } from './sampling';
import { partSurfaces, type Pose, type RoomBounds } from './surfaces';

export interface RoomObject {
  instanceId: number;
  /** The instance label: 'floor', 'wall', 'door', 'window' or a furniture category. */
  category: string;
  /** Catalogue model for furniture; equals the category for structure and openings. */
  model: string;
  kind: 'structure' | 'opening' | 'furniture';
  /** Centre of the ground-truth box, metres, scene frame. */
  center: Vec3;
  /** Full extents along the box's own x (width), y (depth), z (height). */
  size: Vec3;
  /** Rotation about +z, radians; the object's front is its local +y. */
  yaw: number;
  /** Instance this object stands on, when not on the floor. */
  supportId?: number;
}

export interface SampleRoom {
  scene: PointScene;
  objects: RoomObject[];
  shell: RoomShell;
  roomType: RoomType;
}

export interface SampleRoomOptions {
  seed?: number;
  targetPoints?: number;
  roomType?: RoomType;
  /** Depth noise standard deviation in metres (default 3 mm). */
  noiseSigma?: number;
}

export const DEFAULT_SEED = 7;
export const DEFAULT_POINTS = 200_000;
const MAX_POINTS = 50_000_000;

const WALL_COLORS: Rgb[] = [[232, 228, 220], [224, 226, 228], [236, 230, 214], [214, 220, 212]];
const FLOOR_COLORS: Rgb[] = [[176, 136, 96], [150, 112, 80], [140, 140, 138], [196, 176, 146]];
const TRIM_COLORS: Rgb[] = [[244, 244, 240], [120, 90, 64], [60, 60, 62]];

const INSTANCE_FLOOR = 1;
const INSTANCE_FIRST_WALL = 2;

/** Door casing: two jambs and a head, 2 cm proud of the wall, around an open doorway. */
function doorParts(o: Opening, color: Rgb): Part[] {
  const t = 0.07;
  return [box(-(o.width / 2 + t / 2), 0, 0, t, 0.02, o.height, color), box(o.width / 2 + t / 2, 0, 0, t, 0.02, o.height, color), box(0, 0, o.height, o.width + 2 * t, 0.02, t, color)];
}

/** Window frame with a mullion and a sill; the glass is left out, as scanners see through it. */
const WINDOW_DEPTH = 0.14;
function windowParts(o: Opening, color: Rgb): Part[] {
  const d = WINDOW_DEPTH;
  const y = -d / 2 + 0.015;
  const outer = o.width + 0.16;
  return [
    box(0, 0, 0, outer, d, 0.03, color),
    box(-(o.width / 2 + 0.04), y, 0.03, 0.08, 0.03, o.height, color),
    box(o.width / 2 + 0.04, y, 0.03, 0.08, 0.03, o.height, color),
    box(0, y, 0.03, 0.04, 0.03, o.height, color),
    box(0, y, 0.03 + o.height, outer, 0.03, 0.08, color),
  ];
}

function wallPose(f: WallFrame, along: number, out: number, z: number): Pose {
  return { x: f.center[0] + f.tangent[0] * along + f.normal[0] * out, y: f.center[1] + f.tangent[1] * along + f.normal[1] * out, z, yaw: f.yaw };
}

function checkOptions(options: SampleRoomOptions): { seed: number; targetPoints: number; roomType: RoomType; noiseSigma: number } {
  const seed = options.seed ?? DEFAULT_SEED;
  const targetPoints = options.targetPoints ?? DEFAULT_POINTS;
  const roomType = options.roomType ?? 'studio';
  const noiseSigma = options.noiseSigma ?? 0.003;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) throw new AppError('invalid_input', `sample room: seed must be an integer in 0..4294967295, got ${seed}`);
  if (!Number.isSafeInteger(targetPoints) || targetPoints < 1000 || targetPoints > MAX_POINTS)
    throw new AppError('invalid_input', `sample room: targetPoints must be an integer in 1000..${MAX_POINTS}, got ${targetPoints}`);
  if (!(roomType in ROOM_PROGRAMS)) throw new AppError('invalid_input', `sample room: unknown roomType "${roomType}"; expected one of ${Object.keys(ROOM_PROGRAMS).join(', ')}`);
  if (!(noiseSigma >= 0 && noiseSigma <= 0.05)) throw new AppError('invalid_input', `sample room: noiseSigma must be in 0..0.05 m, got ${noiseSigma}`);
  return { seed, targetPoints, roomType, noiseSigma };
}

export function generateSampleRoom(options: SampleRoomOptions = {}): SampleRoom {
  const { seed, targetPoints, roomType, noiseSigma } = checkOptions(options);
  const program = ROOM_PROGRAMS[roomType];
  const shellRng = new Random(deriveSeed(seed, 'shell'));
  const shell = drawShell(program, shellRng);
  const placements = layoutRoom(shell, program, new Random(deriveSeed(seed, 'layout')));
  const buildRng = new Random(deriveSeed(seed, 'build'));

  const bounds: RoomBounds = { halfWidth: shell.width / 2, halfDepth: shell.depth / 2 };
  const surfaces: Surface[] = [];
  const instances: SceneInstance[] = [];
  const objects: RoomObject[] = [];
  const trim = shellRng.pick(TRIM_COLORS);
  const wallColor = shellRng.pick(WALL_COLORS);
  const floorColor = shellRng.pick(FLOOR_COLORS);

  // Floor.
  instances.push({ id: INSTANCE_FLOOR, label: 'floor' });
  objects.push({ instanceId: INSTANCE_FLOOR, category: 'floor', model: 'floor', kind: 'structure', center: [0, 0, 0], size: [shell.width, shell.depth, 0], yaw: 0 });
  surfaces.push({
    kind: 'rect',
    origin: [-shell.width / 2, -shell.depth / 2, 0],
    u: [shell.width, 0, 0],
    v: [0, shell.depth, 0],
    normal: [0, 0, 1],
    color: floorColor,
    instance: INSTANCE_FLOOR,
    area: shell.width * shell.depth,
  });

  // Openings first (their frames decide the holes in the walls), then the four walls.
  const doorId = INSTANCE_FIRST_WALL + WALL_SIDES.length;
  const windowId = doorId + 1;
  const holes = new Map<string, Array<[number, number, number, number]>>();
  const addOpening = (o: Opening, id: number, label: 'door' | 'window', parts: Part[], depth: number, z: number) => {
    const f = wallFrame(shell, o.wall);
    const pose = wallPose(f, o.offset, depth / 2, z);
    for (const part of parts) partSurfaces(part, pose, id, bounds, surfaces);
    const b = partsBounds(parts);
    instances.push({ id, label });
    objects.push({ instanceId: id, category: label, model: label, kind: 'opening', center: [pose.x, pose.y, z + b.max[2] / 2], size: [b.max[0] - b.min[0], depth, b.max[2]], yaw: f.yaw });
    // The hole covers the frame too: the wall behind a frame is hidden from the room.
    const s0 = (o.offset + b.min[0] + f.length / 2) / f.length;
    const s1 = (o.offset + b.max[0] + f.length / 2) / f.length;
    holes.set(o.wall, [...(holes.get(o.wall) ?? []), [s0, z / shell.height, s1, (z + b.max[2]) / shell.height]]);
  };
  addOpening(shell.door, doorId, 'door', doorParts(shell.door, trim), 0.02, 0);
  addOpening(shell.window, windowId, 'window', windowParts(shell.window, trim), WINDOW_DEPTH, shell.window.bottom - 0.03);

  WALL_SIDES.forEach((side, i) => {
    const id = INSTANCE_FIRST_WALL + i;
    const f = wallFrame(shell, side);
    const origin: Vec3 = [f.center[0] - (f.tangent[0] * f.length) / 2, f.center[1] - (f.tangent[1] * f.length) / 2, 0];
    const wallHoles = holes.get(side) ?? [];
    const holeArea = wallHoles.reduce((a, [s0, t0, s1, t1]) => a + (s1 - s0) * (t1 - t0), 0);
    instances.push({ id, label: 'wall' });
    objects.push({ instanceId: id, category: 'wall', model: 'wall', kind: 'structure', center: [f.center[0], f.center[1], shell.height / 2], size: [f.length, 0, shell.height], yaw: f.yaw });
    const wall: RectSurface = {
      kind: 'rect',
      origin,
      u: [f.tangent[0] * f.length, f.tangent[1] * f.length, 0],
      v: [0, 0, shell.height],
      normal: [f.normal[0], f.normal[1], 0],
      color: wallColor,
      instance: id,
      area: f.length * shell.height * (1 - holeArea),
    };
    if (wallHoles.length) wall.holes = wallHoles;
    surfaces.push(wall);
  });
  instances.sort((a, b) => a.id - b.id);
  objects.sort((a, b) => a.instanceId - b.instanceId);

  // Furniture.
  const firstFurniture = windowId + 1;
  placements.forEach((p, i) => {
    const id = firstFurniture + i;
    const parts = p.entry.build(p.size, buildRng);
    for (const part of parts) partSurfaces(part, p, id, bounds, surfaces);
    instances.push({ id, label: p.entry.category });
    const obj: RoomObject = { instanceId: id, category: p.entry.category, model: p.entry.model, kind: 'furniture', center: [p.x, p.y, p.z + p.size[2] / 2], size: [...p.size], yaw: p.yaw };
    if (p.supportIndex !== undefined) obj.supportId = firstFurniture + p.supportIndex;
    objects.push(obj);
  });

  const points = sampleSurfaces(surfaces, { count: targetPoints, noiseSigma, colorJitter: 6 }, new Random(deriveSeed(seed, 'sample')));
  const scene: PointScene = {
    id: 'sample',
    name: 'Sample room',
    source: `generated:seed=${seed}`,
    format: 'generated',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: points.positions,
    colors: points.colors,
    instanceIds: points.instanceIds,
    instances,
  };
  return { scene, objects, shell, roomType };
}
