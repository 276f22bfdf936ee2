// The simulated room as solid geometry: floor, ceiling and four wall planes (with door and window
// holes) analytically, everything else as world primitives grouped by instance. The scanner
// (scan.ts) ray-casts this; nothing here is sampled.
import type { Vec3 } from '../../scene/types';
import { drawShell, layoutRoom, WALL_SIDES, wallFrame, type Opening, type RoomShell, type WallFrame, type WallSide } from '../layout';
import { box, partsBounds, type Part, type Rgb } from '../parts';
import { deriveSeed, Random } from '../random';
import { simEntry } from './catalogue';
import { scannet20OfLabel } from './classes';
import { posePart, primitiveBounds, unionBounds, type Aabb, type Primitive } from './geometry';
import { SIM_PROGRAMS, type SimRoomType } from './programs';

export interface SimObject {
  instance: number;
  label: string;
  /** ScanNet-20 class index, -1 where the benchmark ignores the label. */
  classIndex: number;
  kind: 'structure' | 'opening' | 'furniture';
  primitives: Primitive[];
  /** World bounds of the primitives (structure: the plane's extent). */
  bounds: Aabb;
}

/** A rectangular hole in a wall plane: along-wall range (from the wall's start corner) and height range. */
export interface WallHole {
  s0: number;
  s1: number;
  z0: number;
  z1: number;
}

export interface SimWall {
  side: WallSide;
  frame: WallFrame;
  instance: number;
  color: Rgb;
  holes: WallHole[];
}

export interface SimWorld {
  roomType: SimRoomType;
  shell: RoomShell;
  walls: SimWall[];
  floor: { instance: number; color: Rgb };
  ceiling: { instance: number; color: Rgb };
  /** Every instance, structure first, in instance-id order. */
  objects: SimObject[];
  /** Non-structure objects (openings and furniture): what rays test besides the planes. */
  solids: SimObject[];
  /** Ceiling lights: positions for shading. */
  lights: Vec3[];
}

export const FLOOR_INSTANCE = 1;
export const FIRST_WALL_INSTANCE = 2;
export const CEILING_INSTANCE = 6;
const FIRST_OBJECT_INSTANCE = 7;

const WALL_COLORS: Rgb[] = [[232, 228, 220], [224, 226, 228], [236, 230, 214], [214, 220, 212], [196, 204, 214], [240, 238, 234], [226, 212, 196]];
const FLOOR_COLORS: Rgb[] = [[176, 136, 96], [150, 112, 80], [140, 140, 138], [196, 176, 146], [110, 100, 96], [210, 206, 200], [96, 80, 70]];
const TRIM_COLORS: Rgb[] = [[244, 244, 240], [120, 90, 64], [60, 60, 62], [200, 186, 160]];
const PICTURE_COLORS: Rgb[] = [[40, 60, 120], [180, 60, 40], [220, 200, 120], [30, 30, 30], [90, 140, 90], [240, 240, 240]];
const CURTAIN_COLORS: Rgb[] = [[236, 232, 220], [120, 130, 150], [180, 160, 130], [90, 60, 60], [200, 210, 220]];

