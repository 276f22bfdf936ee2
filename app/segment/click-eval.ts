// Simulated clicking, to score click-to-object against ground truth the way interactive
// segmentation is scored: one click at each object's most interior point (the point farthest from
// the object's boundary), then corrective clicks on the largest remaining error region until the
// mask reaches the target IoU or the click budget runs out (NoC@IoU).
import { KdTree } from '../geometry/kdtree';
import type { SuperpointFeatures } from './features';
import { promptMask, type GeometricSegmentation } from './geometric-instances';
import { knnGraph } from './knn';

export interface ClickEvalInput {
  positions: Float32Array;
  /** Dense superpoint id per point. */
  superpoints: Int32Array;
  features: SuperpointFeatures;
  /** The geometric segmentation whose promptMask answers the first click, unless `masks` is given. */
  segmentation?: GeometricSegmentation;
  /** First-click masks per target instance (superpoint ids), from a model's prompt head; see clickPoints. */
  masks?: ReadonlyMap<number, readonly number[]>;
  /** True instance id per point (-1 none). */
  truth: Int32Array;
  /** True instances to click on. */
  targets: readonly number[];
  /** Mesh triangles give the point neighbourhoods for finding boundaries; without them, 8 nearest neighbours. */
  faces?: Uint32Array;
  /** IoU a mask must reach (default 0.8). */
  targetIou?: number;
  /** Click budget, the first click included (default 10). */
  maxClicks?: number;
}

export interface ClickScore {
  instance: number;
  /** The point clicked first. */
  clickPoint: number;
  firstIou: number;
  /** Clicks until IoU ≥ target; maxClicks when never reached. */
  clicks: number;
  reached: boolean;
}

export interface ClickEvalResult {
  perInstance: ClickScore[];
  /** Mean first-click IoU. */
  clickIou: number;
  /** Mean clicks to reach the target IoU (capped at maxClicks). */
  clicksToTarget: number;
}

/** The first click of each target instance: its most interior point (as evaluateClicks clicks it). */
export function clickPoints(input: Pick<ClickEvalInput, 'positions' | 'truth' | 'targets' | 'faces'>): Map<number, number> {
  const boundary = boundaryPoints(input.positions, input.truth, input.faces);
  const out = new Map<number, number>();
  for (const g of input.targets) {
    const members: number[] = [];
    for (let i = 0; i < input.truth.length; i++) if (input.truth[i] === g) members.push(i);
    if (members.length) out.set(g, mostInteriorPoint(input.positions, members, boundary));
  }
  return out;
}

