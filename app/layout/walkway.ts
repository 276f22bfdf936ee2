// Walkway clearance: a person needs a WALKWAY_WIDTH-wide path. On a grid over the room, a cell is
// walkable when its centre is half that width from every wall and from every object one cannot walk
// through (anything reaching below OBSTACLE_BELOW above the floor). Flood from the doors (from the
// largest walkable region when there is no door); placing the target must not cut off more than
// MAX_CUT_OFF of floor that was reachable without it.
import { bottomOf, footprint } from './pose';
import { distanceToBoundary, pointInPolygon } from './room-geometry';
import { inwardNormal } from './build';
import type { LayoutDocument, LayoutObject, Pose, Vec2 } from './types';

export const WALKWAY_WIDTH = 0.6;
export const WALKWAY_CELL = 0.1;
/** Objects whose bottom is higher than this above the floor (wall cabinets, lamps overhead) do not block walking. */
export const OBSTACLE_BELOW = 1.2;
/** m² of floor the placed object may cut off from the doors (its own footprint and clearance do not count). */
export const MAX_CUT_OFF = 0.5;

export interface WalkwayCheck {
  pass: boolean;
  /** Floor area (m²) reachable from the doors before and after, minus what the object itself covers. */
  cutOff: number;
  reachableBefore: number;
  reachableAfter: number;
  seeds: string;
}

/** Grid of the room; `blocked` marks cells too close to walls or to the fixed obstacles. */
export class WalkwayGrid {
  readonly nx: number;
  readonly ny: number;
  readonly x0: number;
  readonly y0: number;
  readonly base: Uint8Array;
  readonly seeds: number[];
  readonly seedNote: string;

  constructor(
    readonly doc: LayoutDocument,
    /** Objects left out of the fixed obstacles (the target and what rides on it). */
    exclude: ReadonlySet<number>,
  ) {
    const walls = wallMask(doc.room);
    this.x0 = walls.x0;
    this.y0 = walls.y0;
    this.nx = walls.nx;
    this.ny = walls.ny;
    this.base = new Uint8Array(walls.mask);
    const r = WALKWAY_WIDTH / 2;
    for (const o of doc.objects) if (!exclude.has(o.id) && blocks(doc, o)) this.stamp(this.base, o.size, o.pose);
    // Seeds: a door's approach, half a walkway in front of it.
    const seeds: number[] = [];
    for (const op of doc.room.openings) {
      if (op.kind !== 'door') continue;
      const wall = doc.room.walls.find((w) => w.id === op.wallId);
      if (!wall) continue;
      const n = inwardNormal(wall);
      const cell = this.nearestFree([op.center[0] + n[0] * (r + WALKWAY_CELL), op.center[1] + n[1] * (r + WALKWAY_CELL)], this.base);
      if (cell >= 0) seeds.push(cell);
    }
    if (seeds.length > 0) {
      this.seeds = seeds;
      this.seedNote = `${seeds.length} door(s)`;
    } else {
      this.seeds = this.largestRegionSeed();
      this.seedNote = 'no reachable door: the largest walkable region';
    }
  }

  centre(i: number, j: number): Vec2 {
    return [this.x0 + (i + 0.5) * WALKWAY_CELL, this.y0 + (j + 0.5) * WALKWAY_CELL];
  }

  /** Marks the cells whose centre is within half a walkway of the footprint (distance in the box's own frame); `cells` collects the ones newly marked. */
  stamp(grid: Uint8Array, size: LayoutObject['size'], pose: Pose, cells?: number[]): number {
    const corners = footprint(size, pose);
    const r = WALKWAY_WIDTH / 2;
    const c = Math.cos(pose.yaw);
    const s = Math.sin(pose.yaw);
    const hx = size[0] / 2;
    const hy = size[1] / 2;
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    const i0 = Math.max(0, Math.floor((Math.min(...xs) - r - this.x0) / WALKWAY_CELL));
    const i1 = Math.min(this.nx - 1, Math.floor((Math.max(...xs) + r - this.x0) / WALKWAY_CELL));
    const j0 = Math.max(0, Math.floor((Math.min(...ys) - r - this.y0) / WALKWAY_CELL));
    const j1 = Math.min(this.ny - 1, Math.floor((Math.max(...ys) + r - this.y0) / WALKWAY_CELL));
    let n = 0;
    for (let j = j0; j <= j1; j++)
      for (let i = i0; i <= i1; i++) {
        const k = j * this.nx + i;
        if (grid[k]) continue;
        const dx = this.x0 + (i + 0.5) * WALKWAY_CELL - pose.center[0];
        const dy = this.y0 + (j + 0.5) * WALKWAY_CELL - pose.center[1];
        const ex = Math.max(0, Math.abs(c * dx + s * dy) - hx);
        const ey = Math.max(0, Math.abs(-s * dx + c * dy) - hy);
        if (ex * ex + ey * ey < r * r) {
          grid[k] = 1;
          cells?.push(k);
          n++;
        }
      }
    return n;
  }

