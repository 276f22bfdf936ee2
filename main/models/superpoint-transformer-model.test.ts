// The committed superpoint transformer through the real onnxruntime worker, and the load-time shape checks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../../app/sample';
import { FEATURE_COUNT } from '../../app/segment/features';
import { sceneSuperpointFeatures } from '../../app/segment/scene-superpoints';
import { bundledSegmentationModelPath } from '../segment/model-store';
import type { ProviderChoice } from './execution-provider';
import { onnxModel } from './onnx-proto';
import { loadSegmentationModel, type SegmentationModel } from './segmentation-model';

const cpu = async (): Promise<ProviderChoice> => ({ provider: 'cpu', reason: 'cpu', fallbacks: [] });
const opened: SegmentationModel[] = [];
afterAll(async () => {
  for (const m of opened) await m.close();
});

describe('superpoint transformer model', () => {
  it('loads the bundled file as a transformer and answers every head for any superpoint count', async () => {
    const m = await loadSegmentationModel(bundledSegmentationModelPath(), { choice: cpu, log: () => {} });
    opened.push(m);
    expect(m.kind).toBe('superpoint-transformer');
    expect(m.neighbourCount).toBe(16);
    expect(m.classes).toBe(20);
    const { scene } = generateSampleRoom({ targetPoints: 30_000 });
    const { features } = sceneSuperpointFeatures({ positions: scene.positions, colors: scene.colors });
    const a = await m.analyse(features.features, features.count, [0, 1]);
    expect(a.logits.length).toBe(features.count * 20);
    expect(a.affinity!.length).toBe(features.count * 16);
    expect(a.neighbours![0]).toBe(0);
    expect(a.prompt!.length).toBe(features.count);
    expect([...a.logits, ...a.affinity!, ...a.prompt!].every(Number.isFinite)).toBe(true);
    // Without clicks there is no prompt; logits do not depend on the clicks.
    const b = await m.analyse(features.features, features.count);
    expect(b.prompt).toBeNull();
    expect([...b.logits]).toEqual([...a.logits]);
    // One superpoint is a valid scene too.
    expect((await m.predict(features.features.slice(0, FEATURE_COUNT), 1)).length).toBe(20);
    await expect(m.analyse(features.features, features.count, [features.count])).rejects.toThrow(/clicked superpoint/);
  });

  it('refuses a file whose neighbour input has no fixed K, naming the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-spt-'));
    const file = join(dir, 'bad.onnx');
    writeFileSync(
      file,
      onnxModel({
        name: 'bad-transformer',
        nodes: [
          { op: 'Identity', inputs: ['features'], outputs: ['logits'] },
          { op: 'Identity', inputs: ['neighbours'], outputs: ['affinity'] },
          { op: 'Identity', inputs: ['clicks'], outputs: ['prompt'] },
        ],
        inputs: [
          { name: 'features', shape: ['N', FEATURE_COUNT] },
          { name: 'neighbours', shape: ['N', 'K'] },
          { name: 'clicks', shape: ['C'] },
        ],
        outputs: [
          { name: 'logits', shape: ['N', FEATURE_COUNT] },
          { name: 'affinity', shape: ['N', 'K'] },
          { name: 'prompt', shape: ['C'] },
        ],
        initializers: [],
      }),
    );
    await expect(loadSegmentationModel(file, { choice: cpu, log: () => {} })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/input "neighbours" is float32 \[N, K\]; expected float32 \[N, K\] with a fixed K/) });
  });
});
