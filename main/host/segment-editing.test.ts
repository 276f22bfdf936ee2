// Segmentation editing through the contract on a real host: segment the sample room, click, merge,
// relabel, accept; the accepted instances show on openScene, Ctrl+Z takes them back, redo and a
// restart bring them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcResult, SegmentationDraftView } from '../../app/contract';
import { testHost } from './testing/host-fixture';

const t = testHost('sw-segedit-');
beforeAll(t.setUp);
afterAll(t.tearDown);
const errorOf = (r: RpcResult) => (r.ok ? null : r.error.code);
/** A draft's per-point ids as accepting stores them: draft instances renumbered 0..n-1 in list order. */
const renumbered = (draft: SegmentationDraftView) => {
  const slot = new Map(draft.instances.map((inst, k) => [inst.id, k]));
  return draft.instanceIds.map((id) => (id < 0 ? -1 : slot.get(id)!));
};

describe('segmentation editing over the contract', () => {
  let sampleIds: Int32Array;
  let sampleCount: number;
  let acceptedLabels: string[];
  let acceptedIds: Int32Array;

  it('keeps model output out of the store and the history until accepted', async () => {
    const opened = await t.host.client.openScene({ sceneId: 'sample' });
    sampleIds = opened.buffers.instanceIds.slice();
    sampleCount = opened.instances.length;
    expect((await t.host.client.segmentationState({ sceneId: 'sample' })).draft).toBeNull();
    expect(errorOf(await t.host.dispatch('mergeInstances', { sceneId: 'sample', ids: [0, 1] }))).toBe('not_found');

    const seg = await t.host.client.segmentScene({ sceneId: 'sample' });
    const state = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(state.draft!.instances.length).toBe(seg.instances.length);
    expect(state.stored.every((s) => s.source === 'generated')).toBe(true);
    expect((await t.host.client.listHistory({ sceneId: 'sample' })).entries).toEqual([]);
    expect((await t.host.client.listInstances({ sceneId: 'sample' })).instances.length).toBe(sampleCount);
  }, 120_000);

  it('clicks an object, merges two, relabels, and accepts as one undo step', async () => {
    const opened = await t.host.client.openScene({ sceneId: 'sample' });
    const sofa = opened.instances.find((i) => i.label === 'sofa')!.id;
    const table = opened.instances.find((i) => i.label === 'table')!.id;
    const pointOf = (id: number) => sampleIds.indexOf(id);

    const a = await t.host.client.promptObject({ sceneId: 'sample', pointIndex: pointOf(sofa), mode: 'new' });
    const b = await t.host.client.promptObject({ sceneId: 'sample', pointIndex: pointOf(table), mode: 'new' });
    expect(a.focus).not.toBe(b.focus);
    const merged = await t.host.client.mergeInstances({ sceneId: 'sample', ids: [a.focus!, b.focus!] });
    expect(merged.instances.length).toBe(b.instances.length - 1);
    const relabelled = await t.host.client.relabelInstance({ sceneId: 'sample', id: merged.focus!, label: 'otherfurniture' });
    expect(errorOf(await t.host.dispatch('relabelInstance', { sceneId: 'sample', id: merged.focus!, label: 'not a label' }))).toBe('invalid_input');
    acceptedLabels = relabelled.instances.map((i) => i.label);

    const accepted = await t.host.client.acceptSegmentation({ sceneId: 'sample' });
    expect(accepted.instances.map((i) => i.label)).toEqual(acceptedLabels);
    expect(accepted.stored.filter((s) => s.source === 'human').length).toBeGreaterThanOrEqual(1);
    expect(accepted.history).toEqual({ canUndo: true, canRedo: false });
    expect((await t.host.client.segmentationState({ sceneId: 'sample' })).draft).toBeNull();
    const history = await t.host.client.listHistory({ sceneId: 'sample' });
    expect(history.entries.map((e) => e.kind)).toEqual(['instances.accept']);

    const reopened = await t.host.client.openScene({ sceneId: 'sample' });
    expect(reopened.instances.map((i) => i.label)).toEqual(acceptedLabels);
    // The sofa's and the table's points are now one instance: the merged one (the model's draft has
    // other `otherfurniture` instances, so it is found by its draft id, not by its label).
    const mergerId = relabelled.instances.findIndex((i) => i.id === merged.focus);
    expect(reopened.instances[mergerId]!.label).toBe('otherfurniture');
    expect(reopened.buffers.instanceIds[pointOf(sofa)]).toBe(mergerId);
    expect(reopened.buffers.instanceIds[pointOf(table)]).toBe(mergerId);
    // And every point shows the draft's instance (renumbered 0..n-1 in draft order).
    acceptedIds = renumbered(relabelled);
    expect(Array.from(reopened.buffers.instanceIds)).toEqual(Array.from(acceptedIds));
  }, 120_000);

  it('undoes the acceptance (the sample instances come back) and redoes it', async () => {
    expect(await t.host.client.undo({ sceneId: 'sample' })).toMatchObject({ applied: { kind: 'instances.accept' }, canRedo: true });
    let opened = await t.host.client.openScene({ sceneId: 'sample' });
    expect(opened.instances.length).toBe(sampleCount);
    expect(Array.from(opened.buffers.instanceIds)).toEqual(Array.from(sampleIds));
    await t.host.client.redo({ sceneId: 'sample' });
    opened = await t.host.client.openScene({ sceneId: 'sample' });
    expect(opened.instances.map((i) => i.label)).toEqual(acceptedLabels);
    expect(Array.from(opened.buffers.instanceIds)).toEqual(Array.from(acceptedIds));
  });

  it('shows the accepted instances after a restart', async () => {
    await t.restart();
    const opened = await t.host.client.openScene({ sceneId: 'sample' });
    expect(opened.instances.map((i) => i.label)).toEqual(acceptedLabels);
    expect(Array.from(opened.buffers.instanceIds)).toEqual(Array.from(acceptedIds));
    const { stored } = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(stored.map((s) => s.source)).toContain('human');
    // And undo after the restart still takes it back.
    await t.host.client.undo({ sceneId: 'sample' });
    expect((await t.host.client.openScene({ sceneId: 'sample' })).instances.length).toBe(sampleCount);
  });
});
