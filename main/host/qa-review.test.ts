// The review queue over the contract, on the sample room with a real SQLite store: generate drafts,
// page the queue, accept and reject in batches with undo, and the statistics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateQuestionsResult, QaItem, RpcResult } from '../../app/contract';
import { ENGINE_VERSION } from '../../app/version';
import { createHost, type Host } from './create-host';

let dataDir: string;
let host: Host;
let first: GenerateQuestionsResult;
const SCENE = 'sample';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-review-'));
  host = await createHost({ dataDir, transport: 'in-process', backupIntervalMs: 0, executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }) });
  first = await host.client.generateQuestions({ sceneId: SCENE, perType: 4, seed: 2 });
}, 120_000);
afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const errorOf = (r: RpcResult) => (r.ok ? null : r.error);
const queue = (extra: Record<string, unknown> = {}) => host.client.listQaItems({ sceneId: SCENE, status: 'draft', origin: 'generated', order: 'oldest', limit: 1000, ...extra });
const query = (item: QaItem) => item.query as { source: string; questionId: string; type: string; generator: { engineVersion: string; seed: number; perType: number } };

describe('generateQuestions', () => {
  it('stores curated drafts with provenance and summarises every drop', async () => {
    expect(first.created).toBeGreaterThan(10);
    for (const n of Object.values(first.perType)) expect(n).toBeLessThanOrEqual(4);
    expect(Object.values(first.perType).reduce((s, n) => s + n, 0)).toBe(first.created);
    expect(first.dropped.reduce((s, d) => s + d.count, 0)).toBe(first.droppedTotal);
    expect(first.dropped.find((d) => d.rule === 'over_quota')?.example).toMatch(/kept, balanced over/);
    const { items, total } = await queue();
    expect(total).toBe(first.created);
    for (const item of items) {
      expect(item).toMatchObject({ sceneId: SCENE, status: 'draft', engineVersion: ENGINE_VERSION });
      expect(query(item)).toMatchObject({ source: 'generated', type: item.kind, generator: { engineVersion: ENGINE_VERSION, seed: 2, perType: 4 } });
      expect(item.instanceIds.length).toBeGreaterThan(item.kind === 'room_size_estimation' ? -1 : 0);
    }
    // MultiSPA sizes are whole millimetres of instances that exist in the scene.
    const size = items.find((i) => i.kind === 'multispa_object_size')!;
    expect(size.unit).toBe('mm');
    expect(Number.isInteger(size.answer)).toBe(true);
    const { instances } = await host.client.listInstances({ sceneId: SCENE });
    expect(instances.map((i) => i.id)).toContain(size.instanceIds[0]);
  });

  it('asks nothing twice: a second run stores only questions not stored before', async () => {
    const again = await host.client.generateQuestions({ sceneId: SCENE, perType: 4, seed: 2 });
    expect(again.dropped.filter((d) => d.rule === 'already_stored').reduce((n, d) => n + d.count, 0)).toBe(first.created);
    const { items, total } = await queue();
    expect(total).toBe(first.created + again.created);
    const ids = items.map((i) => query(i).questionId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses bad input with typed errors', async () => {
    expect(errorOf(await host.dispatch('generateQuestions', { sceneId: SCENE, types: ['route_planning'] }))).toMatchObject({ code: 'invalid_input' });
    expect(errorOf(await host.dispatch('generateQuestions', { sceneId: 'no-such-scene' }))).toMatchObject({ code: 'not_found' });
  });
});

describe('the review queue', () => {
  it('pages drafts oldest first, filtered by type, without workbench items', async () => {
    await host.client.saveQaItem({ sceneId: SCENE, kind: 'distance', question: 'How far?', answer: 1, unit: 'm', instanceIds: [3, 4], status: 'draft' });
    const all = await queue();
    expect(all.items.some((i) => i.kind === 'distance')).toBe(false);
    const type = all.items[0]!.kind;
    const page = await queue({ kinds: [type], limit: 2, offset: 1 });
    expect(page.total).toBe(all.items.filter((i) => i.kind === type).length);
    expect(page.items.map((i) => i.id)).toEqual(all.items.filter((i) => i.kind === type).slice(1, 3).map((i) => i.id));
    expect((await host.client.listQaItems({ sceneId: SCENE, origin: 'workbench' })).items.map((i) => i.kind)).toEqual(['distance']);
  });

  it('accepts and rejects batches as one undo step each', async () => {
    const { items } = await queue();
    const [a, b, c] = items;
    const accepted = await host.client.reviewQaItems({ ids: [a!.id, b!.id], action: 'accept' });
    expect(accepted.items.map((i) => [i.id, i.status, i.revision])).toEqual([
      [a!.id, 'verified', 2],
      [b!.id, 'verified', 2],
    ]);
    await host.client.reviewQaItems({ ids: [c!.id], action: 'reject' });
    expect((await host.client.listHistory({ sceneId: SCENE, limit: 2 })).entries.map((e) => e.label)).toEqual(['Reject 1 item', 'Accept 2 items']);
    expect((await queue()).total).toBe(items.length - 3);
    await host.client.undo({ sceneId: SCENE });
    expect((await queue()).total).toBe(items.length - 2);
    await host.client.redo({ sceneId: SCENE });
    expect((await host.client.listQaItems({ sceneId: SCENE, status: 'verified', order: 'oldest' })).items.map((i) => i.id)).toEqual([a!.id, b!.id]);
  });

  it('refuses a batch with an unknown item or spanning two scenes, changing nothing', async () => {
    const { items } = await queue({ limit: 1 });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await host.dispatch('reviewQaItems', { ids: [items[0]!.id, missing], action: 'accept' }))).toMatchObject({ code: 'not_found' });
    const other = await host.client.saveQaItem({ sceneId: 'elsewhere', kind: 'object_counting', question: 'How many chair(s) are in this room?', answer: 2, unit: '', instanceIds: [], status: 'draft' });
    expect(errorOf(await host.dispatch('reviewQaItems', { ids: [items[0]!.id, other.id], action: 'reject' }))).toMatchObject({ code: 'invalid_input' });
    expect((await queue({ limit: 1 })).items[0]).toMatchObject({ id: items[0]!.id, status: 'draft', revision: 1 });
  });
});

