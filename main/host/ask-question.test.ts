// askQuestion through the real dispatcher on the sample room: answers with evidence (the same
// closest-point distance measureDistance gives), clarification of ambiguous references by role,
// click-built questions over the selection, viewpoint-dependent relations, and unsupported input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskResult, ContractCallError, type AskAnswer, type AskInput, type InstanceInfo } from '../../app/contract';
import { createHost, type Host } from './create-host';
import { SAMPLE_SCENE_ID } from './services';

let dataDir: string;
let host: Host;
let instances: InstanceInfo[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-ask-'));
  host = await createHost({ dataDir, transport: 'in-process', backupIntervalMs: 0, executionProvider: async () => ({ provider: 'none', reason: 'not probed here', fallbacks: [] }) });
  ({ instances } = await host.client.listInstances({ sceneId: SAMPLE_SCENE_ID }));
});

afterAll(async () => {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ids = (label: string) => instances.filter((i) => i.label === label).map((i) => i.id);
const one = (label: string) => {
  const [id, ...rest] = ids(label);
  if (id === undefined || rest.length > 0) throw new Error(`expected one ${label}, found ${ids(label).length}`);
  return id;
};
const ask = (input: Omit<AskInput, 'sceneId' | 'selection'> & { selection?: number[] }) =>
  host.client.askQuestion({ sceneId: SAMPLE_SCENE_ID, selection: [], ...input });
function answerOf(r: AskResult): AskAnswer {
  if (r.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(r)}`);
  return r;
}
/** Looking at the room from its south side towards the centre, as the default camera does. */
const fromSouth = { position: [0, -8, 3] as [number, number, number], target: [0, 0, 0] as [number, number, number], up: [0, 0, 1] as [number, number, number] };

describe('askQuestion on the sample room', () => {
  it('answers a typed distance with the same closest points measureDistance finds, and the boxes of both objects', async () => {
    const armchair = one('armchair');
    const table = one('table');
    const a = answerOf(await ask({ text: 'How far is the armchair from the table?' }));
    const measured = await host.client.measureDistance({ sceneId: SAMPLE_SCENE_ID, a: armchair, b: table });
    expect(a.query).toEqual({ type: 'distance', roles: { a: armchair, b: table } });
    expect(a.unit).toBe('m');
    expect(a.value).toBe(Math.round(measured.distance * 100) / 100);
    expect(a.text).toBe(`${(a.value as number).toFixed(2)} m`);
    const [segment] = a.evidence.segments;
    expect(segment!.kind).toBe('closest');
    expect(segment!.length).toBeCloseTo(measured.distance, 9);
    expect(Math.hypot(...([0, 1, 2] as const).map((k) => segment!.from[k] - segment!.to[k]))).toBeCloseTo(measured.distance, 5);
    expect(a.evidence.boxes.map((b) => [b.role, b.instanceId])).toEqual([['a', armchair], ['b', table]]);
    expect(a.instanceIds).toEqual([armchair, table]);
    // Every answer passes the strict schema again (numbers only, bounded lists).
    expect(AskResult.parse(a)).toEqual(a);
  });

  it('asks which chair when three fit, and answers once one is clicked for that role', async () => {
    const chairs = ids('chair');
    expect(chairs.length).toBe(3);
    const r = await ask({ text: 'how far is the chair from the table?' });
    expect(r).toMatchObject({ kind: 'clarify', role: 'a', phrase: 'the chair' });
    expect(r.kind === 'clarify' && [...r.candidates].sort()).toEqual([...chairs].sort());
    const chosen = chairs[1]!;
    const a = answerOf(await ask({ text: 'how far is the chair from the table?', clarify: { a: chosen } }));
    const measured = await host.client.measureDistance({ sceneId: SAMPLE_SCENE_ID, a: chosen, b: one('table') });
    expect(a.query.roles).toEqual({ a: chosen, b: one('table') });
    expect(a.evidence.segments[0]!.length).toBeCloseTo(measured.distance, 9);
  });

  it('a click on an object of another category is asked back, not accepted', async () => {
    const r = await ask({ text: 'how far is the chair from the table?', clarify: { a: one('sofa') } });
    expect(r).toMatchObject({ kind: 'clarify', role: 'a' });
    expect(r.kind === 'clarify' && r.reason).toMatch(/sofa.*not a chair/);
  });

  it('"this" and "that" are the selection; with nothing selected the UI is asked to get a click', async () => {
    const sofa = one('sofa');
    const tv = ids('tv')[0] ?? one('wardrobe');
    const a = answerOf(await ask({ text: 'how far is this from that?', selection: [sofa, tv] }));
    expect(a.query.roles).toEqual({ a: sofa, b: tv });
    const r = await ask({ text: 'how far is this from the table?' });
    expect(r).toMatchObject({ kind: 'clarify', role: 'a', phrase: 'this' });
    expect(r.kind === 'clarify' && r.candidates.length).toBeGreaterThan(10);
  });

  it('click-built questions: centre distance, size, count of the selected kind, relations', async () => {
    const [bed, nightstand, lamps] = [one('bed'), one('nightstand'), ids('lamp')];
    const centre = answerOf(await ask({ type: 'centre_distance', selection: [bed, nightstand] }));
    const measured = await host.client.measureDistance({ sceneId: SAMPLE_SCENE_ID, a: bed, b: nightstand });
    expect(centre.evidence.segments[0]).toMatchObject({ kind: 'centre' });
    expect(centre.evidence.segments[0]!.length).toBeCloseTo(measured.centerDistance, 6);

    const size = answerOf(await ask({ type: 'size', selection: [bed] }));
    const info = instances.find((i) => i.id === bed)!;
    const height = Math.round((info.bbox.max[2] - info.bbox.min[2]) * 1000);
    expect(size.text).toContain(`height ${height} mm`);

    const count = answerOf(await ask({ type: 'count', selection: [lamps[0]!] }));
    expect(count).toMatchObject({ value: lamps.length, query: { type: 'count', category: 'lamp' } });
    expect(count.evidence.boxes.map((b) => b.instanceId).sort()).toEqual([...lamps].sort());

    const on = answerOf(await ask({ type: 'next_to', selection: [nightstand, bed] }));
    expect(on.query).toMatchObject({ type: 'next_to', roles: { a: nightstand, b: bed } });
    expect(on.evidence.criteria[0]).toMatchObject({ name: 'closest distance', op: '<', threshold: 0.5 });
    expect(on.value).toBe(on.evidence.criteria[0]!.pass ? 'yes' : 'no');

    // between needs a third object: the UI is asked for a click on it.
    const between = await ask({ type: 'between', selection: [nightstand, bed] });
    expect(between).toMatchObject({ kind: 'clarify', role: 'c' });
  });

  it('left and right from the current viewpoint draw the angle sector; the opposite viewpoint flips the answer', async () => {
    const [sofa, wardrobe] = [one('sofa'), one('wardrobe')];
    const fromNorth = { position: [0, 8, 3] as [number, number, number], target: [0, 0, 0] as [number, number, number], up: [0, 0, 1] as [number, number, number] };
    const south = answerOf(await ask({ type: 'left', selection: [sofa, wardrobe], viewpoint: fromSouth }));
    const north = answerOf(await ask({ type: 'left', selection: [sofa, wardrobe], viewpoint: fromNorth }));
    expect(south.evidence.fan).toMatchObject({ bin: [0, 180] });
    expect(south.query).toMatchObject({ type: 'left', view: 'camera', roles: { target: sofa, reference: wardrobe } });
    expect([south.value, north.value].sort()).toEqual(['no', 'yes']);
    expect(south.evidence.fan!.holds).toBe(south.value === 'yes');
    // A viewpoint-dependent question without a viewpoint is not guessed.
    expect(await ask({ type: 'left', selection: [sofa, wardrobe] })).toMatchObject({ kind: 'unsupported' });
  });

  it('typed viewpoint questions: "what is left of the bed if I stand by the door facing the window"', async () => {
    const a = answerOf(await ask({ text: 'what is left of the bed if I stand by the door facing the window?' }));
    expect(a.query).toMatchObject({ type: 'find', relation: 'left', view: 'objects', roles: { reference: one('bed'), standBy: one('door'), facing: one('window') } });
    expect(a.evidence.boxes[0]).toMatchObject({ role: 'reference', instanceId: one('bed') });
    for (const b of a.evidence.boxes.slice(1)) expect(b.role).toBe('match');
    expect(a.text).not.toBe('');
  });

  it('counts by category, and says why it cannot answer the rest', async () => {
    expect(answerOf(await ask({ text: 'How many chairs are there?' }))).toMatchObject({ value: 3, unit: '' });
    expect(await ask({ text: 'how far is the piano from the table?' })).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/piano/) });
    expect(await ask({ text: 'make me a sandwich' })).toMatchObject({ kind: 'unsupported' });
    expect(await ask({ type: 'distance', selection: [ids('wall')[0]!, one('bed')] })).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/wall/) });
    expect(await ask({ text: 'how far is the chair from the table?', clarify: { b: one('table'), 'a.near': 3 } })).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/a\.near/) });
  });

  it('rejects malformed input with a typed error naming the field', async () => {
    const err = await host.client.askQuestion({ sceneId: SAMPLE_SCENE_ID, selection: [] } as AskInput).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractCallError);
    expect((err as ContractCallError).body.code).toBe('invalid_input');
    const bad = await host.client.askQuestion({ sceneId: SAMPLE_SCENE_ID, text: 'how far?', selection: [], clarify: { nonsense: 1 } }).catch((e: unknown) => e);
    expect((bad as ContractCallError).body.code).toBe('invalid_input');
    const missing = await host.client.askQuestion({ sceneId: 'no-such-scene', text: 'how many chairs', selection: [] }).catch((e: unknown) => e);
    expect((missing as ContractCallError).body.code).toBe('not_found');
  });
});
