// A PointScene with instances as a VSI-Bench box scene, so the box generator asks the same questions
// of a scan: each instance's box is the tight OBB of its points, distances are the exact closest
// pair of the two point sets (not of the boxes), and the room size is the alpha shape of all points.
import { AppError } from '../../contract/errors';
import { alphaShapeArea, ROOM_ALPHA } from '../../geometry/alpha-shape';
import { closestPointPair } from '../../geometry/closest-pair';
import { KdTree } from '../../geometry/kdtree';
import { tightObb, type ObbMode } from '../../geometry/tight-obb';
import { groupPointsByInstance, sceneBounds } from '../../scene/summary';
import type { PointScene, Vec3 } from '../../scene/types';
import type { BoxObject, BoxScene } from './meta';

/** Building surfaces, not objects: VSI-Bench's categories never include them. */
export const STRUCTURE_LABELS: readonly string[] = ['wall', 'floor', 'ceiling'];

export interface PointBoxSceneOptions {
  /** The category an instance label asks about, or null to leave the instance out (default: the label, minus STRUCTURE_LABELS). */
  categoryOf?: (label: string) => string | null;
  /** Tight OBB search (default upright: scans are z-up). */
  obbMode?: ObbMode;
  alpha?: number;
}

export interface PointBoxScene extends BoxScene {
  /** The point indices of each object, by instance id, as measured. */
  points: Map<number, Uint32Array>;
  /** Instances left out, with the reason. */
  skipped: Array<{ instanceId: number; label: string; reason: string }>;
}

const defaultCategory = (label: string) => (STRUCTURE_LABELS.includes(label.toLowerCase()) ? null : label);

/** The axis-aligned box of the points themselves (MultiSPA sizes read it), not of the OBB's corners. */
function extents(positions: Float32Array, set: Uint32Array): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const i of set)
    for (let k = 0; k < 3; k++) {
      const v = positions[i * 3 + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  return { min, max };
}

/** Coordinates stay in the scene frame (relative to `scene.origin`), like the positions. */
export function boxSceneFromPoints(scene: PointScene, options: PointBoxSceneOptions = {}): PointBoxScene {
  if (scene.upAxis !== 'z') throw new AppError('invalid_input', `scene "${scene.id}" is ${scene.upAxis}-up; VSI-Bench questions need z-up coordinates (rotate it on import)`);
  const categoryOf = options.categoryOf ?? defaultCategory;
  const groups = groupPointsByInstance(scene);
  const instances: Record<string, BoxObject[]> = {};
  const categories: string[] = [];
  const points = new Map<number, Uint32Array>();
  const skipped: PointBoxScene['skipped'] = [];
  for (const inst of scene.instances) {
    const category = categoryOf(inst.label);
    if (category === null) {
      skipped.push({ instanceId: inst.id, label: inst.label, reason: 'structure, not an object' });
      continue;
    }
    const set = groups.get(inst.id);
    if (!set || set.length === 0) {
      skipped.push({ instanceId: inst.id, label: inst.label, reason: 'no points' });
      continue;
    }
    if (points.has(inst.id)) continue; // a repeated instance entry
    const { box } = tightObb(scene.positions, set, { mode: options.obbMode ?? 'upright' });
    if (!instances[category]) {
      instances[category] = [];
      categories.push(category);
    }
    const list = instances[category];
    list.push({ category, instance: list.length, box, ...extents(scene.positions, set), instanceId: inst.id });
    points.set(inst.id, set);
  }

  const trees = new Map<number, KdTree>();
  const treeOf = (id: number) => {
    let t = trees.get(id);
    if (!t) trees.set(id, (t = new KdTree(scene.positions, points.get(id)!)));
    return t;
  };
  const measure = (a: BoxObject, b: BoxObject) => {
    const pa = points.get(a.instanceId!)!;
    const pb = points.get(b.instanceId!)!;
    // Query the smaller set against the larger one's (cached) tree; keep a's point first in the answer.
    if (pa.length <= pb.length) return closestPointPair(scene.positions, pa, pb, { treeB: treeOf(b.instanceId!) });
    const r = closestPointPair(scene.positions, pb, pa, { treeB: treeOf(a.instanceId!) });
    return { distance: r.distance, pointA: r.pointB, pointB: r.pointA };
  };

  const shape = alphaShapeArea(scene.positions, null, { alpha: options.alpha ?? ROOM_ALPHA });
  const bounds = sceneBounds(scene);
  return {
    id: scene.id,
    roomSize: shape.area,
    roomCenter: [shape.centre[0], shape.centre[1], (bounds.min[2] + bounds.max[2]) / 2],
    categories,
    instances,
    measure,
    points,
    skipped,
  };
}
