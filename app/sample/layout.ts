// The layout step: draws a room shell (walls, door, window) and places a room program's furniture in
// it: no overlaps, clearance to walls, the door swing kept free, tall pieces kept out of the window.
import type { Vec3 } from '../scene/types';
import { catalogueEntry, drawSize, type CatalogueEntry, type Range } from './catalogue';
import { rectContains, rectInside, rectsOverlap, type Rect } from './footprint';
import type { Random } from './random';

export type WallSide = 'south' | 'east' | 'north' | 'west';
export const WALL_SIDES: readonly WallSide[] = ['south', 'east', 'north', 'west'];

export interface Opening {
  wall: WallSide;
  /** Centre along the wall, measured from the wall's midpoint in the wall's own direction. */
  offset: number;
  width: number;
  /** Height of the opening's bottom above the floor (0 for a door). */
  bottom: number;
  height: number;
}

export interface RoomShell {
  /** Extent along x; walls at x = ±width/2. */
  width: number;
  /** Extent along y; walls at y = ±depth/2. */
  depth: number;
  height: number;
  door: Opening;
  window: Opening;
}

/** How an object standing against a wall is oriented: its front (local +y) faces `normal`. */
export interface WallFrame {
  side: WallSide;
  yaw: number;
  /** Midpoint of the wall at floor level. */
  center: [number, number];
  /** Direction of the wall (local +x of an object backed against it). */
  tangent: [number, number];
  /** Into the room. */
  normal: [number, number];
  length: number;
}

export function wallFrame(shell: RoomShell, side: WallSide): WallFrame {
  const W = shell.width / 2;
  const D = shell.depth / 2;
  switch (side) {
    case 'south':
      return { side, yaw: 0, center: [0, -D], tangent: [1, 0], normal: [0, 1], length: shell.width };
    case 'east':
      return { side, yaw: Math.PI / 2, center: [W, 0], tangent: [0, 1], normal: [-1, 0], length: shell.depth };
    case 'north':
      return { side, yaw: Math.PI, center: [0, D], tangent: [-1, 0], normal: [0, -1], length: shell.width };
    case 'west':
      return { side, yaw: -Math.PI / 2, center: [-W, 0], tangent: [0, -1], normal: [1, 0], length: shell.depth };
  }
}

/** One placed catalogue item. (x, y) is the footprint centre, z the base elevation. */
export interface Placement {
  entry: CatalogueEntry;
  size: Vec3;
  x: number;
  y: number;
  z: number;
  yaw: number;
  /** Index into the placements of the object this one stands on. */
  supportIndex?: number;
}

export function footprint(p: Pick<Placement, 'x' | 'y' | 'yaw' | 'size'>): Rect {
  return { cx: p.x, cy: p.y, hx: p.size[0] / 2, hy: p.size[1] / 2, yaw: p.yaw };
}

// ---- room programs ---------------------------------------------------------------------------

type Where =
  | { at: 'wall' }
  | { at: 'free'; anyYaw?: boolean }
  /** Next to the anchor along the same wall, backs aligned (nightstand by a bed). */
  | { at: 'beside'; of: string }
  /** In front of the anchor, same orientation (coffee table before a sofa). */
  | { at: 'front'; of: string }
  /** Facing the anchor from its sides (chairs around a table, a chair at a desk). */
  | { at: 'around'; of: string }
  /** Standing on the anchor's top. */
  | { at: 'on'; of: string };

export type ProgramStep = Where & {
  model: string;
  /** Name later steps use as an anchor. */
  id?: string;
  /** How many to place, inclusive range; default one. */
  count?: readonly [number, number];
  /** Probability that the step runs at all; default 1. */
  chance?: number;
  /** A layout that cannot place a required step is thrown away and drawn again. */
  required?: boolean;
};

export interface RoomProgram {
  width: Range;
  depth: Range;
  steps: readonly ProgramStep[];
}

export type RoomType = 'studio' | 'bedroom' | 'living' | 'office';

