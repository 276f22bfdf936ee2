// Removing and duplicating objects through the contract on the sample room with a real database:
// preview (ghost motion, diff), apply as a layout version, the shown scene without the removed
// object's points and instance and with the copy's points under a new instance id, exports (PLY,
// SpatialLM, JSON) that agree, undo / redo, restore from the version list, and a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedScene } from '../../app/contract';
import { readPly } from '../../app/formats/ply/readPly';
import { parseSpatialLm } from '../../app/layout/spatiallm';
import { testHost } from './testing/host-fixture';

const t = testHost('sw-layout-edits-');
beforeAll(t.setUp);
afterAll(t.tearDown);

const pointsOf = (s: OpenedScene, id: number) => s.buffers.instanceIds.filter((v) => v === id).length;

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

const bboxes = (text: string, cls: string) => parseSpatialLm(text, 'layout.txt').filter((e) => e.kind === 'Bbox' && e.args[0] === cls);

describe('removing and duplicating objects over the contract', () => {
  let scanned: OpenedScene;
  let armchair: number;
  let armchairPoints: number;
  let copyId: number;

  it('applies a removal: the points and the instance leave the shown scene, the exports agree, undo brings them back', async () => {
    scanned = await t.host.client.openScene({ sceneId: 'sample' });
    armchair = scanned.instances.find((i) => i.label === 'armchair')!.id;
    armchairPoints = pointsOf(scanned, armchair);
    expect(armchairPoints).toBeGreaterThan(100);
    const p = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'remove the armchair' });
    expect(p).toMatchObject({ status: 'edited', describe: 'remove the armchair' });
    expect(p.changes).toEqual([expect.objectContaining({ id: armchair, instanceId: armchair, after: null, matrix: null })]);
    const r = await t.host.client.applyLayoutEdit({ sceneId: 'sample', previewId: p.previewId! });
    expect(r.version).toMatchObject({ version: 2, label: 'Layout: remove the armchair', moved: 1 });
    expect(r.list.versions.map((v) => v.version)).toEqual([1, 2]);

    const after = await t.host.client.openScene({ sceneId: 'sample' });
    expect(pointsOf(after, armchair)).toBe(0);
    expect(after.instances.some((i) => i.id === armchair)).toBe(false);
    expect(after.buffers.instanceIds.length).toBe(scanned.buffers.instanceIds.length - armchairPoints);
    expect(after.scene.pointCount).toBe(after.buffers.instanceIds.length);
    expect(after.buffers.colors.length).toBe(after.buffers.instanceIds.length * 3);
    // Every other point where it was, in scan order.
    const kept: number[] = [];
    for (let i = 0; i < scanned.buffers.instanceIds.length; i++) if (scanned.buffers.instanceIds[i] !== armchair) kept.push(i);
    for (let j = 0; j < kept.length; j += 997) expect(after.buffers.positions[j * 3]).toBe(scanned.buffers.positions[kept[j]! * 3]);
    // Questions see the room without it.
    expect((await t.host.client.listLayoutVersions({ sceneId: 'sample' })).objects).toBe((r.list.objects));

    const ply = await t.host.client.exportLayout({ sceneId: 'sample', format: 'ply', path: join(t.dataDir, 'out', 'removed.ply') });
    const data = readPly(new Uint8Array(readFileSync(ply.file)), { fileName: ply.file });
    expect(data.vertexCount).toBe(after.buffers.instanceIds.length);
    expect(data.vertexScalars.instance!.some((v) => v === armchair)).toBe(false);
    const text = readFileSync((await t.host.client.exportLayout({ sceneId: 'sample', format: 'spatiallm' })).file, 'utf8');
    expect(bboxes(text, 'armchair')).toHaveLength(0);
    expect(bboxes(text, 'bed')).toHaveLength(1);
    const json = JSON.parse(readFileSync((await t.host.client.exportLayout({ sceneId: 'sample', format: 'json', path: join(t.dataDir, 'out', 'removed.json') })).file, 'utf8')) as { objects: Array<{ id: number }> };
    expect(json.objects.some((o) => o.id === armchair)).toBe(false);

    await t.host.client.undo({ sceneId: 'sample' });
    const undone = await t.host.client.openScene({ sceneId: 'sample' });
    expect(Array.from(undone.buffers.instanceIds)).toEqual(Array.from(scanned.buffers.instanceIds));
    expect(Array.from(undone.buffers.positions)).toEqual(Array.from(scanned.buffers.positions));
    expect(undone.instances.some((i) => i.id === armchair)).toBe(true);
    await t.host.client.redo({ sceneId: 'sample' });
    expect(pointsOf(await t.host.client.openScene({ sceneId: 'sample' }), armchair)).toBe(0);
    // Restoring the scan layout from the version list brings it back as a new version.
    const restored = await t.host.client.restoreLayoutVersion({ sceneId: 'sample', versionId: r.list.versions[0]!.id });
    expect(restored.version.version).toBe(3);
    expect(pointsOf(await t.host.client.openScene({ sceneId: 'sample' }), armchair)).toBe(armchairPoints);
  });

  it('applies a duplicate: a new instance with the same label and a copy of the points at the solved pose, clear of everything', async () => {
    const p = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'duplicate the armchair and put it next to the bed' });
    expect(p.status).toBe('edited');
    const change = p.changes.find((c) => c.before === null)!;
    copyId = change.id;
    // The ghost draws the armchair's points as shown now, moved to the copy's pose.
    expect(change).toMatchObject({ category: 'armchair', instanceId: armchair });
    expect(change.matrix).not.toBeNull();
    const move = p.moves[0]!;
    expect(move.relation.holds).toBe(true);
    expect(move.constraints.every((c) => c.pass)).toBe(true);
    const r = await t.host.client.applyLayoutEdit({ sceneId: 'sample', previewId: p.previewId! });
    expect(r.version.label).toMatch(/copy the armchair/);

    const shown = await t.host.client.openScene({ sceneId: 'sample' });
    expect(scanned.instances.some((i) => i.id === copyId)).toBe(false);
    expect(shown.instances.find((i) => i.id === copyId)).toMatchObject({ label: 'armchair' });
    expect(pointsOf(shown, copyId)).toBe(armchairPoints);
    expect(pointsOf(shown, armchair)).toBe(armchairPoints);
    expect(shown.buffers.instanceIds.length).toBe(scanned.buffers.instanceIds.length + armchairPoints);
    // The copy's points sit where the original's are, moved by the preview's matrix.
    const m = change.matrix!;
    const c0 = centroid(shown, armchair);
    const moved = [0, 1, 2].map((k) => m[k]! * c0[0] + m[4 + k]! * c0[1] + m[8 + k]! * c0[2] + m[12 + k]!);
    centroid(shown, copyId).forEach((v, k) => expect(v).toBeCloseTo(moved[k]!, 3));

    const text = readFileSync((await t.host.client.exportLayout({ sceneId: 'sample', format: 'spatiallm' })).file, 'utf8');
    expect(bboxes(text, 'armchair')).toHaveLength(2);
    const ply = await t.host.client.exportLayout({ sceneId: 'sample', format: 'ply', path: join(t.dataDir, 'out', 'copied.ply') });
    const data = readPly(new Uint8Array(readFileSync(ply.file)), { fileName: ply.file });
    expect(data.vertexCount).toBe(shown.buffers.instanceIds.length);
    expect(data.vertexScalars.instance!.filter((v) => v === copyId)).toHaveLength(armchairPoints);

    // The copy is an object like any other: removing it previews with its own points, not the original's.
    const removal = await t.host.client.previewLayoutEdit({ sceneId: 'sample', instruction: 'remove it', selection: [copyId] });
    expect(removal.changes).toEqual([expect.objectContaining({ id: copyId, instanceId: copyId, after: null })]);
  });

  it('opens with the copy after a restart; undo takes the copy away', async () => {
    const before = await t.host.client.openScene({ sceneId: 'sample' });
    await t.restart();
    const reopened = await t.host.client.openScene({ sceneId: 'sample' });
    expect(pointsOf(reopened, copyId)).toBe(armchairPoints);
    centroid(reopened, copyId).forEach((v, k) => expect(v).toBeCloseTo(centroid(before, copyId)[k]!, 5));
    await t.host.client.undo({ sceneId: 'sample' });
    const undone = await t.host.client.openScene({ sceneId: 'sample' });
    expect(pointsOf(undone, copyId)).toBe(0);
    expect(undone.buffers.instanceIds.length).toBe(scanned.buffers.instanceIds.length);
  });
});
