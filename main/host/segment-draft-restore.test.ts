// An unaccepted segmentation draft survives a host restart: segment the sample room, edit it (click,
// merge, split, relabel), restart the host on the same data directory, and the draft comes back with
// identical objects and per-point ids; accept and discard delete the stored draft, and a stored
// draft whose superpoints no longer match is discarded with a reason the UI gets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentationDraftView } from '../../app/contract';
import { DRAFT_SETTING_PREFIX, StoredDraft } from '../segment/draft-store';
import { draftEssence } from './testing/draft-essence';
import { testHost } from './testing/host-fixture';

const t = testHost('sw-segdraft-');
beforeAll(t.setUp);
afterAll(t.tearDown);
const restart = () => t.restart();
const KEY = `${DRAFT_SETTING_PREFIX}sample`;
const storedDraft = () => t.host.services.store.settings.get(KEY);

const essence = draftEssence;

describe('segmentation draft across a restart', () => {
  let edited: SegmentationDraftView;

  it('saves the draft after every change', async () => {
    const opened = await t.host.client.openScene({ sceneId: 'sample' });
    const sampleIds = opened.buffers.instanceIds;
    const pointOf = (label: string) => sampleIds.indexOf(opened.instances.find((i) => i.label === label)!.id);
    expect(storedDraft()).toBeUndefined();

    await t.host.client.segmentScene({ sceneId: 'sample' });
    const first = StoredDraft.parse(storedDraft());
    const a = await t.host.client.promptObject({ sceneId: 'sample', pointIndex: pointOf('sofa'), mode: 'new' });
    const b = await t.host.client.promptObject({ sceneId: 'sample', pointIndex: pointOf('table'), mode: 'new' });
    const merged = await t.host.client.mergeInstances({ sceneId: 'sample', ids: [a.focus!, b.focus!] });
    // Split takes the merged sofa + table apart again (two connected pieces): new ids past the old ones.
    const split = await t.host.client.splitInstance({ sceneId: 'sample', id: merged.focus! });
    expect(split.instances.length).toBeGreaterThan(merged.instances.length);
    edited = await t.host.client.relabelInstance({ sceneId: 'sample', id: split.focus!, label: 'otherfurniture' });

    const saved = StoredDraft.parse(storedDraft());
    expect(saved.superpointHash).toBe(first.superpointHash);
    expect(saved.nextId).toBeGreaterThan(first.nextId);
    expect(saved.instances.map((i) => i.id)).toEqual(edited.instances.map((i) => i.id));
    expect(saved.instances.find((i) => i.id === split.focus)).toMatchObject({ label: 'otherfurniture', source: 'human', confidence: null });
  }, 120_000);

  it('restores the draft exactly after a restart, and editing goes on from it', async () => {
    await restart();
    const state = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(state.restore?.outcome).toBe('restored');
    expect(state.draft).not.toBeNull();
    expect(essence(state.draft!)).toEqual(essence(edited));

    // New ids continue after the restored ones (nextId came back too), and the change is saved again.
    const before = Math.max(...edited.instances.map((i) => i.id));
    const clicked = state.draft!.superpointIds.findIndex((s) => s >= 0);
    const next = await t.host.client.promptObject({ sceneId: 'sample', pointIndex: clicked, mode: 'new' });
    expect(next.focus!).toBeGreaterThan(before);
    expect(StoredDraft.parse(storedDraft()).instances.map((i) => i.id)).toContain(next.focus!);
    expect((await t.host.client.segmentationState({ sceneId: 'sample' })).restore).toBeUndefined();
    edited = next;
  }, 120_000);

  it('accepting stores the restored draft and deletes the stored one', async () => {
    await restart();
    const accepted = await t.host.client.acceptSegmentation({ sceneId: 'sample' });
    expect(accepted.instances.map((i) => i.label)).toEqual(edited.instances.map((i) => i.label));
    expect(storedDraft()).toBeUndefined();
    await restart();
    const state = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(state.draft).toBeNull();
    expect(state.restore).toBeUndefined();
  }, 120_000);

  it('discarding deletes the stored draft, even before it was restored', async () => {
    await t.host.client.segmentScene({ sceneId: 'sample' });
    expect(storedDraft()).toBeDefined();
    await restart();
    expect(await t.host.client.discardSegmentation({ sceneId: 'sample' })).toEqual({ discarded: true });
    expect(storedDraft()).toBeUndefined();
    await restart();
    expect((await t.host.client.segmentationState({ sceneId: 'sample' })).draft).toBeNull();
  }, 120_000);

  it('discards a stored draft whose superpoints changed, or a damaged one, and says why', async () => {
    await t.host.client.segmentScene({ sceneId: 'sample' });
    const saved = StoredDraft.parse(storedDraft());
    t.host.services.store.settings.set(KEY, { ...saved, superpointHash: `sha256:${'0'.repeat(64)}` });
    await restart();
    let state = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(state.draft).toBeNull();
    expect(state.restore).toMatchObject({ outcome: 'discarded' });
    expect(state.restore!.reason).toMatch(/superpoints changed/);
    expect(storedDraft()).toBeUndefined();

    // Two instances claiming one superpoint: not a draft, discarded rather than trusted.
    const [x, y] = saved.instances;
    t.host.services.store.settings.set(KEY, { ...saved, instances: [x!, { ...y!, superpoints: [...x!.superpoints] }] });
    await restart();
    state = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(state.draft).toBeNull();
    expect(state.restore!.reason).toMatch(/superpoint \d+ is in instances/);

    t.host.services.store.settings.set(KEY, { format: 1, instances: 'nope' });
    await restart();
    state = await t.host.client.segmentationState({ sceneId: 'sample' });
    expect(state.restore).toMatchObject({ outcome: 'discarded' });
    expect(state.restore!.reason).toMatch(/damaged/);
    expect(storedDraft()).toBeUndefined();
  }, 120_000);
});
