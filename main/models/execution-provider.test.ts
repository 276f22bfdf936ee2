import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CUDA_NOT_INSTALLED, chooseExecutionProvider, probeInChild, probeInProcess, probeProvider, type ProbedProvider } from './execution-provider';

const ort = createRequire(import.meta.url)('onnxruntime-node') as typeof import('onnxruntime-node');

describe('execution provider choice', () => {
  it('creates and runs a session on the in-memory probe model with the CPU provider, in a child and in this process', async () => {
    expect(await probeInChild('cpu')).toEqual({ ok: true });
    expect(await probeInProcess('cpu')).toEqual({ ok: true });
    expect(await probeProvider('cpu')).toEqual({ ok: true });
  });

  it('reports a provider this build lacks as failed, in this process too, with ORT\'s reason', async () => {
    const r = await probeInProcess('tensorrt' as ProbedProvider);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it('on this machine picks a provider that works and explains every one it skipped', async () => {
    const logged: string[] = [];
    const choice = await chooseExecutionProvider({ log: (m) => logged.push(m) });
    expect(['cuda', 'webgpu', 'cpu']).toContain(choice.provider);
    expect(logged).toHaveLength(choice.fallbacks.length);
    const cuda = ort.listSupportedBackends().find((b) => b.name === 'cuda');
    if (!cuda?.bundled) expect(choice.fallbacks[0]).toEqual({ provider: 'cuda', reason: CUDA_NOT_INSTALLED });
    expect(await probeInChild(choice.provider as ProbedProvider)).toEqual({ ok: true });
  });

  it('walks cuda → webgpu → cpu, skipping what is not bundled or fails its probe', async () => {
    const probed: string[] = [];
    const choice = await chooseExecutionProvider({
      backends: () => [
        { name: 'cpu', bundled: true },
        { name: 'webgpu', bundled: true },
        { name: 'cuda', bundled: false },
      ],
      probe: async (p) => {
        probed.push(p);
        return p === 'webgpu' ? { ok: false, reason: 'Failed to get a WebGPU adapter' } : { ok: true };
      },
    });
    expect(probed).toEqual(['webgpu', 'cpu']);
    expect(choice).toEqual({
      provider: 'cpu',
      reason: 'cpu (cuda, webgpu unavailable)',
      fallbacks: [
        { provider: 'cuda', reason: CUDA_NOT_INSTALLED },
        { provider: 'webgpu', reason: 'Failed to get a WebGPU adapter' },
      ],
    });
  });

  it('reports none when onnxruntime-node cannot load', async () => {
    const choice = await chooseExecutionProvider({
      backends: () => {
        throw new Error('libonnxruntime.so.1: cannot open shared object file');
      },
    });
    expect(choice).toMatchObject({ provider: 'none', fallbacks: [] });
    expect(choice.reason).toContain('cannot open shared object file');
  });
});
