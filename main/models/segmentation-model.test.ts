import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { FEATURE_COUNT } from '../../app/segment/features';
import type { ProviderChoice } from './execution-provider';
import { identityModel } from './execution-provider';
import { linearSegmentationModel } from './linear-model.fixture';
import { OrtSession } from './ort-session';
import { loadSegmentationModel } from './segmentation-model';

const dir = mkdtempSync(join(tmpdir(), 'sw-model-'));
const cpu: () => Promise<ProviderChoice> = async () => ({ provider: 'cpu', reason: 'cpu available', fallbacks: [] });
const quiet = () => {};

describe('loadSegmentationModel', () => {
  const linear = linearSegmentationModel(FEATURE_COUNT, 20, 42);
  const file = join(dir, 'linear.onnx');
  writeFileSync(file, linear.bytes);
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  it('runs a real ONNX model (MatMul + Add) in the worker and gives the logits features·W + b', async () => {
    const model = await loadSegmentationModel(file, { choice: cpu, log: quiet });
    opened.push(model);
    expect(model.provider).toBe('cpu');
    expect(model.classes).toBe(20);
    expect(model.input).toEqual({ name: 'features', type: 'float32', shape: ['N', FEATURE_COUNT] });
    for (const count of [1, 7, 300]) {
      const features = Float32Array.from({ length: count * FEATURE_COUNT }, (_, i) => Math.sin(i * 0.37));
      const logits = await model.predict(features, count);
      expect(logits.length).toBe(count * 20);
      for (let n = 0; n < count; n++) {
        for (let c = 0; c < 20; c++) {
          let want = linear.bias[c]!;
          for (let f = 0; f < FEATURE_COUNT; f++) want += features[n * FEATURE_COUNT + f]! * linear.weights[f * 20 + c]!;
          expect(logits[n * 20 + c]).toBeCloseTo(want, 4);
        }
      }
    }
  });

  it('falls back to the next provider when one cannot create the session, and says why', async () => {
    const logged: string[] = [];
    // Claim the probe chose webgpu: on a machine without a WebGPU adapter the session falls back to cpu.
    const model = await loadSegmentationModel(file, { choice: async () => ({ provider: 'webgpu', reason: 'webgpu available', fallbacks: [{ provider: 'cuda', reason: 'not installed' }] }), log: (m) => logged.push(m) });
    opened.push(model);
    expect(['webgpu', 'cpu']).toContain(model.provider);
    expect(model.fallbacks[0]).toEqual({ provider: 'cuda', reason: 'not installed' });
    if (model.provider === 'cpu') {
      expect(model.fallbacks[1]?.provider).toBe('webgpu');
      expect(logged.some((m) => m.includes('webgpu could not run it'))).toBe(true);
    }
    expect(logged.at(-1)).toBe(`segmentation model linear.onnx: running on ${model.provider}`);
    const logits = await model.predict(new Float32Array(FEATURE_COUNT), 1);
    expect([...logits]).toEqual([...linear.bias].map((b) => expect.closeTo(b, 5)));
  });

  it('validates inputs against the declared names and shapes before running', async () => {
    const model = await loadSegmentationModel(file, { choice: cpu, log: quiet });
    opened.push(model);
    await expect(model.predict(new Float32Array(FEATURE_COUNT + 1), 1)).rejects.toThrow(/values for 1 superpoints/);
    const session = await OrtSession.create(linear.bytes, ['cpu']);
    try {
      await expect(session.run({ feats: { data: new Float32Array(FEATURE_COUNT), dims: [1, FEATURE_COUNT] } })).rejects.toThrow(/no input "feats".*"features"/);
      await expect(session.run({ features: { data: new Float32Array(10), dims: [1, 10] } })).rejects.toThrow(/dimension 1 must be 23, got 10/);
      await expect(session.run({ features: { data: new Float32Array(FEATURE_COUNT), dims: [FEATURE_COUNT] } })).rejects.toThrow(/rank 2/);
      // The dynamic superpoint dimension takes any count.
      const out = await session.run({ features: { data: new Float32Array(5 * FEATURE_COUNT), dims: [5, FEATURE_COUNT] } });
      expect(out['logits']!.dims).toEqual([5, 20]);
    } finally {
      await session.close();
    }
  });

  it('names the file when it is missing', async () => {
    const missing = join(dir, 'nope.onnx');
    const err = await loadSegmentationModel(missing, { choice: cpu, log: quiet }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'not_found', message: `segmentation model not found: ${missing}` });
  });

  it('names the file when it is corrupt or not a segmentation model', async () => {
    const corrupt = join(dir, 'corrupt.onnx');
    writeFileSync(corrupt, Buffer.from('this is not a protobuf model, just text'));
    await expect(loadSegmentationModel(corrupt, { choice: cpu, log: quiet })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringContaining(`segmentation model ${corrupt} is not a valid ONNX model`) });
    const truncated = join(dir, 'truncated.onnx');
    writeFileSync(truncated, linear.bytes.subarray(0, linear.bytes.length >> 1));
    await expect(loadSegmentationModel(truncated, { choice: cpu, log: quiet })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringContaining(truncated) });
    const empty = join(dir, 'empty.onnx');
    writeFileSync(empty, new Uint8Array(0));
    await expect(loadSegmentationModel(empty, { choice: cpu, log: quiet })).rejects.toMatchObject({ code: 'bad_file', message: `segmentation model ${empty} is empty` });
    // A valid ONNX model with the wrong interface (the provider probe's identity over float32[1]).
    const identity = join(dir, 'identity.onnx');
    writeFileSync(identity, identityModel());
    await expect(loadSegmentationModel(identity, { choice: cpu, log: quiet })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/identity\.onnx: input "x" is float32 \[1\]; expected float32 \[N, 23\]/) });
    const wrongWidth = join(dir, 'wide.onnx');
    writeFileSync(wrongWidth, linearSegmentationModel(FEATURE_COUNT + 2, 20).bytes);
    await expect(loadSegmentationModel(wrongWidth, { choice: cpu, log: quiet })).rejects.toThrow(/wide\.onnx: input "features" is float32 \[N, 25\]/);
  });
});
