// Edit operations as pure functions: a document in, a new document out (immer, so untouched objects
// stay shared and the edit comes with its patches for the undo history), plus every pose that changed.
// Objects resting on a moved object are carried along rigidly.
import { enablePatches, produceWithPatches, type Patch } from 'immer';
import { AppError } from '../contract/errors';
import { wrapAngle } from './pose';
import type { EditOutcome, LayoutDocument, LayoutObject, Pose, PoseChange } from './types';

enablePatches();

export interface PatchedOutcome extends EditOutcome {
  patches: Patch[];
  inversePatches: Patch[];
}

export function objectById(doc: LayoutDocument, id: number): LayoutObject {
  const o = doc.objects.find((x) => x.id === id);
  if (!o) throw new AppError('not_found', `layout of "${doc.sceneId}" has no object ${id}`);
  return o;
}

/** Ids of the objects resting on `id`, directly or through others (what moves with it). */
export function carriedBy(doc: LayoutDocument, id: number): number[] {
  const out: number[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const o of doc.objects) if (o.support.kind === 'object' && o.support.id === at && !out.includes(o.id) && o.id !== id) {
      out.push(o.id);
      queue.push(o.id);
    }
  }
  return out;
}

/** Where a rider ends up when the object under it goes from `from` to `to` (rigid motion about z). */
export function carryPose(rider: Pose, from: Pose, to: Pose): Pose {
  const dyaw = wrapAngle(to.yaw - from.yaw);
  const c = Math.cos(dyaw);
  const s = Math.sin(dyaw);
  const dx = rider.center[0] - from.center[0];
  const dy = rider.center[1] - from.center[1];
  return {
    center: [to.center[0] + c * dx - s * dy, to.center[1] + s * dx + c * dy, rider.center[2] + (to.center[2] - from.center[2])],
    yaw: wrapAngle(rider.yaw + dyaw),
  };
}

const clonePose = (p: Pose): Pose => ({ center: [...p.center], yaw: p.yaw });

/** New poses for some objects (each with its riders) and optionally new supports. */
export function setPoses(doc: LayoutDocument, moves: ReadonlyArray<{ id: number; pose: Pose; support?: LayoutObject['support'] }>): PatchedOutcome {
  const changes: PoseChange[] = [];
  const planned = new Map<number, { pose: Pose; support?: LayoutObject['support']; carried: boolean }>();
  for (const m of moves) {
    const o = objectById(doc, m.id);
    if (!o.movable) throw new AppError('invalid_input', `${o.category} ${o.id} is part of the room and cannot be moved`);
    planned.set(m.id, { pose: clonePose(m.pose), ...(m.support ? { support: m.support } : {}), carried: false });
    for (const r of carriedBy(doc, m.id)) if (!moves.some((x) => x.id === r)) planned.set(r, { pose: carryPose(objectById(doc, r).pose, o.pose, m.pose), carried: true });
  }
  const [document, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    for (const o of draft.objects) {
      const p = planned.get(o.id);
      if (!p) continue;
      changes.push({ id: o.id, category: o.category, before: clonePose(o.pose), after: clonePose(p.pose), ...(p.carried ? { carried: true } : {}) });
      o.pose = p.pose;
      if (p.support) o.support = p.support;
    }
  });
  return { document, changes, patches, inversePatches };
}

export function removeObject(doc: LayoutDocument, id: number): PatchedOutcome {
  const o = objectById(doc, id);
  if (!o.movable) throw new AppError('invalid_input', `${o.category} ${o.id} is part of the room and cannot be removed`);
  const changes: PoseChange[] = [{ id, category: o.category, before: clonePose(o.pose), after: null }];
  const [document, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    draft.objects = draft.objects.filter((x) => x.id !== id);
    // What stood on it now stands on whatever is below: the floor if it reaches it, else it keeps its height.
    for (const x of draft.objects) if (x.support.kind === 'object' && x.support.id === id) x.support = { kind: 'mounted' };
  });
  return { document, changes, patches, inversePatches };
}

/** A fresh id: one above every object id and every scan instance id (instance ids and running indices share the space). */
export const nextObjectId = (doc: LayoutDocument): number => Math.max(doc.firstFreeId ?? 0, doc.objects.reduce((m, o) => Math.max(m, o.id), 0) + 1);

export function duplicateObject(doc: LayoutDocument, id: number, pose: Pose, support?: LayoutObject['support']): PatchedOutcome & { newId: number } {
  const o = objectById(doc, id);
  const newId = nextObjectId(doc);
  const copy: LayoutObject = { ...(JSON.parse(JSON.stringify(o)) as LayoutObject), id: newId, pose: clonePose(pose), ...(support ? { support } : {}) };
  // A copy keeps `instanceId` (the scan points it is made of); its own points get `newId` as their instance.
  const changes: PoseChange[] = [{ id: newId, category: o.category, before: null, after: clonePose(pose), copyOf: id }];
  const [document, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    draft.objects.push(copy);
    if (draft.firstFreeId !== undefined) draft.firstFreeId = Math.max(draft.firstFreeId, newId + 1);
  });
  return { document, changes, patches, inversePatches, newId };
}