export function evaluateClicks(input: ClickEvalInput): ClickEvalResult {
  const { positions, superpoints, features, segmentation, truth } = input;
  if (!segmentation && !input.masks) throw new RangeError('evaluateClicks: give a segmentation or first-click masks');
  const targetIou = input.targetIou ?? 0.8;
  const maxClicks = input.maxClicks ?? 10;
  const boundary = boundaryPoints(positions, truth, input.faces);
  const perInstance: ClickScore[] = [];
  for (const g of input.targets) {
    const members: number[] = [];
    for (let i = 0; i < truth.length; i++) if (truth[i] === g) members.push(i);
    if (members.length === 0) continue;
    const clickPoint = mostInteriorPoint(positions, members, boundary);
    // True points of g in each superpoint.
    const inside = new Map<number, number>();
    for (const i of members) inside.set(superpoints[i]!, (inside.get(superpoints[i]!) ?? 0) + 1);
    const given = input.masks?.get(g);
    const mask = new Set(given ?? promptMask(features, segmentation!, [superpoints[clickPoint]!]));
    const iou = () => {
      let inter = 0;
      let size = 0;
      for (const s of mask) {
        inter += inside.get(s) ?? 0;
        size += features.pointCounts[s]!;
      }
      return inter / (size + members.length - inter);
    };
    const firstIou = iou();
    let clicks = 1;
    let current = firstIou;
    while (current < targetIou && clicks < maxClicks) {
      const s = correctiveClick(features, mask, inside);
      if (s < 0) break;
      if (mask.has(s)) mask.delete(s);
      else mask.add(s);
      clicks++;
      current = iou();
    }
    const reached = current >= targetIou;
    perInstance.push({ instance: g, clickPoint, firstIou, clicks: reached ? clicks : maxClicks, reached });
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  return { perInstance, clickIou: mean(perInstance.map((p) => p.firstIou)), clicksToTarget: mean(perInstance.map((p) => p.clicks)) };
}

/**
 * The superpoint a user would click next: in the largest error region (connected superpoints that
 * are all missing from the mask, or all wrongly in it, weighed by wrong points), its superpoint with
 * the most wrong points. -1 when nothing is wrong at superpoint level.
 */
function correctiveClick(f: SuperpointFeatures, mask: Set<number>, inside: Map<number, number>): number {
  const error = new Float64Array(f.count);
  const kind = new Int8Array(f.count); // 1 missing, -1 extra
  for (let s = 0; s < f.count; s++) {
    const g = inside.get(s) ?? 0;
    const n = f.pointCounts[s]!;
    if (!mask.has(s) && 2 * g > n) {
      kind[s] = 1;
      error[s] = g;
    } else if (mask.has(s) && 2 * g < n) {
      kind[s] = -1;
      error[s] = n - g;
    }
  }
  const { offsets, ids } = f.neighbours;
  const seen = new Uint8Array(f.count);
  let bestWeight = 0;
  let bestClick = -1;
  for (let s = 0; s < f.count; s++) {
    if (!kind[s] || seen[s]) continue;
    let weight = 0;
    let top = s;
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const a = stack.pop()!;
      weight += error[a]!;
      if (error[a]! > error[top]!) top = a;
      for (let e = offsets[a]!; e < offsets[a + 1]!; e++) {
        const b = ids[e]!;
        if (!seen[b] && kind[b] === kind[s]) {
          seen[b] = 1;
          stack.push(b);
        }
      }
    }
    if (weight > bestWeight) {
      bestWeight = weight;
      bestClick = top;
    }
  }
  return bestClick;
}

/** Points with a neighbour (mesh edge, or k-NN) of another true instance. */
function boundaryPoints(positions: Float32Array, truth: Int32Array, faces: Uint32Array | undefined): Uint8Array {
  const flag = new Uint8Array(truth.length);
  const mark = (i: number, j: number) => {
    if (truth[i] !== truth[j]) {
      flag[i] = 1;
      flag[j] = 1;
    }
  };
  if (faces && faces.length) {
    for (let t = 0; t + 2 < faces.length; t += 3) {
      mark(faces[t]!, faces[t + 1]!);
      mark(faces[t + 1]!, faces[t + 2]!);
      mark(faces[t]!, faces[t + 2]!);
    }
  } else {
    const g = knnGraph(positions, 8);
    for (let i = 0; i < truth.length; i++) for (let j = 0; j < 8; j++) if (g.index[i * 8 + j]! >= 0) mark(i, g.index[i * 8 + j]!);
  }
  return flag;
}

/** The member farthest from the instance's boundary points (ties: lowest index); the one nearest the centroid when it has none. */
function mostInteriorPoint(positions: Float32Array, members: number[], boundary: Uint8Array): number {
  const edge = members.filter((i) => boundary[i]);
  if (edge.length === 0) {
    let cx = 0;
    let cy = 0;
    let cz = 0;
    for (const i of members) {
      cx += positions[3 * i]!;
      cy += positions[3 * i + 1]!;
      cz += positions[3 * i + 2]!;
    }
    cx /= members.length;
    cy /= members.length;
    cz /= members.length;
    let best = members[0]!;
    let bestD = Infinity;
    for (const i of members) {
      const d = (positions[3 * i]! - cx) ** 2 + (positions[3 * i + 1]! - cy) ** 2 + (positions[3 * i + 2]! - cz) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
  const tree = new KdTree(positions, Uint32Array.from(edge));
  let best = members[0]!;
  let bestD = -1;
  for (const i of members) {
    const d = tree.nearest(positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!).distanceSq;
    if (d > bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