describe('qaStats', () => {
  it('counts per type and status, answer distributions, coverage and progress', async () => {
    const stats = await host.client.qaStats({ sceneId: SCENE });
    const { items: generated } = await host.client.listQaItems({ sceneId: SCENE, origin: 'generated', limit: 1000 });
    expect(stats.total).toBe(generated.length);
    expect(stats.other).toBe(1);
    const sum = Object.values(stats.perType).reduce((s, t) => s + t.draft + t.verified + t.rejected, 0);
    expect(sum).toBe(generated.length);
    expect(stats.progress).toEqual([{ sceneId: SCENE, total: generated.length, verified: 2, rejected: 1, reviewed: 3 }]);
    for (const [type, dist] of Object.entries(stats.answers)) {
      const live = generated.filter((i) => i.kind === type && i.status !== 'rejected');
      if (dist.kind === 'numeric') {
        expect(dist.histogram.counts.reduce((s, n) => s + n, 0)).toBe(live.length);
        expect(dist.min).toBe(Math.min(...live.map((i) => i.answer as number)));
      } else expect(dist.counts).toEqual(Object.fromEntries([...new Set(live.map((i) => String(i.answer)))].map((a) => [a, live.filter((i) => i.answer === a).length])));
    }
    const { instances } = await host.client.listInstances({ sceneId: SCENE });
    expect(stats.coverage.objectsPresent).toBeGreaterThan(0);
    expect(stats.coverage.objectsPresent).toBeLessThan(instances.length);
    expect(stats.coverage.objectsCovered).toBeGreaterThan(0);
    expect(stats.coverage.objectsCovered).toBeLessThanOrEqual(stats.coverage.objectsPresent!);
    expect(stats.coverage.pairsPresent).toBe((stats.coverage.objectsPresent! * (stats.coverage.objectsPresent! - 1)) / 2);
    // Across every scene, the item of the other scene counts and no coverage denominator is claimed.
    const everywhere = await host.client.qaStats({});
    expect(everywhere.total).toBe(generated.length + 1);
    expect(everywhere.coverage.objectsPresent).toBeNull();
  });
});
