// Layout editing on real rooms (../shared/data, never copied): the 50 ScanNet++ rooms of the
// VSI-Bench meta file (boxes) and ScanNet scene0000_00 (points, axis-aligned).
import { describe, expect, it } from 'vitest';
import { editByInstruction } from '../../app/layout/instruction/edit';
import { movedPoints } from '../../app/layout/moved-points';
import { footprint } from '../../app/layout/pose';
import { footprintMargin } from '../../app/layout/room-geometry';
import { parseSpatialLm, toSpatialLm } from '../../app/layout/spatiallm';
import { haveMeta, haveScanNet, metaLayouts, scannetLayout } from './real-rooms';

describe.skipIf(!haveMeta())('layouts of the 50 ScanNet++ meta rooms', () => {
  const docs = metaLayouts();

  it('builds every room: objects inside the outline, every door on a wall, SpatialLM text that reads back', () => {
    expect(docs.size).toBe(50);
    let doors = 0;
    for (const doc of docs.values()) {
      expect(doc.room.walls.length).toBe(4);
      for (const o of doc.objects) expect(footprintMargin(footprint(o.size, o.pose), doc.room.polygon)).toBeGreaterThan(-1e-6);
      for (const op of doc.room.openings) expect(doc.room.walls.map((w) => w.id)).toContain(op.wallId);
      doors += doc.room.openings.filter((o) => o.kind === 'door').length;
      const entities = parseSpatialLm(toSpatialLm(doc), doc.sceneId);
      expect(entities.filter((e) => e.kind === 'Bbox')).toHaveLength(doc.objects.filter((o) => o.kind !== 'opening').length);
      expect(entities.filter((e) => e.kind === 'Wall')).toHaveLength(4);
    }
    // 46 of the rooms list doors; the meta file has 71 door boxes in all.
    expect(doors).toBeGreaterThanOrEqual(46);
  });

  it('edits a real room within the spec (relation, no collision, in the room) or refuses with the blocker', () => {
    const doc = docs.get('3db0a1c8f3')!;
    const placed = editByInstruction(doc, 'put the printer next to the refrigerator', { selection: [] });
    expect(placed.status).toBe('edited');
    if (placed.status !== 'edited' || !('result' in placed) || !placed.result.ok) return;
    const m = placed.result.moves[0]!;
    expect(m.relation.holds).toBe(true);
    expect(m.constraints.every((c) => c.pass)).toBe(true);
    const refused = editByInstruction(doc, 'move the sofa 10 m to the left', { selection: [] });
    expect(refused.status).toBe('refused');
    expect('result' in refused && !refused.result.ok && refused.result.reason).toMatch(/^cannot move the sofa 1000 cm left: /);
  });
});

describe.skipIf(!haveScanNet())('layout of ScanNet scene0000_00 from its points', () => {
  const { scene, doc } = scannetLayout();

  it('has its annotated objects, with the window and door as openings and the pillow resting on the bed', () => {
    // 55 groups less 9 walls and the floor.
    expect(doc.objects).toHaveLength(45);
    expect(doc.room.openings.map((o) => o.kind).sort()).toEqual(['door', 'window', 'window']);
    const bed = doc.objects.find((o) => o.category === 'bed')!;
    const pillow = doc.objects.find((o) => o.category === 'pillow')!;
    expect(pillow.support).toEqual({ kind: 'object', id: bed.id });
  });

  it('moves the points of an edited object by exactly its pose change', () => {
    const edit = editByInstruction(doc, 'put the backpack on the bed', { selection: [] });
    expect(edit.status).toBe('edited');
    if (!('result' in edit) || !edit.result.ok) return;
    const m = edit.result.moves[0]!;
    const backpack = doc.objects.find((o) => o.id === m.id)!;
    const moved = movedPoints(scene, doc, edit.result.outcome.document, new Set([m.id]));
    expect(moved.changed.get(m.id)).toBe(backpack.pointCount);
    // Same yaw: every point shifts by the centre's displacement.
    const before = { x: 0, y: 0, z: 0 };
    let n = 0;
    for (let i = 0; i < scene.instanceIds.length; i++)
      if (scene.instanceIds[i] === backpack.instanceId) {
        before.x += scene.positions[i * 3]!;
        before.y += scene.positions[i * 3 + 1]!;
        before.z += scene.positions[i * 3 + 2]!;
        n++;
      }
    const after = { x: 0, y: 0, z: 0 };
    for (let i = 0; i < moved.positions.length / 3; i++) {
      after.x += moved.positions[i * 3]!;
      after.y += moved.positions[i * 3 + 1]!;
      after.z += moved.positions[i * 3 + 2]!;
    }
    const d = [m.after.center[0] - m.before!.center[0], m.after.center[1] - m.before!.center[1], m.after.center[2] - m.before!.center[2]];
    expect(after.x / n - before.x / n).toBeCloseTo(d[0]!, 3);
    expect(after.y / n - before.y / n).toBeCloseTo(d[1]!, 3);
    expect(after.z / n - before.z / n).toBeCloseTo(d[2]!, 3);
  });
});
