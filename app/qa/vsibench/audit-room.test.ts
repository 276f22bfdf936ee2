// An audit disagreement moved into its room's frame, on a hand-built room whose boxes the scene
// numbers out of list order and recentres to an origin: each object lands on its own box.
import { describe, expect, it } from 'vitest';
import type { SceneBoxInfo } from '../../contract';
import { AuditReportSchema } from '../../contract';
import type { Vec3 } from '../../scene/types';
import { auditRows, type VsiRow } from './audit';
import { auditEvidenceInRoom, type RoomFrame } from './audit-room';
import { directionAngle } from './direction';
import { questionText } from './questions';
import { boxScene } from './testing/box-scene';

const scene = boxScene(
  {
    desk: [{ center: [0, 0, 0], size: [0.2, 0.2, 0.2] }],
    door: [{ center: [0, 2, 0], size: [0.2, 0.2, 0.2] }],
    plant: [{ center: [-1, 1, 0], size: [0.2, 0.2, 0.2] }],
    bin: [{ center: [1.2, 0, 0], size: [0.2, 0.2, 0.2] }],
    chair: [{ center: [0, -3, 0] }, { center: [0, -1, 0] }],
  },
  23.46,
  'room1',
);
const ORIGIN: Vec3 = [100, -50, 2];
// Ids in the meta's order from 10 (as an import numbers them), listed backwards, moved by the origin.
const boxes: SceneBoxInfo[] = scene.categories
  .flatMap((c) => scene.instances[c]!.map((o) => ({ label: c, box: o.box })))
  .map((o, i) => ({ instanceId: 10 + i, label: o.label, center: o.box.center.map((v, k) => v - ORIGIN[k]!) as Vec3, axes: o.box.axes, size: o.box.size }))
  .reverse();
const room: RoomFrame = { name: 'room1', origin: ORIGIN, boxes };
const idOf = (label: string, instance: number) => boxes.filter((b) => b.label === label).sort((a, b) => a.instanceId - b.instanceId)[instance]!.instanceId;

let id = 1;
const row = (question_type: string, question: string, ground_truth: string, options: string[] | null = null): VsiRow => ({ id: id++, dataset: 'scannetpp', scene_name: 'room1', question_type, question, ground_truth, options });
const report = AuditReportSchema.parse(
  JSON.parse(
    JSON.stringify(
      auditRows(
        [
          row('object_abs_distance', questionText('object_abs_distance', ['desk', 'chair']), '2.0'),
          row('object_rel_distance', questionText('object_rel_distance', ['desk', 'door', 'plant', 'bin', 'chair']), 'A', ['A. door', 'B. plant', 'C. bin', 'D. chair']),
          row('object_rel_direction_hard', questionText('object_rel_direction_hard', ['desk', 'door', 'plant']), 'A', ['A. back-left', 'B. front-left', 'C. front-right', 'D. back-right']),
          row('object_counting', questionText('object_counting', ['chair']), '5'),
        ],
        [scene],
      ),
    ),
  ),
);
const of = (type: string) => report.disagreements.find((d) => d.question_type === type)!;

describe('auditEvidenceInRoom', () => {
  it('distance: the nearer chair (the second in the list), and the line moved by the origin', () => {
    const ev = auditEvidenceInRoom(of('object_abs_distance'), room);
    expect(ev.boxes.map((b) => [b.instanceId, b.role])).toEqual([[idOf('desk', 0), 'a'], [idOf('chair', 1), 'b']]);
    expect(ev.segments).toHaveLength(1);
    expect(ev.segments[0]!.length).toBeCloseTo(0.85, 12);
    // Desk bottom face at y = −0.1, chair top face at y = −0.95, in the scene frame.
    expect(ev.segments[0]!.from[1]).toBeCloseTo(-0.1 - ORIGIN[1], 12);
    expect(ev.segments[0]!.to[1]).toBeCloseTo(-0.95 - ORIGIN[1], 12);
  });

  it('relative distance: ours (chair) as the match, the released option (door) apart, the desk as reference', () => {
    const ev = auditEvidenceInRoom(of('object_rel_distance'), room);
    const role = (label: string) => ev.boxes.filter((b) => boxes.find((x) => x.instanceId === b.instanceId)!.label === label).map((b) => b.role);
    expect([role('chair'), role('door'), role('plant'), role('bin'), role('desk')]).toEqual([['match'], ['a'], ['c'], ['c'], ['reference']]);
    expect(ev.segments.map((s) => s.length.toFixed(2))).toEqual(['1.80', '1.13', '1.00', '0.85']);
    expect(ev.margin).toMatchObject({ unit: 'm' });
  });

  it('direction: the fan stands at the desk facing the door, θ and the sector as the audit had them', () => {
    const d = of('object_rel_direction_hard');
    const ev = auditEvidenceInRoom(d, room);
    expect(ev.boxes.map((b) => [b.instanceId, b.role])).toEqual([[idOf('desk', 0), 'standBy'], [idOf('door', 0), 'facing'], [idOf('plant', 0), 'target']]);
    expect(ev.fan!.observer).toEqual([-100, 50, -2]);
    expect(directionAngle(ev.fan!.observer, ev.fan!.reference, ev.fan!.target)).toBeCloseTo(45, 9);
    expect(ev.fan!.bin).toEqual([0, 90]);
  });

  it('count: every chair; a room that lost one is an error naming it', () => {
    const d = of('object_counting');
    expect(auditEvidenceInRoom(d, room).boxes.map((b) => b.instanceId).sort()).toEqual([idOf('chair', 0), idOf('chair', 1)].sort());
    expect(() => auditEvidenceInRoom(d, { ...room, boxes: boxes.filter((b) => b.instanceId !== idOf('chair', 0)) })).toThrow('room room1 has 1 chair, the audit counted 2');
    expect(() => auditEvidenceInRoom(d, { ...room, name: 'room2' })).toThrow('row 4 is about room room1, not room2');
  });
});
