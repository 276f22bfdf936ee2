// askQuestion through the real dispatcher on the sample room says which reader grounded a typed
// question: the bundled layout language model (onnxruntime-node) or the QA parser, with the reason;
// the numbers come from the QA engine either way. A broken model file in the data directory leaves
// every question to the parser.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskAnswer, AskInput, AskResult, InstanceInfo } from '../../app/contract';
import { AskResult as AskResultSchema } from '../../app/contract';
import { closeSharedLayoutModels } from '../layout/layout-model-store';
import { createHost, type Host } from './create-host';
import { SAMPLE_SCENE_ID } from './services';

const made: Array<{ dir: string; host: Host }> = [];
async function open(brokenModel = false) {
  const dir = mkdtempSync(join(tmpdir(), 'sw-ask-by-'));
  if (brokenModel) {
    mkdirSync(join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, 'models', 'layout.onnx'), 'not an onnx model');
  }
  const host = await createHost({ dataDir: dir, transport: 'in-process', backupIntervalMs: 0, executionProvider: async () => ({ provider: 'none', reason: 'not probed here', fallbacks: [] }) });
  made.push({ dir, host });
  return host;
}
afterAll(async () => {
  for (const m of made) {
    await m.host.close();
    rmSync(m.dir, { recursive: true, force: true });
  }
  await closeSharedLayoutModels();
});

let host: Host;
let instances: InstanceInfo[];
beforeAll(async () => {
  host = await open();
  ({ instances } = await host.client.listInstances({ sceneId: SAMPLE_SCENE_ID }));
});
const one = (label: string) => {
  const found = instances.filter((i) => i.label === label);
  if (found.length !== 1) throw new Error(`expected one ${label}, found ${found.length}`);
  return found[0]!.id;
};
const ask = (h: Host, input: Omit<AskInput, 'sceneId' | 'selection'> & { selection?: number[] }) => h.client.askQuestion({ sceneId: SAMPLE_SCENE_ID, selection: [], ...input });
function answerOf(r: AskResult): AskAnswer {
  if (r.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(r)}`);
  return r;
}

describe('askQuestion reports which reader grounded it', () => {
  it('the language model grounds a plain typed distance; the parser, asked the same, gives the same roles and value', async () => {
    const a = answerOf(await ask(host, { text: 'How far is the armchair from the table?' }));
    expect(a.groundedBy).toBe('model');
    expect(a.groundedReason).toMatch(/language model grounded it \(confidence \d\.\d\d\)/);
    expect(a.query).toEqual({ type: 'distance', roles: { a: one('armchair'), b: one('table') } });
    const broken = await open(true);
    const g = answerOf(await ask(broken, { text: 'How far is the armchair from the table?' }));
    expect(g.groundedBy).toBe('grammar');
    expect(g.groundedReason).toMatch(/could not be used/);
    expect(g.query).toEqual(a.query);
    expect(g.value).toBe(a.value);
    expect(AskResultSchema.parse(a)).toEqual(a);
  });

  it('the model backs the parser up on wording the parser cannot read', async () => {
    const text = 'The armchair and the table: how far apart?';
    const broken = made.find((m) => m.host !== host)?.host ?? (await open(true));
    const g = await ask(broken, { text });
    expect(g).toMatchObject({ kind: 'unsupported', groundedBy: 'grammar' });
    const a = answerOf(await ask(host, { text }));
    expect(a.groundedBy).toBe('model');
    expect(new Set(Object.values(a.query.roles))).toEqual(new Set([one('armchair'), one('table')]));
  });

  it('a click-built question is the parser\'s, and a clarified one stays with it', async () => {
    const c = answerOf(await ask(host, { type: 'size', selection: [one('armchair')] }));
    expect(c).toMatchObject({ groundedBy: 'grammar', groundedReason: 'a question built by clicks' });
    const chairs = instances.filter((i) => i.label === 'chair').map((i) => i.id);
    const first = await ask(host, { text: 'How far is the chair from the table?' });
    expect(first).toMatchObject({ kind: 'clarify', groundedBy: 'grammar' });
    const settled = answerOf(await ask(host, { text: 'How far is the chair from the table?', clarify: { a: chairs[0]! } }));
    expect(settled.groundedBy).toBe('grammar');
    expect(settled.query.roles.a).toBe(chairs[0]);
  });
});
