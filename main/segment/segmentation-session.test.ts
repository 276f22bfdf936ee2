// Segmentation editing on the sample room with the real geometric segmentation, prompt and store:
// click-to-object against the room's ground truth, shift-click add/remove, merge, split, relabel,
// accept into SQLite as one undo step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { generateSampleRoom } from '../../app/sample';
import type { PointScene } from '../../app/scene/types';
import { tmpStore, type TmpStore } from '../../db/testing/tmp-store';
import { segmentScene, type SceneSegmentation } from './segment-scene';
import { GEOMETRIC_FALLBACK_VERSION, SegmentationSessions, segmentationModelVersion, startFromSegmentation } from './segmentation-session';

let scene: PointScene;
let seg: SceneSegmentation;
let t: TmpStore;
const sessions = new SegmentationSessions();

beforeAll(async () => {
  scene = { ...generateSampleRoom().scene, id: 'sample' };
  seg = await segmentScene({ scene }, { bundledModel: false });
  t = tmpStore();
  t.store.scenes.upsert({ id: 'sample', name: scene.name, source: scene.source, format: scene.format, pointCount: scene.positions.length / 3, instanceCount: scene.instances.length, origin: scene.origin });
}, 120_000);
afterAll(() => t?.dispose());

/** The ground-truth instance of the first object with this label. */
const truth = (label: string) => scene.instances.find((i) => i.label === label)!.id;

