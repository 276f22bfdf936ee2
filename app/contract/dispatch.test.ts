import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { contract, methods, type Method } from './contract';
import { createDispatcher, type Handlers } from './dispatch';
import { AppError, ContractCallError } from './errors';
import type { DistanceResult } from './schemas';

const ctx = { transport: 'in-process' as const };
const distance: DistanceResult = { sceneId: 's', a: 1, b: 2, distance: 0.5, pointA: [0, 0, 0], pointB: [0.5, 0, 0], centerDistance: 1, unit: 'm', method: 'closest-point' };

function handlers(calls: string[]): Handlers {
  const h: Partial<Handlers> = {
    appInfo: () => ({ name: 'Scenewright', version: '1', engineVersion: '1', dataDir: '/d', executionProvider: 'cpu', executionProviderReason: 'r', transport: 'in-process', readOnly: false }),
    measureDistance: (input) => {
      calls.push(`measure ${input.a} ${input.b}`);
      if (input.a === 99) throw new AppError('not_found', 'no instance 99');
      if (input.a === 98) throw new Error('kaboom');
      if (input.a === 97) return { ...distance, distance: -1 };
      return { ...distance, a: input.a, b: input.b };
    },
    listQaItems: (input) => {
      calls.push(`list ${input.limit} ${input.offset}`);
      return { items: [], total: 0 };
    },
  };
  return h as Handlers;
}

describe('contract', () => {
  it('gives every entry an input and an output schema', () => {
    expect(methods.length).toBeGreaterThanOrEqual(7);
    for (const m of methods) {
      expect(typeof contract[m as Method].input.safeParse).toBe('function');
      expect(typeof contract[m as Method].output.safeParse).toBe('function');
    }
  });

  it('parses valid input, applies defaults and passes typed values to the handler', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher(handlers(calls));
    const r = await dispatch('listQaItems', {}, ctx);
    expect(r).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(calls).toEqual(['list 100 0']);
  });

  it.each([
    ['a string id', { sceneId: 's', a: '1', b: 2 }, 'a'],
    ['a fractional id', { sceneId: 's', a: 1.5, b: 2 }, 'a'],
    ['a missing field', { sceneId: 's', a: 1 }, 'b'],
    ['an unknown field', { sceneId: 's', a: 1, b: 2, extra: true }, ''],
    ['an empty scene id', { sceneId: '', a: 1, b: 2 }, 'sceneId'],
  ])('answers %s with invalid_input and never calls the handler', async (_name, input, path) => {
    const calls: string[] = [];
    const r = await createDispatcher(handlers(calls))('measureDistance', input, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect((r.error.details as { path: string }[]).map((d) => d.path)).toContain(path);
    expect(calls).toEqual([]);
  });

  it('answers an unknown or inherited method name with unknown_method', async () => {
    const dispatch = createDispatcher(handlers([]));
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      const r = await dispatch(name, {}, ctx);
      expect(r.ok ? null : r.error.code).toBe('unknown_method');
    }
  });

  it('turns AppError into its typed error and other throws into internal', async () => {
    const dispatch = createDispatcher(handlers([]));
    const notFound = await dispatch('measureDistance', { sceneId: 's', a: 99, b: 1 }, ctx);
    expect(notFound).toEqual({ ok: false, error: { code: 'not_found', message: 'no instance 99' } });
    const crash = await dispatch('measureDistance', { sceneId: 's', a: 98, b: 1 }, ctx);
    expect(crash.ok ? null : crash.error.code).toBe('internal');
  });

  it('refuses handler output that breaks the contract', async () => {
    const r = await createDispatcher(handlers([]))('measureDistance', { sceneId: 's', a: 97, b: 1 }, ctx);
    expect(r.ok ? null : r.error.code).toBe('internal');
  });

  it('gives a typed client that throws ContractCallError on errors', async () => {
    const dispatch = createDispatcher(handlers([]));
    const client = createClient((m, i) => dispatch(m, i, ctx));
    expect((await client.measureDistance({ sceneId: 's', a: 1, b: 2 })).distance).toBe(0.5);
    await expect(client.measureDistance({ sceneId: 's', a: 99, b: 2 })).rejects.toBeInstanceOf(ContractCallError);
  });
});