export function buildWorld(seed: number, roomType: SimRoomType): SimWorld {
  const program = SIM_PROGRAMS[roomType];
  const shellRng = new Random(deriveSeed(seed, 'sim-shell'));
  const shell = drawShell(program, shellRng);
  const placements = layoutRoom(shell, program, new Random(deriveSeed(seed, 'sim-layout')), simEntry);
  const rng = new Random(deriveSeed(seed, 'sim-build'));
  const trim = rng.pick(TRIM_COLORS);
  const wallColor = rng.pick(WALL_COLORS);
  const floorColor = rng.pick(FLOOR_COLORS);

  const objects: SimObject[] = [];
  const halfW = shell.width / 2;
  const halfD = shell.depth / 2;
  objects.push(structure(FLOOR_INSTANCE, 'floor', [-halfW, -halfD, 0, halfW, halfD, 0]));
  const walls: SimWall[] = WALL_SIDES.map((side, i) => {
    const frame = wallFrame(shell, side);
    const x0 = frame.center[0] - (frame.tangent[0] * frame.length) / 2;
    const y0 = frame.center[1] - (frame.tangent[1] * frame.length) / 2;
    const x1 = x0 + frame.tangent[0] * frame.length;
    const y1 = y0 + frame.tangent[1] * frame.length;
    objects.push(structure(FIRST_WALL_INSTANCE + i, 'wall', [Math.min(x0, x1), Math.min(y0, y1), 0, Math.max(x0, x1), Math.max(y0, y1), shell.height]));
    return { side, frame, instance: FIRST_WALL_INSTANCE + i, color: wallColor, holes: [] };
  });
  objects.push(structure(CEILING_INSTANCE, 'ceiling', [-halfW, -halfD, shell.height, halfW, halfD, shell.height]));

  let next = FIRST_OBJECT_INSTANCE;
  const add = (label: string, kind: SimObject['kind'], primitives: Primitive[]) => {
    objects.push({ instance: next, label, classIndex: scannet20OfLabel(label), kind, primitives, bounds: unionBounds(primitives.map(primitiveBounds)) });
    return next++;
  };
  const wallOf = (side: WallSide) => walls[WALL_SIDES.indexOf(side)]!;
  /** Pose of a wall-hung thing: `along` from the wall's midpoint, `out` into the room, base at z. */
  const onWall = (f: WallFrame, along: number, out: number, z: number) => ({
    x: f.center[0] + f.tangent[0] * along + f.normal[0] * out,
    y: f.center[1] + f.tangent[1] * along + f.normal[1] * out,
    z,
    yaw: f.yaw,
  });
  const hole = (o: Opening, parts: Part[]) => {
    const w = wallOf(o.wall);
    const b = partsBounds(parts);
    const s = o.offset + w.frame.length / 2;
    w.holes.push({ s0: s - o.width / 2, s1: s + o.width / 2, z0: o.bottom, z1: o.bottom + o.height });
    return b;
  };

  // Door: casing around the opening, and the leaf either closed in the opening or swung into the room.
  {
    const o = shell.door;
    const f = wallOf(o.wall).frame;
    const t = 0.07;
    const casing = [box(-(o.width / 2 + t / 2), 0, 0, t, 0.02, o.height + t, trim), box(o.width / 2 + t / 2, 0, 0, t, 0.02, o.height + t, trim), box(0, 0, o.height, o.width, 0.02, t, trim)];
    hole(o, casing);
    const pose = onWall(f, o.offset, 0.01, 0);
    const prims = casing.map((p) => posePart(p, pose, next));
    const leafColor = rng.pick([...TRIM_COLORS, [170, 130, 90]] as Rgb[]);
    if (rng.chance(0.45)) {
      prims.push(posePart(box(0, -0.05, 0, o.width, 0.04, o.height - 0.01, leafColor), pose, next));
    } else {
      // Hinged on one jamb, opened 60–105° into the room.
      const hingeSide = rng.chance(0.5) ? 1 : -1;
      const angle = rng.range(Math.PI / 3, (7 * Math.PI) / 12);
      const dx = -hingeSide * Math.cos(angle);
      const dy = Math.sin(angle);
      const hx = o.offset + (hingeSide * o.width) / 2;
      const cx = hx + (dx * o.width) / 2;
      const cy = 0.03 + (dy * o.width) / 2;
      const leafPose = { ...onWall(f, cx, cy, 0), yaw: f.yaw + Math.atan2(dy, dx) };
      prims.push(posePart(box(0, 0, 0, o.width - 0.01, 0.04, o.height - 0.01, leafColor), leafPose, next));
    }
    add('door', 'opening', prims);
  }

  // Window: frame, mullion and sill; the glass is not there for the scanner.
  {
    const o = shell.window;
    const f = wallOf(o.wall).frame;
    const d = 0.14;
    const y = -d / 2 + 0.015;
    const outer = o.width + 0.16;
    const parts = [
      box(0, 0, -0.03, outer, d, 0.03, trim),
      box(-(o.width / 2 + 0.04), y, 0, 0.08, 0.03, o.height, trim),
      box(o.width / 2 + 0.04, y, 0, 0.08, 0.03, o.height, trim),
      box(0, y, 0, 0.04, 0.03, o.height, trim),
      box(0, y, o.height, outer, 0.03, 0.08, trim),
    ];
    hole(o, parts);
    const pose = onWall(f, o.offset, d / 2, o.bottom);
    add('window', 'opening', parts.map((p) => posePart(p, pose, next)));
  }

  // Furniture from the layout, each with the instances that come with it (counter tops, sinks, curtains).
  for (const p of placements) {
    const entry = simEntry(p.entry.model);
    const pose = { x: p.x, y: p.y, z: p.z, yaw: p.yaw };
    add(entry.category, 'furniture', entry.build(p.size, rng).map((part) => posePart(part, pose, next)));
    for (const extra of entry.extras?.(p.size, rng) ?? []) add(extra.label, 'furniture', extra.parts.map((part) => posePart(part, pose, next)));
    if (program.upperCabinets && entry.model === 'base_cabinet') {
      // Upper cabinets hang over the run, backs on the same wall.
      const depth = 0.34;
      const h = rng.range(0.6, 0.75);
      const color = rng.pick([[240, 240, 236], [120, 132, 140], [196, 160, 118]] as Rgb[]);
      const back = -(p.size[1] - depth) / 2;
      const c = Math.cos(p.yaw);
      const s = Math.sin(p.yaw);
      const upPose = { x: p.x - s * back, y: p.y + c * back, z: rng.range(1.42, 1.52), yaw: p.yaw };
      if (upPose.z + h < shell.height - 0.02) add('cabinet', 'furniture', [posePart(box(0, 0, 0, p.size[0], depth, h, color), upPose, next)]);
    }
  }

  // Curtains either side of the window.
  if (rng.chance(program.curtains)) {
    const o = shell.window;
    const f = wallOf(o.wall).frame;
    const color = rng.pick(CURTAIN_COLORS);
    const top = Math.min(shell.height - 0.03, o.bottom + o.height + rng.range(0.1, 0.3));
    const bottom = rng.chance(0.6) ? 0.02 : Math.max(0.02, o.bottom - 0.15);
    const prims: Primitive[] = [];
    for (const side of [-1, 1]) {
      const w = rng.range(0.25, 0.55);
      const along = o.offset + side * (o.width / 2 + 0.08 + w / 2 - rng.range(0, 0.2));
      if (Math.abs(along) + w / 2 > f.length / 2 - 0.02) continue;
      prims.push(posePart(box(0, 0, 0, w, rng.range(0.04, 0.09), top - bottom, color), onWall(f, along, 0.2, bottom), next));
    }
    if (prims.length) add('curtain', 'furniture', prims);
  }

  // Pictures and whiteboards, kept off the openings.
  const hung: Array<{ side: WallSide; a0: number; a1: number }> = [
    { side: shell.door.wall, a0: shell.door.offset - shell.door.width / 2 - 0.15, a1: shell.door.offset + shell.door.width / 2 + 0.15 },
    { side: shell.window.wall, a0: shell.window.offset - shell.window.width / 2 - 0.15, a1: shell.window.offset + shell.window.width / 2 + 0.15 },
  ];
  const hang = (label: string, w: number, h: number, depth: number, zCenter: number, color: Rgb) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const side = rng.pick(WALL_SIDES);
      const f = wallOf(side).frame;
      const span = f.length / 2 - w / 2 - 0.2;
      if (span <= 0) continue;
      const along = rng.range(-span, span);
      if (hung.some((h2) => h2.side === side && along + w / 2 > h2.a0 && along - w / 2 < h2.a1)) continue;
      hung.push({ side, a0: along - w / 2, a1: along + w / 2 });
      add(label, 'furniture', [posePart(box(0, 0, 0, w, depth, h, color), onWall(f, along, depth / 2 + 0.002, zCenter - h / 2), next)]);
      return;
    }
  };
  if (rng.chance(program.whiteboard)) hang('whiteboard', rng.range(1.2, 2.4), rng.range(0.9, 1.2), 0.025, rng.range(1.35, 1.55), [246, 246, 244]);
  const pictures = rng.int(program.pictures[0], program.pictures[1]);
  for (let i = 0; i < pictures; i++) hang('picture', rng.range(0.3, 1.1), rng.range(0.3, 0.8), rng.range(0.02, 0.05), rng.range(1.3, 1.8), rng.pick(PICTURE_COLORS));

  const lights: Vec3[] = [];
  const nLights = shell.width * shell.depth > 16 ? 2 : 1;
  for (let i = 0; i < nLights; i++) lights.push([rng.range(-0.3, 0.3) * shell.width, rng.range(-0.3, 0.3) * shell.depth, shell.height - 0.05]);

  return {
    roomType,
    shell,
    walls,
    floor: { instance: FLOOR_INSTANCE, color: floorColor },
    ceiling: { instance: CEILING_INSTANCE, color: [246, 246, 244] },
    objects,
    solids: objects.filter((o) => o.kind !== 'structure'),
    lights,
  };
}

function structure(instance: number, label: string, bounds: Aabb): SimObject {
  return { instance, label, classIndex: scannet20OfLabel(label), kind: 'structure', primitives: [], bounds };
}
