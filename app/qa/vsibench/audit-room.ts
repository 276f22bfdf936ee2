// An audit disagreement drawn in its room: the audit's evidence is in the meta's (world) frame and
// names objects by category and position in the meta's list; the box-only scene of that room
// (`meta.json#<scene_name>`) is recentred to a local origin and numbers its boxes in the meta's
// order. This maps one onto the other, giving the Ask panel's evidence shape (scene frame, instance
// ids, roles) so the viewport draws it the way it draws an answer.
import type { AskEvidence, AuditDisagreement, EvidenceBox, SceneBoxInfo } from '../../contract';
import { AppError } from '../../contract/errors';
import { obbCorners } from '../../geometry/obb';
import type { Vec3 } from '../../scene/types';
import { MULTISPA_SIZE } from './audit';
import { DIRECTION_EDGES } from './direction';
import { DIRECTION_LABELS, isBoxQuestionType, parseQuestion } from './questions';

/** The opened room: its origin (scene frame = world − origin) and its boxes in the scene frame. */
export interface RoomFrame {
  name: string;
  origin: Vec3;
  boxes: readonly SceneBoxInfo[];
}

/** Most boxes one drawing carries (AskEvidence's cap); a count over it draws the first ones. */
const MAX_BOXES = 64;

const minus = (a: Vec3, o: Vec3): Vec3 => [a[0] - o[0], a[1] - o[1], a[2] - o[2]];

/** Boxes of each category in instance-id order: the meta's list order, as the import numbers them. */
function byCategory(room: RoomFrame): Map<string, SceneBoxInfo[]> {
  const map = new Map<string, SceneBoxInfo[]>();
  for (const b of [...room.boxes].sort((x, y) => x.instanceId - y.instanceId)) {
    const list = map.get(b.label) ?? [];
    list.push(b);
    map.set(b.label, list);
  }
  return map;
}

/** The slots of the disagreement's question (the categories it names). */
function slotsOf(d: AuditDisagreement): Record<string, string> {
  if (d.question_type === 'multispa_object_size') {
    const m = MULTISPA_SIZE.exec(d.question);
    if (m) return { category: m[2]! };
  } else if (isBoxQuestionType(d.question_type)) {
    const slots = parseQuestion(d.question_type, d.question);
    if (slots) return slots;
  }
  throw new AppError('invalid_input', `row ${String(d.id)}: the question does not match the ${d.question_type} template`, { id: d.id });
}

/** The evidence of `d` in `room`'s frame; a room that lacks the objects the evidence names is an error naming them. */
export function auditEvidenceInRoom(d: AuditDisagreement, room: RoomFrame): AskEvidence {
  if (room.name !== d.scene_name) throw new AppError('invalid_input', `row ${String(d.id)} is about room ${d.scene_name}, not ${room.name}`, { id: d.id, scene: d.scene_name });
  const categories = byCategory(room);
  const boxOf = (category: string, instance: number, role: string): EvidenceBox => {
    const b = categories.get(category)?.[instance];
    if (!b) throw new AppError('not_found', `room ${room.name} has no ${category} #${instance} (row ${String(d.id)}'s evidence names it)`, { id: d.id, category, instance });
    return { instanceId: b.instanceId, role, center: b.center, axes: b.axes, size: b.size };
  };
  const out: AskEvidence = { segments: [], boxes: [], criteria: [] };
  const e = d.evidence;
  const slots = e.kind === 'room' ? {} : slotsOf(d);
  switch (e.kind) {
    case 'count': {
      const list = categories.get(slots.category!) ?? [];
      if (list.length !== e.count) throw new AppError('not_found', `room ${room.name} has ${list.length} ${slots.category}, the audit counted ${e.count}`, { id: d.id });
      out.boxes = list.slice(0, MAX_BOXES).map((_, i) => boxOf(slots.category!, i, 'match'));
      break;
    }
    case 'size':
      out.boxes = [boxOf(slots.category!, 0, 'a')];
      break;
    case 'axis_size': {
      // MultiSPA measures the axis-aligned bounds, drawn around the oriented box.
      const box = boxOf(slots.category!, 0, 'a');
      const min: Vec3 = [Infinity, Infinity, Infinity];
      const max: Vec3 = [-Infinity, -Infinity, -Infinity];
      for (const c of obbCorners(box))
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k]!, c[k]!);
          max[k] = Math.max(max[k]!, c[k]!);
        }
      const aabb: EvidenceBox = { instanceId: box.instanceId, role: 'other', center: [0, 1, 2].map((k) => (min[k]! + max[k]!) / 2) as Vec3, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [0, 1, 2].map((k) => max[k]! - min[k]!) as Vec3 };
      out.boxes = [box, aabb];
      break;
    }
    case 'room':
      // The area comes from the scan's alpha shape, which the meta does not keep: nothing to draw.
      break;
    case 'distance':
      out.boxes = [boxOf(slots.o1!, e.instanceA, 'a'), boxOf(slots.o2!, e.instanceB, 'b')];
      out.segments = [{ kind: 'closest', from: minus(e.pointA, room.origin), to: minus(e.pointB, room.origin), length: e.distance }];
      break;
    case 'rel_distance': {
      // Options are in option order, so the released letter indexes them: ours green, released orange.
      const released = d.ground_truth.trim().charCodeAt(0) - 65;
      const primary = new Set<number>();
      e.options.forEach((o, i) => {
        const role = o.category === d.ours_answer ? 'match' : i === released ? 'a' : 'c';
        out.boxes.push(boxOf(o.category, o.instanceA, role));
        if (!primary.has(o.instanceB)) out.boxes.push(boxOf(slots.category!, o.instanceB, 'reference'));
        primary.add(o.instanceB);
        out.segments.push({ kind: 'closest', from: minus(o.pointA, room.origin), to: minus(o.pointB, room.origin), length: o.distance });
      });
      out.margin = { value: e.gap ?? 0, unit: 'm', boundary: 'to the next closest option' };
      break;
    }
    case 'direction': {
      const pos = boxOf(slots.pos!, 0, 'standBy');
      const ori = boxOf(slots.ori!, 0, 'facing');
      const qry = boxOf(slots.qry!, 0, 'target');
      const bin = DIRECTION_LABELS[e.level].indexOf(e.bin);
      const edges = DIRECTION_EDGES[e.level];
      out.boxes = [pos, ori, qry];
      // The sector our answer is: the boxes put the query object there.
      out.fan = { observer: pos.center, reference: ori.center, target: qry.center, theta: e.theta, bin: [edges[bin]!, edges[bin + 1]!], holds: true, margin: e.margin };
      out.margin = { value: e.margin, unit: 'deg', boundary: 'to the nearest bin edge' };
      break;
    }
  }
  return out;
}