/** The object's point nearest its centroid: a click in its middle. */
function middlePoint(id: number): number {
  const pts: number[] = [];
  scene.instanceIds.forEach((v, i) => v === id && pts.push(i));
  const p = scene.positions;
  const c = [0, 1, 2].map((a) => pts.reduce((s, i) => s + p[3 * i + a]!, 0) / pts.length);
  let best = pts[0]!;
  let bestD = Infinity;
  for (const i of pts) {
    const d = (p[3 * i]! - c[0]!) ** 2 + (p[3 * i + 1]! - c[1]!) ** 2 + (p[3 * i + 2]! - c[2]!) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

function iou(predicted: Int32Array, predId: number, truthId: number): number {
  let inter = 0;
  let union = 0;
  for (let i = 0; i < predicted.length; i++) {
    const a = predicted[i] === predId;
    const b = scene.instanceIds[i] === truthId;
    if (a && b) inter++;
    if (a || b) union++;
  }
  return inter / union;
}

/** Share of the ground-truth instance's points inside the predicted one. */
function covered(predicted: Int32Array, predId: number, truthId: number): number {
  let inter = 0;
  let total = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (scene.instanceIds[i] !== truthId) continue;
    total++;
    if (predicted[i] === predId) inter++;
  }
  return inter / total;
}

const errorCode = async (f: () => unknown) => {
  try {
    await f();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return null;
};

describe('segmentation sessions on the sample room', () => {
  it('starts a draft from the segmentation, outside the store', () => {
    const view = sessions.start(startFromSegmentation(scene, seg, segmentationModelVersion(seg, null)));
    expect(view.origin).toBe('geometric');
    expect(view.modelVersion).toBe(GEOMETRIC_FALLBACK_VERSION);
    expect(view.instances.length).toBe(seg.instances.length);
    expect(view.instances.every((i) => i.source === 'model' && i.confidence !== null)).toBe(true);
    expect(Array.from(view.instanceIds)).toEqual(Array.from(seg.instanceIds));
    expect(view.labels).toEqual(expect.arrayContaining(['chair', 'table', 'sofa', 'object', 'otherfurniture']));
    expect(t.store.editor.history('sample', 10).entries).toEqual([]);
  });

  it('click-to-object gives the table under the click (IoU with the ground truth ≥ 0.9)', async () => {
    const view = await sessions.prompt('sample', { pointIndex: middlePoint(truth('table')), mode: 'new' });
    expect(view.focus).not.toBeNull();
    const made = view.instances.find((i) => i.id === view.focus)!;
    expect(made).toMatchObject({ source: 'human', confidence: null });
    expect(iou(view.instanceIds, made.id, truth('table'))).toBeGreaterThan(0.9);
    // It took its superpoints from the instance that held them: no point is in two instances.
    expect(view.instances.reduce((s, i) => s + i.pointCount, 0)).toBe(view.instanceIds.filter((v) => v >= 0).length);
  });

  it('shift-click adds a superpoint to the selected object and takes it out again', async () => {
    const before = sessions.view('sample')!;
    const table = before.focus ?? before.instances.find((i) => i.label !== 'floor' && iou(before.instanceIds, i.id, truth('table')) > 0.9)!.id;
    // A floor superpoint: the floor instance gives it up.
    const floorPoint = before.instanceIds.findIndex((v, i) => v >= 0 && before.instances.find((x) => x.id === v)!.label === 'floor' && scene.instanceIds[i] === truth('floor'));
    const sp = before.superpointIds[floorPoint]!;
    const spPoints = before.superpointIds.filter((s) => s === sp).length;
    const size = (v: typeof before, id: number) => v.instances.find((i) => i.id === id)!.pointCount;

    const added = await sessions.prompt('sample', { superpointIds: [sp], mode: 'add', targetInstance: table });
    expect(size(added, table)).toBe(size(before, table) + spPoints);
    expect(added.instanceIds[floorPoint]).toBe(table);
    const removed = await sessions.prompt('sample', { pointIndex: floorPoint, mode: 'remove', targetInstance: table });
    expect(size(removed, table)).toBe(size(before, table));
    expect(removed.instanceIds[floorPoint]).toBe(-1);
  });

  it('merges two objects, splits them apart again, and relabels from the label table', async () => {
    const chairs = scene.instances.filter((i) => i.label === 'chair').map((i) => i.id);
    const a = (await sessions.prompt('sample', { pointIndex: middlePoint(chairs[0]!), mode: 'new' })).focus!;
    const b = (await sessions.prompt('sample', { pointIndex: middlePoint(chairs[1]!), mode: 'new' })).focus!;
    const before = sessions.view('sample')!;
    const points = (v: typeof before, id: number) => v.instances.find((i) => i.id === id)?.pointCount ?? 0;

    const merged = sessions.merge('sample', [a, b]);
    expect(merged.instances.length).toBe(before.instances.length - 1);
    expect(points(merged, merged.focus!)).toBe(points(before, a) + points(before, b));

    // The two chairs do not touch: split gives them back as two instances.
    const split = sessions.split('sample', merged.focus!);
    expect(split.instances.length).toBe(before.instances.length);
    for (const chair of chairs.slice(0, 2)) expect(Math.max(...split.instances.map((i) => iou(split.instanceIds, i.id, chair)))).toBeGreaterThan(0.8);

    const kept = split.focus!;
    const relabelled = sessions.relabel('sample', kept, 'chair');
    expect(relabelled.instances.find((i) => i.id === kept)).toMatchObject({ label: 'chair', source: 'human' });
    expect(await errorCode(() => sessions.relabel('sample', kept, 'spaceship'))).toBe('invalid_input');
    expect(await errorCode(() => sessions.merge('sample', [kept, 99_999]))).toBe('not_found');
  });

  it('splits a lamp off the nightstand it stands on (support plane)', async () => {
    // The prompt takes a lamp together with the nightstand it touches; split cuts at the nightstand's top.
    const nightstands = scene.instances.filter((i) => i.label === 'nightstand').map((i) => i.id);
    let cases = 0;
    for (const lamp of scene.instances.filter((i) => i.label === 'lamp').map((i) => i.id)) {
      const view = await sessions.prompt('sample', { pointIndex: middlePoint(lamp), mode: 'new' });
      const under = nightstands.find((n) => covered(view.instanceIds, view.focus!, n) > 0.5);
      if (under === undefined) continue;
      expect(iou(view.instanceIds, view.focus!, lamp)).toBeLessThan(0.5);
      const split = sessions.split('sample', view.focus!);
      expect(Math.max(...split.instances.map((i) => iou(split.instanceIds, i.id, lamp)))).toBeGreaterThan(0.8);
      expect(Math.max(...split.instances.map((i) => iou(split.instanceIds, i.id, under)))).toBeGreaterThan(0.8);
      cases++;
    }
    expect(cases).toBeGreaterThan(0);
  });

  it('accepts into the store as one undo step; undo restores the earlier instances', () => {
    const draft = sessions.view('sample')!;
    const before = t.store.scenes.listInstances('sample');
    const outcome = sessions.accept('sample', t.store.instanceEditor);
    expect(sessions.view('sample')).toBeNull();

    const rows = t.store.scenes.listInstances('sample');
    expect(rows.length).toBe(draft.instances.length);
    expect(rows.map((r) => r.id)).toEqual(draft.instances.map((_, k) => k));
    expect(rows.map((r) => r.label)).toEqual(draft.instances.map((i) => i.label));
    expect(rows.map((r) => r.source)).toEqual(draft.instances.map((i) => i.source));
    expect(rows.every((r) => r.modelVersion === GEOMETRIC_FALLBACK_VERSION && r.maskKind === 'superpoints')).toBe(true);
    expect(rows.filter((r) => r.source === 'model').every((r) => r.confidence !== null && !r.verified)).toBe(true);
    expect(rows.filter((r) => r.source === 'human').every((r) => r.confidence === null && r.verified)).toBe(true);
    // Masks cover the same points as the draft did.
    const set = t.store.superpoints.latest('sample')!;
    const mask = new Set(t.store.scenes.instanceMask('sample', 0)!.ids);
    expect(outcome.instanceIds.filter((v) => v === 0).length).toBe(set.ids.filter((s) => mask.has(s)).length);

    const history = t.store.editor.history('sample', 10);
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]).toMatchObject({ kind: 'instances.accept', undone: false });
    t.store.editor.undo('sample');
    expect(t.store.scenes.listInstances('sample')).toEqual(before);
    t.store.editor.redo('sample');
    expect(t.store.scenes.listInstances('sample').map((r) => r.label)).toEqual(draft.instances.map((i) => i.label));
  });

  it('starts empty for clicks without a segmentation, and refuses edits without a draft', async () => {
    expect(await errorCode(() => sessions.merge('sample', [0, 1]))).toBe('not_found');
    const empty = sessions.start(startFromSegmentation(scene, seg, GEOMETRIC_FALLBACK_VERSION, false));
    expect(empty).toMatchObject({ origin: 'empty', instances: [] });
    const view = await sessions.prompt('sample', { pointIndex: middlePoint(truth('wardrobe')), mode: 'new' });
    expect(view.instances).toHaveLength(1);
    expect(view.instances[0]!.label).toBe('object');
    expect(iou(view.instanceIds, view.focus!, truth('wardrobe'))).toBeGreaterThan(0.9);
    expect(await errorCode(() => sessions.prompt('sample', { pointIndex: scene.instanceIds.length, mode: 'new' }))).toBe('invalid_input');
    expect(sessions.discard('sample')).toBe(true);
    expect(sessions.discard('sample')).toBe(false);
  });
});
