// Layout editing through the contract on the sample room with a real database: preview → apply →
// the version listed and the points moved → undo → redo → restore, exports, and a restart.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutChange, OpenedScene, RpcResult } from '../../app/contract';
import { readPly } from '../../app/formats/ply/readPly';
import { parseSpatialLm } from '../../app/layout/spatiallm';
import { testHost } from './testing/host-fixture';

const t = testHost('sw-layout-');
beforeAll(t.setUp);
afterAll(t.tearDown);

const MOVE = 'move the armchair 50 cm to the left of the bed';
const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

/** Mean of one instance's points in the opened scene. */
function centroid(s: OpenedScene, id: number): [number, number, number] {
  const { positions, instanceIds } = s.buffers;
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < instanceIds.length; i++) {
    if (instanceIds[i] !== id) continue;
    for (let k = 0; k < 3; k++) sum[k]! += positions[i * 3 + k]!;
    n++;
  }
  return sum.map((v) => v / n) as [number, number, number];
}

function apply(m: number[], p: [number, number, number]): [number, number, number] {
  return [0, 1, 2].map((r) => m[r]! * p[0] + m[4 + r]! * p[1] + m[8 + r]! * p[2] + m[12 + r]!) as [number, number, number];
}

describe('layout editing over the contract', () => {
  let scanned: OpenedScene;
  let armchair: number;
  let change: LayoutChange;

  it('previews an instruction with the parser named, the grounding, the motion and every rule with its margin', async () => {
    scanned = await t.host.client.openScene({ sceneId: 'sample' });
    armchair = scanned.instances.find((i) => i.label === 'armchair')!.id;
    const empty = await t.host.client.listLayoutVersions({ sceneId: 'sample' });
    expect(empty).toMatchObject({ versions: [], currentId: null, history: { canUndo: false } });
    expect(empty.objects).toBeGreaterThan(10);

    const p = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: MOVE });
    expect(p).toMatchObject({ status: 'edited', reason: null });
    // The bundled language model answers when confident, else the grammar parser; the reason says which.
    expect(p.parserReason).toMatch(p.parser === 'model' ? /language model answered/ : /grammar parser answered/);
    expect(p.previewId).toEqual(expect.any(String));
    expect(p.grounding).toMatchObject({ target: { category: 'armchair', id: armchair }, reference: { category: 'bed' }, relation: 'left_of', amount: { metres: 0.5 } });
    expect(p.changes.length).toBeGreaterThanOrEqual(1);
    change = p.changes.find((c) => c.id === armchair)!;
    expect(change).toMatchObject({ instanceId: armchair, carried: false });
    // The matrix takes the old box centre to the new one.
    const moved = apply(change.matrix!, change.before!.center);
    moved.forEach((v, k) => expect(v).toBeCloseTo(change.after!.center[k]!, 5));
    expect(Math.hypot(change.after!.center[0] - change.before!.center[0], change.after!.center[1] - change.before!.center[1])).toBeGreaterThan(0.1);
    const rules = p.moves[0]!.constraints.map((c) => c.name);
    expect(rules).toEqual(expect.arrayContaining(['inside_room', 'no_overlap', 'support', 'door_swing', 'walkway']));
    expect(p.moves[0]!.constraints.every((c) => c.pass)).toBe(true);
    expect(p.moves[0]!.relation.holds).toBe(true);
  });

  it('refuses an impossible edit with the reason and says when an instruction is not understood', async () => {
    const refused = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'move the armchair 50 cm to the left of the sofa' });
    expect(refused).toMatchObject({ status: 'refused', previewId: null, changes: [] });
    expect(refused.reason).toMatch(/no room 50 cm left of the sofa/);
    expect(refused.constraintsAtIdeal.length).toBeGreaterThan(0);
    const vague = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'make the room nicer' });
    expect(vague.status).toBe('not_understood');
    expect(vague.reason).toBeTruthy();
    const twoPlants = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'move the plant next to the bed' });
    expect(twoPlants.status).toBe('ambiguous');
    expect(twoPlants.candidates.map((c) => c.category)).toEqual(['plant', 'plant']);
  });

  it('applies the preview as a version, moves the points openScene shows, and undo / redo / restore move them back and forth', async () => {
    const p = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: MOVE });
    const applied = await t.host.client.applyLayoutEdit({ sceneId: 'sample', previewId: p.previewId! });
    expect(applied.list.versions.map((v) => [v.version, v.label, v.moved])).toEqual([
      [1, 'Scan layout', 0],
      [2, expect.stringMatching(/^Layout: .*armchair/), 1],
    ]);
    expect(applied.list.currentId).toBe(applied.version.id);
    expect(applied.list.history).toEqual({ canUndo: true, canRedo: false });
    // A preview is used once.
    expect(errorOf(await t.host.dispatch('applyLayoutEdit', { sceneId: 'sample', previewId: p.previewId }))).toMatchObject({ code: 'not_found' });

    const before = centroid(scanned, armchair);
    const after = centroid(await t.host.client.openScene({ sceneId: 'sample' }), armchair);
    apply(change.matrix!, before).forEach((v, k) => expect(after[k]).toBeCloseTo(v, 4));
    const other = scanned.instances.find((i) => i.label === 'bed')!.id;
    expect(centroid(await t.host.client.openScene({ sceneId: 'sample' }), other)).toEqual(centroid(scanned, other));

    const undone = await t.host.client.undo({ sceneId: 'sample' });
    expect(undone.applied).toMatchObject({ kind: 'layout.apply' });
    const list = await t.host.client.listLayoutVersions({ sceneId: 'sample' });
    expect(list.versions.map((v) => v.version)).toEqual([1]);
    expect(Array.from((await t.host.client.openScene({ sceneId: 'sample' })).buffers.positions)).toEqual(Array.from(scanned.buffers.positions));

    expect((await t.host.client.redo({ sceneId: 'sample' })).applied).toMatchObject({ kind: 'layout.apply' });
    expect((await t.host.client.listLayoutVersions({ sceneId: 'sample' })).versions.map((v) => v.version)).toEqual([1, 2]);
    centroid(await t.host.client.openScene({ sceneId: 'sample' }), armchair).forEach((v, k) => expect(v).toBeCloseTo(after[k]!, 5));

    const restored = await t.host.client.restoreLayoutVersion({ sceneId: 'sample', versionId: list.versions[0]!.id });
    expect(restored.list.versions.map((v) => [v.version, v.label])).toEqual([
      [1, 'Scan layout'],
      [2, expect.any(String)],
      [3, 'Restore layout version 1'],
    ]);
    expect(Array.from((await t.host.client.openScene({ sceneId: 'sample' })).buffers.positions)).toEqual(Array.from(scanned.buffers.positions));
    expect(errorOf(await t.host.dispatch('restoreLayoutVersion', { sceneId: 'sample', versionId: restored.version.id }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/already the current layout/) });
    expect((await t.host.client.undo({ sceneId: 'sample' })).applied).toMatchObject({ kind: 'layout.restore' });
    centroid(await t.host.client.openScene({ sceneId: 'sample' }), armchair).forEach((v, k) => expect(v).toBeCloseTo(after[k]!, 5));
  });

  it('refuses a stale preview and bad inputs with typed errors; previews a removal', async () => {
    const stale = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'turn the armchair 90 degrees' });
    const other = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'move the armchair 10 cm to the left' });
    await t.host.client.applyLayoutEdit({ sceneId: 'sample', previewId: other.previewId! });
    expect(errorOf(await t.host.dispatch('applyLayoutEdit', { sceneId: 'sample', previewId: stale.previewId }))).toMatchObject({ code: 'not_found', message: expect.stringMatching(/preview the instruction again/) });
    await t.host.client.undo({ sceneId: 'sample' });
    const removal = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'remove the armchair' });
    expect(removal.status).toBe('edited');
    expect(removal.changes[0]).toMatchObject({ after: null, matrix: null });
    // Applying a removal is covered by layout-edits.test.ts.
    expect(errorOf(await t.host.dispatch('previewLayoutEdit', { sceneId: 'sample', instruction: '' }))).toMatchObject({ code: 'invalid_input' });
    expect(errorOf(await t.host.dispatch('exportLayout', { sceneId: 'sample', format: 'ply', path: join(t.dataDir, 'x.txt') }))).toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ path: 'path', message: expect.stringMatching(/ending in .*\.ply for ply/) })] });
    expect(errorOf(await t.host.dispatch('previewLayoutEdit', { sceneId: 'nope', instruction: 'move the bed' }))).toMatchObject({ code: 'not_found' });
    mkdirSync(join(t.dataDir, 'blocked'));
    writeFileSync(join(t.dataDir, 'blocked', 'file'), '');
    expect(errorOf(await t.host.dispatch('exportLayout', { sceneId: 'sample', format: 'json', path: join(t.dataDir, 'blocked', 'file', 'x.json') }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/cannot write/) });
  });

  it('exports the edited scene as PLY with the moved points, and the layout as SpatialLM text and JSON', async () => {
    const ply = await t.host.client.exportLayout({ sceneId: 'sample', format: 'ply', path: join(t.dataDir, 'out', 'room.ply') });
    const data = readPly(new Uint8Array(readFileSync(ply.file)), { fileName: ply.file });
    expect(data.vertexCount).toBe(scanned.buffers.instanceIds.length);
    expect(ply.count).toBe(data.vertexCount);
    const inst = data.vertexScalars.instance!;
    const sum = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < data.vertexCount; i++) if (inst[i] === armchair) {
      for (let k = 0; k < 3; k++) sum[k]! += data.positions[i * 3 + k]!;
      n++;
    }
    const shown = centroid(await t.host.client.openScene({ sceneId: 'sample' }), armchair);
    sum.forEach((v, k) => expect(v / n).toBeCloseTo(shown[k]!, 3));

    const text = await t.host.client.exportLayout({ sceneId: 'sample', format: 'spatiallm' });
    expect(text.file).toBe(join(t.dataDir, 'exports', 'sample-layout-v2.txt'));
    const boxes = parseSpatialLm(readFileSync(text.file, 'utf8'), text.file).filter((e) => e.kind === 'Bbox' && e.args[0] === 'armchair');
    expect(boxes).toHaveLength(1);
    expect(Number(boxes[0]!.args[1])).toBeCloseTo(change.after!.center[0], 3);
    expect(Number(boxes[0]!.args[2])).toBeCloseTo(change.after!.center[1], 3);
    const json = await t.host.client.exportLayout({ sceneId: 'sample', format: 'json', path: join(t.dataDir, 'out', 'layout.json') });
    const doc = JSON.parse(readFileSync(json.file, 'utf8')) as { objects: Array<{ id: number; pose: { center: number[] } }> };
    expect(doc.objects.find((o) => o.id === armchair)!.pose.center).toEqual(change.after!.center);
  });

  it('opens in the applied layout after a restart, and undo still works', async () => {
    const shown = centroid(await t.host.client.openScene({ sceneId: 'sample' }), armchair);
    await t.restart();
    const reopened = await t.host.client.openScene({ sceneId: 'sample' });
    centroid(reopened, armchair).forEach((v, k) => expect(v).toBeCloseTo(shown[k]!, 5));
    expect((await t.host.client.listLayoutVersions({ sceneId: 'sample' })).versions.map((v) => v.version)).toEqual([1, 2]);
    await t.host.client.undo({ sceneId: 'sample' });
    expect(Array.from((await t.host.client.openScene({ sceneId: 'sample' })).buffers.positions)).toEqual(Array.from(scanned.buffers.positions));
  });
});
