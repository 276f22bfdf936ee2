// Accepting a segmentation is one undo step shared with the scene's QA history, and survives a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InstanceInput } from '../repositories';
import { appError, sceneUpsert, tmpStore, type TmpStore } from '../testing/tmp-store';

let t: TmpStore;
beforeEach(() => {
  t = tmpStore();
  t.store.scenes.upsert(sceneUpsert({ pointCount: 6 }));
  t.store.scenes.replaceInstances('room-1', [inst(7, { label: 'chair' })], 'import');
});
afterEach(() => t.dispose());

function inst(id: number, over: Partial<InstanceInput> = {}): InstanceInput {
  return { id, label: 'table', pointCount: 2, bbox: { min: [0, 0, 0], max: [1, 1, 1] }, centroid: [0.5, 0.5, 0.5], ...over };
}
const superpoints = { params: { method: 'test' }, ids: new Int32Array([0, 0, 1, 1, 2, 2]) };
const rows = () => t.store.scenes.listInstances('room-1').map((i) => [i.id, i.label, i.source, i.confidence, i.modelVersion, i.maskKind]);

describe('SqliteInstanceEditor', () => {
  it('stores mixed model and human instances with superpoint masks as one undoable step', () => {
    const { superpointSetId } = t.store.instanceEditor.accept('room-1', {
      instances: [
        inst(0, { source: 'model', confidence: 0.8, modelVersion: 'm.onnx sha256:abc', mask: { kind: 'superpoints', ids: new Int32Array([0]), superpointSetId: '' } }),
        inst(1, { label: 'lamp', source: 'human', confidence: null, modelVersion: 'm.onnx sha256:abc', mask: { kind: 'superpoints', ids: new Int32Array([1, 2]), superpointSetId: '' } }),
      ],
      superpoints,
    });
    expect(superpointSetId).not.toBeNull();
    expect(rows()).toEqual([
      [0, 'table', 'model', 0.8, 'm.onnx sha256:abc', 'superpoints'],
      [1, 'lamp', 'human', null, 'm.onnx sha256:abc', 'superpoints'],
    ]);
    expect(Array.from(t.store.scenes.instanceMask('room-1', 1)!.ids)).toEqual([1, 2]);
    const history = t.store.editor.history('room-1', 10);
    expect(history.entries.map((e) => [e.kind, e.label])).toEqual([['instances.accept', 'Accept segmentation']]);

    // Undo brings the imported instance back, after a reopen too; redo the accepted ones.
    const s = t.reopen();
    expect(s.editor.undo('room-1').applied).toMatchObject({ kind: 'instances.accept' });
    expect(rows()).toEqual([[7, 'chair', 'import', null, null, null]]);
    expect(s.editor.redo('room-1').applied).toMatchObject({ kind: 'instances.accept' });
    expect(rows().map((r) => r[2])).toEqual(['model', 'human']);
    expect(Array.from(s.scenes.instanceMask('room-1', 0)!.ids)).toEqual([0]);
  });

  it('reuses an identical superpoint set and undoes two acceptances one at a time', () => {
    const accept = (label: string, now: Date) =>
      t.store.instanceEditor.accept('room-1', { instances: [inst(0, { label, source: 'human', mask: { kind: 'superpoints', ids: new Int32Array([2]), superpointSetId: '' } })], superpoints, now });
    const a = accept('bed', new Date('2025-01-01T00:00:00Z'));
    const b = accept('sofa', new Date('2025-01-01T00:01:00Z'));
    expect(b.superpointSetId).toBe(a.superpointSetId);
    expect(t.store.superpoints.list('room-1')).toHaveLength(1);
    t.store.editor.undo('room-1');
    expect(rows().map((r) => r[1])).toEqual(['bed']);
    t.store.editor.undo('room-1');
    expect(rows().map((r) => r[1])).toEqual(['chair']);
  });

  it('refuses a model instance without a model version and writes nothing', () => {
    const err = appError(() => t.store.instanceEditor.accept('room-1', { instances: [inst(0, { source: 'model' })] }));
    expect(err.code).toBe('invalid_input');
    expect(rows()).toEqual([[7, 'chair', 'import', null, null, null]]);
    expect(t.store.editor.history('room-1', 10).entries).toEqual([]);
  });
});
