// ScanNet scene0000_00 (81,369 points) through the product path: import, Segment scene, restart, and
// the draft comes back from its stored basis without a segmentation run. Prints the stored size.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentationDraftView } from '../../app/contract';
import { FEATURE_COUNT } from '../../app/segment/features';
import { bundleImportWorker } from '../import/testing/worker-bundle';
import { sharedDataDir } from '../launch/paths';
import { MAX_BASIS_BYTES, StoredBasis } from '../segment/draft-basis';
import { draftKey, BASIS_SETTING_PREFIX } from '../segment/draft-store';
import { testHost } from './testing/host-fixture';

const SCENE = join(sharedDataDir(), 'scannet', 'scene0000_00');
const worker = bundleImportWorker();
afterAll(() => worker.remove());
const t = testHost('sw-segbasis-real-', { importWorker: worker.file });
beforeAll(t.setUp);
afterAll(t.tearDown);

describe.skipIf(!existsSync(SCENE))('draft basis of scene0000_00', () => {
  it('stores a bounded basis and restores the draft from it without segmenting again', async () => {
    const { id: sceneId } = await t.host.client.importScene({ path: SCENE });
    const run = await t.host.client.segmentScene({ sceneId });
    const state = await t.host.client.segmentationState({ sceneId });
    const draft = state.draft!;
    const json = JSON.stringify(t.host.services.store.settings.get(draftKey(sceneId, BASIS_SETTING_PREFIX)));
    const basis = StoredBasis.parse(JSON.parse(json));
    const raw = 4 * (basis.pointCount + basis.superpointCount * (FEATURE_COUNT + 8) + 1 + basis.neighbourCount);
    process.stdout.write(`scene0000_00 draft basis: ${basis.pointCount} points, ${basis.superpointCount} superpoints, ${raw} bytes raw, ${json.length} bytes stored\n`);
    expect(basis.superpointCount).toBe(run.superpointCount);
    expect(json.length).toBeLessThan(raw);
    expect(json.length).toBeLessThan(MAX_BASIS_BYTES);

    await t.restart();
    const after = await t.host.client.segmentationState({ sceneId });
    expect(after.restore?.outcome).toBe('restored');
    const same = (d: SegmentationDraftView) => [d.instances, Array.from(d.instanceIds), Array.from(d.superpointIds)];
    expect(same(after.draft!)).toEqual(same(draft));
    expect(t.host.services.segmentRuns()).toBe(0);
  }, 300_000);
});