export const ROOM_PROGRAMS: Record<RoomType, RoomProgram> = {
  // The default sample: a bit of everything, and always an armchair and a table.
  studio: {
    width: [6.0, 7.0],
    depth: [5.2, 6.0],
    steps: [
      { model: 'bed', id: 'bed', at: 'wall', required: true },
      { model: 'nightstand', id: 'nightstand', at: 'beside', of: 'bed', count: [1, 2] },
      { model: 'table_lamp', at: 'on', of: 'nightstand', chance: 0.8 },
      { model: 'sofa', id: 'sofa', at: 'wall', required: true },
      { model: 'coffee_table', at: 'front', of: 'sofa' },
      { model: 'dining_table', id: 'table', at: 'free', required: true },
      { model: 'chair', at: 'around', of: 'table', count: [2, 4] },
      { model: 'armchair', at: 'free', anyYaw: true, required: true },
      { model: 'wardrobe', at: 'wall' },
      { model: 'sideboard', id: 'sideboard', at: 'wall' },
      { model: 'tv', at: 'on', of: 'sideboard', chance: 0.8 },
      { model: 'bookshelf', at: 'wall' },
      { model: 'floor_lamp', at: 'wall' },
      { model: 'plant', at: 'wall', count: [1, 2] },
    ],
  },
  bedroom: {
    width: [3.4, 4.6],
    depth: [3.4, 4.4],
    steps: [
      { model: 'bed', id: 'bed', at: 'wall', required: true },
      { model: 'nightstand', id: 'nightstand', at: 'beside', of: 'bed', count: [1, 2] },
      { model: 'table_lamp', at: 'on', of: 'nightstand', count: [1, 2] },
      { model: 'wardrobe', at: 'wall', required: true },
      { model: 'desk', id: 'desk', at: 'wall', chance: 0.6 },
      { model: 'chair', at: 'around', of: 'desk' },
      { model: 'armchair', at: 'free', anyYaw: true, chance: 0.5 },
      { model: 'bookshelf', at: 'wall', chance: 0.5 },
      { model: 'plant', at: 'wall', chance: 0.5 },
    ],
  },
  living: {
    width: [4.2, 6.0],
    depth: [3.8, 5.2],
    steps: [
      { model: 'sofa', id: 'sofa', at: 'wall', required: true },
      { model: 'coffee_table', at: 'front', of: 'sofa', required: true },
      { model: 'armchair', at: 'free', anyYaw: true, count: [1, 2], required: true },
      { model: 'sideboard', id: 'sideboard', at: 'wall' },
      { model: 'tv', at: 'on', of: 'sideboard' },
      { model: 'dining_table', id: 'table', at: 'free', chance: 0.6 },
      { model: 'chair', at: 'around', of: 'table', count: [2, 4] },
      { model: 'bookshelf', at: 'wall', count: [1, 2] },
      { model: 'floor_lamp', at: 'wall' },
      { model: 'plant', at: 'wall', count: [1, 2] },
    ],
  },
  office: {
    width: [3.6, 5.2],
    depth: [3.4, 4.6],
    steps: [
      { model: 'desk', id: 'desk', at: 'wall', count: [1, 2], required: true },
      { model: 'chair', at: 'around', of: 'desk' },
      { model: 'table_lamp', at: 'on', of: 'desk', chance: 0.5 },
      { model: 'bookshelf', at: 'wall', count: [1, 3] },
      { model: 'sideboard', at: 'wall', chance: 0.6 },
      { model: 'dining_table', id: 'table', at: 'free', chance: 0.5 },
      { model: 'chair', at: 'around', of: 'table', count: [2, 4] },
      { model: 'armchair', at: 'free', anyYaw: true, chance: 0.6 },
      { model: 'plant', at: 'wall', count: [1, 2] },
    ],
  },
};

// ---- shell -------------------------------------------------------------------------------------

const DOOR_WIDTH: Range = [0.8, 0.95];
const DOOR_HEIGHT: Range = [2.0, 2.1];

export function drawShell(program: RoomProgram, rng: Random): RoomShell {
  const width = rng.range(program.width[0], program.width[1]);
  const depth = rng.range(program.depth[0], program.depth[1]);
  const height = rng.range(2.6, 2.8);
  const wallLength = (side: WallSide) => (side === 'south' || side === 'north' ? width : depth);
  // Openings keep 0.3 m (door) / 0.4 m (window) of wall to each corner, frames included.
  const doorWall = rng.pick(WALL_SIDES);
  const doorWidth = rng.range(DOOR_WIDTH[0], DOOR_WIDTH[1]);
  const doorSpan = wallLength(doorWall) / 2 - doorWidth / 2 - 0.3;
  const door: Opening = { wall: doorWall, offset: rng.range(-doorSpan, doorSpan), width: doorWidth, bottom: 0, height: rng.range(DOOR_HEIGHT[0], DOOR_HEIGHT[1]) };
  const windowWall = rng.pick(WALL_SIDES.filter((s) => s !== doorWall));
  const windowWidth = rng.range(1.0, Math.min(1.8, wallLength(windowWall) - 1.2));
  const bottom = rng.range(0.85, 1.0);
  const windowSpan = wallLength(windowWall) / 2 - windowWidth / 2 - 0.4;
  const window: Opening = {
    wall: windowWall,
    offset: rng.range(-windowSpan, windowSpan),
    width: windowWidth,
    bottom,
    height: Math.min(rng.range(1.1, 1.4), height - bottom - 0.25),
  };
  return { width, depth, height, door, window };
}

