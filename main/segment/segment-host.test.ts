// segmentScene through the real host: dispatcher, jobs, progress events and cancel.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../app/contract';
import { FEATURE_COUNT } from '../../app/segment/features';
import { createHost, type Host } from '../host/create-host';
import { bundledSegmentationModelPath } from './model-store';
import { promptMask } from './prompt-registry';
import { SAMPLE_SCENE_ID, SEGMENTATION_MODEL_FILE } from '../host/services';
import { linearSegmentationModel } from '../models/linear-model.fixture';

const dirs: string[] = [];
const hosts: Host[] = [];
afterAll(async () => {
  for (const h of hosts) await h.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function host(): Promise<{ host: Host; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-seg-host-'));
  dirs.push(dataDir);
  const h = await createHost({ dataDir, transport: 'in-process', backupIntervalMs: 0, executionProvider: async () => ({ provider: 'cpu', reason: 'cpu', fallbacks: [] }) });
  hosts.push(h);
  return { host: h, dataDir };
}

describe('segmentScene contract entry', () => {
  it('segments the sample room with the bundled model when none is installed, reporting progress under the job id', async () => {
    const { host: h, dataDir } = await host();
    const events: ProgressEvent[] = [];
    const off = h.events.on('progress', (e) => events.push(e));
    const r = await h.client.segmentScene({ sceneId: SAMPLE_SCENE_ID, jobId: 'seg-1' });
    off();
    expect(r.source).toBe('model');
    expect(r.reason).toBe(`bundled model ${bundledSegmentationModelPath()} (segmentation model not found: ${join(dataDir, 'models', SEGMENTATION_MODEL_FILE)}) on cpu`);
    // The host keeps the segmentation for click prompts.
    const mask = await promptMask(SAMPLE_SCENE_ID, [0]);
    expect(mask).toContain(0);
    expect(r.instanceIds).toBeInstanceOf(Int32Array);
    const opened = await h.client.openScene({ sceneId: SAMPLE_SCENE_ID });
    expect(r.instanceIds.length).toBe(opened.buffers.instanceIds.length);
    for (const inst of r.instances) expect(r.instanceIds.filter((id) => id === inst.id).length).toBe(inst.pointCount);
    expect(events.every((e) => e.jobId === 'seg-1')).toBe(true);
    expect(events.at(-1)!.finished).toBe(true);
    expect(events.filter((e) => !e.finished).map((e) => e.done)).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs the installed model', async () => {
    const { host: h, dataDir } = await host();
    mkdirSync(join(dataDir, 'models'));
    writeFileSync(join(dataDir, 'models', SEGMENTATION_MODEL_FILE), linearSegmentationModel(FEATURE_COUNT, 20, 9).bytes);
    const r = await h.client.segmentScene({ sceneId: SAMPLE_SCENE_ID });
    expect(r).toMatchObject({ source: 'model', provider: 'cpu' });
  });

  it('is cancelled by cancelJob', async () => {
    const { host: h } = await host();
    const off = h.events.on('progress', (e) => {
      if (e.done === 1 && !e.finished) void h.client.cancelJob({ jobId: 'seg-2' });
    });
    await expect(h.client.segmentScene({ sceneId: SAMPLE_SCENE_ID, jobId: 'seg-2' })).rejects.toMatchObject({ body: { code: 'cancelled' } });
    off();
    await expect(h.client.segmentScene({ sceneId: 'no-such-scene' })).rejects.toMatchObject({ body: { code: 'not_found' } });
  });
});
