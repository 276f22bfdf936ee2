// Distance between two instances of a scene: the exact closest-point distance (what "how far is the
// armchair from the table" means for furniture), plus the centroid distance for context.
import { AppError } from '../contract/errors';
import type { DistanceResult } from '../contract/schemas';
import { closestPointPair } from '../geometry/closest-pair';
import { groupPointsByInstance } from '../scene/summary';
import type { PointScene, Vec3 } from '../scene/types';

interface InstanceIndex {
  /** The arrays the index was built from; a scene object given new arrays gets a new index. */
  positions: Float32Array;
  instanceIds: Int32Array;
  groups: Map<number, Uint32Array>;
}

// Grouping all points costs one pass; asking several questions about one scene should pay it once.
const cache = new WeakMap<PointScene, InstanceIndex>();

function indexOf(scene: PointScene): InstanceIndex {
  const hit = cache.get(scene);
  if (hit && hit.positions === scene.positions && hit.instanceIds === scene.instanceIds) return hit;
  const index = { positions: scene.positions, instanceIds: scene.instanceIds, groups: groupPointsByInstance(scene) };
  cache.set(scene, index);
  return index;
}

function centroid(positions: Float32Array, set: Uint32Array): Vec3 {
  let x = 0;
  let y = 0;
  let z = 0;
  for (let i = 0; i < set.length; i++) {
    const p = set[i]! * 3;
    x += positions[p]!;
    y += positions[p + 1]!;
    z += positions[p + 2]!;
  }
  return [x / set.length, y / set.length, z / set.length];
}

function pointsOf(scene: PointScene, index: InstanceIndex, id: number): Uint32Array {
  if (!scene.instances.some((i) => i.id === id)) {
    throw new AppError('not_found', `instance ${id} is not in scene "${scene.id}"`, { sceneId: scene.id, instanceId: id });
  }
  const set = index.groups.get(id);
  if (!set || set.length === 0) throw new AppError('invalid_input', `instance ${id} of scene "${scene.id}" has no points`, { sceneId: scene.id, instanceId: id });
  return set;
}

/** Point coordinates in the result are in the scene frame (relative to `scene.origin`), like positions. */
export function measureInstanceDistance(scene: PointScene, a: number, b: number): DistanceResult {
  if (a === b) throw new AppError('invalid_input', `distance needs two different instances, got ${a} twice`, { sceneId: scene.id, instanceId: a });
  const index = indexOf(scene);
  const setA = pointsOf(scene, index, a);
  const setB = pointsOf(scene, index, b);
  const pair = closestPointPair(scene.positions, setA, setB);
  const ca = centroid(scene.positions, setA);
  const cb = centroid(scene.positions, setB);
  return {
    sceneId: scene.id,
    a,
    b,
    distance: pair.distance,
    pointA: pair.pointA,
    pointB: pair.pointB,
    centerDistance: Math.hypot(ca[0] - cb[0], ca[1] - cb[1], ca[2] - cb[2]),
    unit: 'm',
    method: 'closest-point',
  };
}

/** The cached point index list of one instance (empty when it has no points). */
export function instanceIndices(scene: PointScene, id: number): Uint32Array {
  return indexOf(scene).groups.get(id) ?? new Uint32Array(0);
}