/** A rectangle on the floor in front of an opening, `reach` metres deep, `margin` wider each side. */
function openingZone(shell: RoomShell, o: Opening, reach: number, margin: number): Rect {
  const f = wallFrame(shell, o.wall);
  return {
    cx: f.center[0] + f.tangent[0] * o.offset + f.normal[0] * (reach / 2),
    cy: f.center[1] + f.tangent[1] * o.offset + f.normal[1] * (reach / 2),
    hx: o.width / 2 + margin,
    hy: reach / 2,
    yaw: f.yaw,
  };
}

/** The floor the door leaf sweeps (it opens into the room), plus a step of clearance. */
export function doorSwingZone(shell: RoomShell): Rect {
  return openingZone(shell, shell.door, shell.door.width + 0.1, 0.05);
}

/** Nothing taller than the sill may stand this close in front of the window. */
export function windowZone(shell: RoomShell): Rect {
  return openingZone(shell, shell.window, 0.5, 0.1);
}

// ---- placement ---------------------------------------------------------------------------------

/** Clearance between any wall and any furniture footprint. */
export const WALL_CLEARANCE = 0.01;
/** Clearance between two floor-standing pieces. */
export const OBJECT_GAP = 0.04;
const TRIES = 120;
const LAYOUT_ATTEMPTS = 40;

interface Candidate {
  x: number;
  y: number;
  yaw: number;
  size: Vec3;
  z: number;
  supportIndex?: number;
}

class Layout {
  readonly placements: Placement[] = [];
  private readonly anchors = new Map<string, number[]>();
  private readonly swing: Rect;
  private readonly window: Rect;

  constructor(
    readonly shell: RoomShell,
    private readonly rng: Random,
  ) {
    this.swing = doorSwingZone(shell);
    this.window = windowZone(shell);
  }

  /** Whether a candidate may stand where it is. */
  fits(c: Candidate): boolean {
    const rect = footprint(c);
    const W = this.shell.width / 2 - WALL_CLEARANCE;
    const D = this.shell.depth / 2 - WALL_CLEARANCE;
    if (!rectInside(rect, -W, -D, W, D)) return false;
    if (c.z + c.size[2] > this.shell.height - 0.05) return false;
    if (c.supportIndex !== undefined) {
      const support = this.placements[c.supportIndex]!;
      if (!rectContains(footprint(support), rect)) return false;
      // Other objects on the same support must not collide with this one.
      for (const p of this.placements) if (p.supportIndex === c.supportIndex && rectsOverlap(footprint(p), rect, 0.02)) return false;
    } else {
      if (rectsOverlap(rect, this.swing)) return false;
      for (const p of this.placements) if (p.supportIndex === undefined && rectsOverlap(footprint(p), rect, OBJECT_GAP)) return false;
    }
    if (c.z + c.size[2] > this.shell.window.bottom - 0.03 && rectsOverlap(rect, this.window)) return false;
    return true;
  }

  private add(entry: CatalogueEntry, c: Candidate, id: string | undefined) {
    const placement: Placement = { entry, size: c.size, x: c.x, y: c.y, z: c.z, yaw: normalizeAngle(c.yaw) };
    if (c.supportIndex !== undefined) placement.supportIndex = c.supportIndex;
    this.placements.push(placement);
    if (id) this.anchors.set(id, [...(this.anchors.get(id) ?? []), this.placements.length - 1]);
  }

  /** Places one instance of a step; returns false when no candidate fitted. */
  placeOne(step: ProgramStep, entry: CatalogueEntry, occurrence: number): boolean {
    for (let t = 0; t < TRIES; t++) {
      const c = this.candidate(step, entry, occurrence, t);
      if (c && this.fits(c)) {
        this.add(entry, c, step.id);
        return true;
      }
    }
    return false;
  }

  private anchor(of: string): Placement | undefined {
    const list = this.anchors.get(of);
    if (!list || list.length === 0) return undefined;
    return this.placements[this.rng.pick(list)];
  }