  private nearestFree(p: Vec2, grid: Uint8Array): number {
    let best = -1;
    let bestD = 0.6;
    const ci = Math.floor((p[0] - this.x0) / WALKWAY_CELL);
    const cj = Math.floor((p[1] - this.y0) / WALKWAY_CELL);
    const k = Math.ceil(bestD / WALKWAY_CELL) + 1;
    for (let j = Math.max(0, cj - k); j <= Math.min(this.ny - 1, cj + k); j++)
      for (let i = Math.max(0, ci - k); i <= Math.min(this.nx - 1, ci + k); i++) {
        if (grid[j * this.nx + i]) continue;
        const c = this.centre(i, j);
        const d = Math.hypot(c[0] - p[0], c[1] - p[1]);
        if (d < bestD) {
          bestD = d;
          best = j * this.nx + i;
        }
      }
    return best;
  }

  private largestRegionSeed(): number[] {
    const seen = new Uint8Array(this.base);
    let best = { seed: -1, size: 0 };
    for (let k = 0; k < seen.length; k++) {
      if (seen[k]) continue;
      const size = this.flood(seen, [k]);
      if (size > best.size) best = { seed: k, size };
    }
    return best.seed >= 0 ? [best.seed] : [];
  }

  /** Cells reachable from the seeds through free cells (4-neighbours); marks them in `grid`. */
  flood(grid: Uint8Array, seeds: readonly number[]): number {
    const stack = seeds.filter((s) => !grid[s]);
    for (const s of stack) grid[s] = 1;
    let n = 0;
    while (stack.length > 0) {
      const k = stack.pop()!;
      n++;
      const i = k % this.nx;
      const j = (k - i) / this.nx;
      const next = [i > 0 ? k - 1 : -1, i < this.nx - 1 ? k + 1 : -1, j > 0 ? k - this.nx : -1, j < this.ny - 1 ? k + this.nx : -1];
      for (const q of next)
        if (q >= 0 && !grid[q]) {
          grid[q] = 1;
          stack.push(q);
        }
    }
    return n;
  }

  /** Cells reachable from the seeds without the target: computed once, the same for every candidate. */
  private reachable: { mask: Uint8Array; count: number } | null = null;
  /** Results by the set of cells a candidate covers: neighbouring candidates a centimetre apart usually cover the same cells. */
  private readonly byCells = new Map<string, { after: number; covered: number }>();

  /** Reachable area without the target, then with the moving footprints stamped in. */
  check(movers: ReadonlyArray<{ o: LayoutObject; pose: Pose }>): WalkwayCheck {
    const cellArea = WALKWAY_CELL * WALKWAY_CELL;
    if (!this.reachable) {
      const mask = new Uint8Array(this.base);
      const count = this.flood(mask, this.seeds);
      // flood marks the reachable cells and the blocked ones alike: keep only what it reached.
      for (let k = 0; k < mask.length; k++) mask[k] = mask[k] && !this.base[k] ? 1 : 0;
      this.reachable = { mask, count };
    }
    const before = this.reachable.count;
    const grid = new Uint8Array(this.base);
    const cells: number[] = [];
    for (const m of movers) if (blocks(this.doc, m.o, m.pose)) this.stamp(grid, m.o.size, m.pose, cells);
    const key = cells.sort((a, b) => a - b).join(',');
    let known = this.byCells.get(key);
    if (!known) {
      // Covering only cells nobody could reach leaves the reachable area as it was: no flood needed.
      const touches = cells.some((k) => this.reachable!.mask[k] === 1);
      known = { after: touches ? this.flood(grid, this.seeds) : before, covered: cells.length };
      this.byCells.set(key, known);
    }
    const { after, covered } = known;
    const cutOff = Math.max(0, (before - after - covered) * cellArea);
    return { pass: cutOff <= MAX_CUT_OFF, cutOff, reachableBefore: before * cellArea, reachableAfter: after * cellArea, seeds: this.seedNote };
  }
}

interface WallMask {
  x0: number;
  y0: number;
  nx: number;
  ny: number;
  /** 1 where a cell centre is outside the room or nearer than half a walkway to a wall. */
  mask: Uint8Array;
}

/** The walls never move during an edit: their part of the grid is computed once per room outline. */
const WALL_MASKS = new WeakMap<LayoutDocument['room'], WallMask>();

function wallMask(room: LayoutDocument['room']): WallMask {
  const cached = WALL_MASKS.get(room);
  if (cached) return cached;
  const poly = room.polygon;
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const nx = Math.max(1, Math.ceil((Math.max(...xs) - x0) / WALKWAY_CELL));
  const ny = Math.max(1, Math.ceil((Math.max(...ys) - y0) / WALKWAY_CELL));
  const mask = new Uint8Array(nx * ny);
  const r = WALKWAY_WIDTH / 2;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const p: Vec2 = [x0 + (i + 0.5) * WALKWAY_CELL, y0 + (j + 0.5) * WALKWAY_CELL];
      if (!pointInPolygon(p, poly) || distanceToBoundary(p, poly) < r) mask[j * nx + i] = 1;
    }
  const out = { x0, y0, nx, ny, mask };
  WALL_MASKS.set(room, out);
  return out;
}

/** Can one walk under it? Only when it hangs high (wall cabinets, ceiling lights). */
function blocks(doc: LayoutDocument, o: LayoutObject, pose: Pose = o.pose): boolean {
  if (o.kind === 'opening') return false;
  return bottomOf({ size: o.size, pose }) - doc.room.floorZ < OBSTACLE_BELOW;
}
