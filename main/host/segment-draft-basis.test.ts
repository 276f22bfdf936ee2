// A stored segmentation draft comes back after a restart without running segmentation: the host
// stores the draft's superpoints and features once per draft start (main/segment/draft-basis.ts),
// restores from them, and answers the first click from the stored features. Counted through the
// host's own segment() (services.segmentRuns), the path every segmentation run takes. A basis that
// does not fit the scene's points, or is damaged, discards the draft with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentationDraftView } from '../../app/contract';
import { StoredBasis } from '../segment/draft-basis';
import { BASIS_SETTING_PREFIX, DRAFT_SETTING_PREFIX, StoredDraft } from '../segment/draft-store';
import { SAMPLE_SCENE_ID } from './services';
import { draftEssence } from './testing/draft-essence';
import { testHost } from './testing/host-fixture';

const t = testHost('sw-segbasis-');
beforeAll(t.setUp);
afterAll(t.tearDown);
const BASIS = `${BASIS_SETTING_PREFIX}${SAMPLE_SCENE_ID}`;
const DRAFT = `${DRAFT_SETTING_PREFIX}${SAMPLE_SCENE_ID}`;
const setting = (key: string) => t.host.services.store.settings.get(key);

const essence = draftEssence;

/** The superpoints (ascending) an instance of the view holds. */
const superpointsOf = (d: SegmentationDraftView, id: number) => {
  const out = new Set<number>();
  d.instanceIds.forEach((v, i) => v === id && out.add(d.superpointIds[i]!));
  return [...out].sort((a, b) => a - b);
};

describe('restoring a segmentation draft from its stored basis', () => {
  let edited: SegmentationDraftView;

  it('stores the basis once per draft start, not on every edit', async () => {
    const c = t.host.client;
    const run = await c.segmentScene({ sceneId: SAMPLE_SCENE_ID });
    const basis = StoredBasis.parse(setting(BASIS));
    expect(basis).toMatchObject({ sceneId: SAMPLE_SCENE_ID, superpointCount: run.superpointCount, superpointHash: StoredDraft.parse(setting(DRAFT)).superpointHash });
    const writtenAt = t.host.services.store.db.prepare('SELECT updated_at FROM settings WHERE key = ?').pluck().get(BASIS);

    await new Promise((r) => setTimeout(r, 5));
    const state = await c.segmentationState({ sceneId: SAMPLE_SCENE_ID });
    const [a, b] = state.draft!.instances;
    await c.mergeInstances({ sceneId: SAMPLE_SCENE_ID, ids: [a!.id, b!.id] });
    edited = await c.relabelInstance({ sceneId: SAMPLE_SCENE_ID, id: state.draft!.instances[2]!.id, label: 'otherfurniture' });
    expect(t.host.services.store.db.prepare('SELECT updated_at FROM settings WHERE key = ?').pluck().get(BASIS)).toBe(writtenAt);
    expect(t.host.services.segmentRuns()).toBe(1);
  }, 120_000);

  it('restores the draft exactly after a restart without a segmentation run, and the first click answers from the stored features', async () => {
    await t.restart();
    const state = await t.host.client.segmentationState({ sceneId: SAMPLE_SCENE_ID });
    expect(state.restore?.outcome).toBe('restored');
    expect(essence(state.draft!)).toEqual(essence(edited));
    expect(t.host.services.segmentRuns()).toBe(0);

    // Click where the merged object is: a new object from the prompt, still without a run.
    const clicked = edited.instanceIds.findIndex((id) => id === edited.instances[0]!.id);
    const next = await t.host.client.promptObject({ sceneId: SAMPLE_SCENE_ID, pointIndex: clicked, mode: 'new' });
    expect(t.host.services.segmentRuns()).toBe(0);

    // The same answer a fresh segmentation's prompt gives for that click.
    const fresh = await t.host.services.segment(await t.host.services.registry.get(SAMPLE_SCENE_ID));
    expect(Array.from(fresh.superpoints)).toEqual(Array.from(edited.superpointIds));
    expect(superpointsOf(next, next.focus!)).toEqual(await fresh.promptMask([edited.superpointIds[clicked]!]));
    edited = next;
  }, 120_000);

  it('discards the draft when the basis was made on other points, or is damaged, and says why', async () => {
    const saved = StoredBasis.parse(setting(BASIS));
    const draft = setting(DRAFT);
    t.host.services.store.settings.set(BASIS, { ...saved, sceneHash: `sha256:${'1'.repeat(64)}` });
    await t.restart();
    let state = await t.host.client.segmentationState({ sceneId: SAMPLE_SCENE_ID });
    expect(state.draft).toBeNull();
    expect(state.restore).toMatchObject({ outcome: 'discarded' });
    expect(state.restore!.reason).toMatch(/points changed/);
    expect(setting(DRAFT)).toBeUndefined();
    expect(setting(BASIS)).toBeUndefined();

    t.host.services.store.settings.set(DRAFT, draft);
    t.host.services.store.settings.set(BASIS, { ...saved, data: Buffer.from('not a deflated basis').toString('base64') });
    await t.restart();
    state = await t.host.client.segmentationState({ sceneId: SAMPLE_SCENE_ID });
    expect(state.restore!.reason).toMatch(/damaged/);
    expect(t.host.services.segmentRuns()).toBe(0);
    expect(setting(BASIS)).toBeUndefined();
  }, 120_000);
});
