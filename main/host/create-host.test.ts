// Every contract method through the real dispatcher, sample room, SQLite store and measure kernel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractCallError, type OpenedScene, type RpcResult } from '../../app/contract';
import { APP_VERSION, ENGINE_VERSION } from '../../app/version';
import { createHost, type Host } from './create-host';
import { SAMPLE_SCENE_ID } from './services';

let dataDir: string;
let host: Host;
let opened: OpenedScene;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-host-'));
  host = await createHost({ dataDir, transport: 'in-process' });
  opened = await host.client.openScene({ sceneId: SAMPLE_SCENE_ID });
});

afterAll(async () => {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

/** Smallest distance between any point of instance a and any point of instance b, by brute force. */
function bruteForceDistance(s: OpenedScene, a: number, b: number): number {
  const { positions, instanceIds } = s.buffers;
  const pa: number[] = [];
  const pb: number[] = [];
  for (let i = 0; i < instanceIds.length; i++) {
    if (instanceIds[i] === a) pa.push(i);
    else if (instanceIds[i] === b) pb.push(i);
  }
  let best = Infinity;
  for (const i of pa) {
    const x = positions[3 * i]!, y = positions[3 * i + 1]!, z = positions[3 * i + 2]!;
    for (const j of pb) {
      const dx = x - positions[3 * j]!, dy = y - positions[3 * j + 1]!, dz = z - positions[3 * j + 2]!;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

describe('host over the in-process transport', () => {
  it('appInfo reports versions, data dir, transport and an execution provider with its reason', async () => {
    const info = await host.client.appInfo();
    expect(info).toMatchObject({ name: 'Scenewright', version: APP_VERSION, engineVersion: ENGINE_VERSION, dataDir, transport: 'in-process', readOnly: false });
    expect(['cuda', 'webgpu', 'cpu', 'none']).toContain(info.executionProvider);
    expect(info.executionProviderReason.length).toBeGreaterThan(0);
    // The transport comes from the caller's context, not from how the host was created.
    const web = await host.dispatch('appInfo', {}, { transport: 'web' });
    expect(web.ok && web.value).toMatchObject({ transport: 'web' });
  });

  it('lists the sample room first and records it in the database', async () => {
    const { scenes } = await host.client.listScenes();
    expect(scenes[0]).toMatchObject({ id: SAMPLE_SCENE_ID, pointCount: opened.scene.pointCount, instanceCount: opened.instances.length });
    expect(host.services.store.scenes.get(SAMPLE_SCENE_ID)?.instanceCount).toBe(opened.instances.length);
    expect(host.services.store.scenes.listInstances(SAMPLE_SCENE_ID).map((i) => i.label)).toEqual(opened.instances.map((i) => i.label));
  });

  it('opens the sample room with consistent buffers, bounds and instances', async () => {
    const { scene, instances, buffers } = opened;
    const n = scene.pointCount;
    expect(n).toBeGreaterThan(1000);
    expect(buffers.positions).toBeInstanceOf(Float32Array);
    expect(buffers.positions.length).toBe(3 * n);
    expect(buffers.colors.length).toBe(3 * n);
    expect(buffers.instanceIds.length).toBe(n);
    expect(scene.upAxis).toMatch(/^[yz]$/);
    let outside = 0;
    for (let i = 0; i < 3 * n; i++) {
      const v = buffers.positions[i]!;
      if (v < scene.bbox.min[i % 3]! || v > scene.bbox.max[i % 3]!) outside++;
    }
    expect(outside).toBe(0);
    const counts = new Map<number, number>();
    for (const id of buffers.instanceIds) if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const inst of instances) expect(counts.get(inst.id)).toBe(inst.pointCount);
    expect(instances.map((i) => i.label)).toEqual(expect.arrayContaining(['armchair', 'table']));
    expect((await host.client.listInstances({ sceneId: SAMPLE_SCENE_ID })).instances).toEqual(instances);
  });

  it('measures armchair to table as the brute-force closest-point distance', async () => {
    const armchair = opened.instances.find((i) => i.label === 'armchair')!;
    const table = opened.instances.find((i) => i.label === 'table')!;
    const r = await host.client.measureDistance({ sceneId: SAMPLE_SCENE_ID, a: armchair.id, b: table.id });
    const expected = bruteForceDistance(opened, armchair.id, table.id);
    expect(r).toMatchObject({ sceneId: SAMPLE_SCENE_ID, a: armchair.id, b: table.id, unit: 'm', method: 'closest-point' });
    expect(Math.abs(r.distance - expected)).toBeLessThan(1e-5);
    expect(Math.hypot(r.pointA[0] - r.pointB[0], r.pointA[1] - r.pointB[1], r.pointA[2] - r.pointB[2])).toBeCloseTo(r.distance, 5);
  });

  it('answers unknown scenes and instances with not_found, and bad input with invalid_input', async () => {
    expect(errorOf(await host.dispatch('openScene', { sceneId: 'nope' }))?.code).toBe('not_found');
    expect(errorOf(await host.dispatch('measureDistance', { sceneId: 'nope', a: 1, b: 2 }))?.code).toBe('not_found');
    expect(errorOf(await host.dispatch('measureDistance', { sceneId: SAMPLE_SCENE_ID, a: 1, b: 999_999 }))?.code).toBe('not_found');
    const bad = errorOf(await host.dispatch('measureDistance', { sceneId: SAMPLE_SCENE_ID, a: 'armchair', b: 1 }));
    expect(bad?.code).toBe('invalid_input');
    expect(bad?.details).toEqual([expect.objectContaining({ path: 'a' })]);
    expect(errorOf(await host.dispatch('dropTables', {}))?.code).toBe('unknown_method');
    await expect(host.client.openScene({ sceneId: 'nope' })).rejects.toBeInstanceOf(ContractCallError);
  });

  it('saves QA items with the engine version and keeps them across a restart on the same data dir', async () => {
    const [a, b] = opened.instances;
    const saved = await host.client.saveQaItem({
      sceneId: SAMPLE_SCENE_ID,
      kind: 'distance',
      question: `How far is ${a!.label} from ${b!.label}?`,
      answer: 1.25,
      unit: 'm',
      instanceIds: [a!.id, b!.id],
      status: 'verified',
    });
    expect(saved.engineVersion).toBe(ENGINE_VERSION);
    expect(await host.client.listQaItems({ sceneId: SAMPLE_SCENE_ID })).toEqual({ items: [saved], total: 1 });
    expect((await host.client.listQaItems({ sceneId: 'other' })).total).toBe(0);

    await host.close();
    host = await createHost({ dataDir, transport: 'in-process' });
    expect(await host.client.listQaItems()).toEqual({ items: [saved], total: 1 });
  });
});