  private candidate(step: ProgramStep, entry: CatalogueEntry, occurrence: number, attempt: number): Candidate | null {
    const rng = this.rng;
    const size = drawSize(entry, rng);
    const [w, d] = size;
    switch (step.at) {
      case 'wall': {
        const f = wallFrame(this.shell, rng.pick(WALL_SIDES));
        const span = f.length / 2 - w / 2 - WALL_CLEARANCE;
        if (span < 0) return null;
        const u = rng.range(-span, span);
        const back = WALL_CLEARANCE + rng.range(0, 0.04);
        return { size, z: 0, yaw: f.yaw, x: f.center[0] + f.tangent[0] * u + f.normal[0] * (back + d / 2), y: f.center[1] + f.tangent[1] * u + f.normal[1] * (back + d / 2) };
      }
      case 'free': {
        const yaw = step.anyYaw ? rng.range(-Math.PI, Math.PI) : rng.pick([0, Math.PI / 2, Math.PI, -Math.PI / 2]) + rng.range(-0.12, 0.12);
        return { size, z: 0, yaw, x: rng.range(-0.5, 0.5) * this.shell.width, y: rng.range(-0.5, 0.5) * this.shell.depth };
      }
      case 'beside': {
        const a = this.anchor(step.of);
        if (!a) return null;
        // The first goes on a random side, the second on the other one.
        const side = (occurrence + (attempt % 2)) % 2 === 0 ? 1 : -1;
        const along = side * (a.size[0] / 2 + rng.range(0.05, 0.12) + w / 2);
        const out = d / 2 - a.size[1] / 2;
        return { size, z: 0, yaw: a.yaw, ...local(a, along, out) };
      }
      case 'front': {
        const a = this.anchor(step.of);
        if (!a) return null;
        return { size, z: 0, yaw: a.yaw, ...local(a, rng.range(-0.1, 0.1), a.size[1] / 2 + rng.range(0.35, 0.5) + d / 2) };
      }
      case 'around': {
        const a = this.anchor(step.of);
        if (!a) return null;
        const pull = rng.range(0.05, 0.2);
        // Sides in order of preference: front, back, then the two ends (only for tables deep enough).
        const slot = (occurrence + attempt) % 4;
        const spread = a.size[0] > 1.4 && occurrence >= 2 ? (occurrence % 2 === 0 ? -0.3 : 0.3) * a.size[0] : rng.range(-0.1, 0.1) * a.size[0];
        if (slot === 0) return { size, z: 0, yaw: a.yaw + Math.PI, ...local(a, spread, a.size[1] / 2 + pull + d / 2) };
        if (slot === 1) return { size, z: 0, yaw: a.yaw, ...local(a, spread, -(a.size[1] / 2 + pull + d / 2)) };
        if (slot === 2) return { size, z: 0, yaw: a.yaw + Math.PI / 2, ...local(a, a.size[0] / 2 + pull + d / 2, 0) };
        return { size, z: 0, yaw: a.yaw - Math.PI / 2, ...local(a, -(a.size[0] / 2 + pull + d / 2), 0) };
      }
      case 'on': {
        const list = this.anchors.get(step.of);
        if (!list || list.length === 0) return null;
        const supportIndex = list[(occurrence + attempt) % list.length]!;
        const s = this.placements[supportIndex]!;
        const freeX = Math.max(0, s.size[0] - w) / 2;
        const freeY = Math.max(0, s.size[1] - d) / 2;
        return { size, z: s.z + s.size[2], yaw: s.yaw, supportIndex, ...local(s, rng.range(-freeX, freeX), rng.range(-freeY, freeY) * 0.5) };
      }
    }
  }
}

/** The same direction as an angle in (-π, π]. */
export function normalizeAngle(a: number): number {
  const r = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return r === -Math.PI ? Math.PI : r;
}

/** World position of a point given in an anchor's local frame (x across, y towards its front). */
function local(a: Pick<Placement, 'x' | 'y' | 'yaw'>, lx: number, ly: number): { x: number; y: number } {
  const c = Math.cos(a.yaw);
  const s = Math.sin(a.yaw);
  return { x: a.x + c * lx - s * ly, y: a.y + s * lx + c * ly };
}

/**
 * Places the program's furniture. Steps run in order; a required step that cannot be placed throws
 * the whole layout away and draws again (from the same stream, so the result is still seeded).
 * `lookup` resolves a step's model (the scan simulator passes its larger catalogue).
 */
export function layoutRoom(shell: RoomShell, program: RoomProgram, rng: Random, lookup: (model: string) => CatalogueEntry = catalogueEntry): Placement[] {
  for (let attempt = 0; attempt < LAYOUT_ATTEMPTS; attempt++) {
    const layout = new Layout(shell, rng);
    let ok = true;
    for (const step of program.steps) {
      if (step.chance !== undefined && !rng.chance(step.chance)) continue;
      const entry = lookup(step.model);
      const n = step.count ? rng.int(step.count[0], step.count[1]) : 1;
      let placed = 0;
      for (let i = 0; i < n; i++) if (layout.placeOne(step, entry, i)) placed++;
      if (step.required && placed === 0) {
        ok = false;
        break;
      }
    }
    if (ok) return layout.placements;
  }
  throw new Error(`layoutRoom: could not place the required furniture in a ${shell.width.toFixed(2)}×${shell.depth.toFixed(2)} m room`);
}
