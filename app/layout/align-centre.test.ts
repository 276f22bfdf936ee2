// "align" and "centred on" from the instruction to the applied document, checked on the result's
// geometry (not the solver's own measure): parallel boxes on one of the reference's lines, a small
// thing centred on top, a floor-standing piece centred in front of the reference's middle.
import { describe, expect, it } from 'vitest';
import { generateSampleRoom } from '../sample';
import { layoutFromPoints } from './from-points';
import { editByInstruction } from './instruction/edit';
import { angleDiff, footprint, frontOf, halfExtent, topOf, xAxis } from './pose';
import { footprintMargin } from './room-geometry';
import { syntheticRoom } from './testing/synthetic-room';
import type { LayoutDocument, LayoutObject } from './types';
import { obbsOverlap } from '../geometry/obb-overlap';
import { boxOf } from './pose';

function applied(doc: LayoutDocument, text: string, selection: number[] = []) {
  const e = editByInstruction(doc, text, { selection });
  expect(e.status, 'reason' in e ? String(e.reason) : '').toBe('edited');
  if (!('result' in e) || !e.result.ok) throw new Error(`not applied: ${text}`);
  const out = e.result.outcome.document;
  const id = e.result.moves[0]!.id;
  const moved = out.objects.find((o) => o.id === id)!;
  // Clear of everything but its supporter and what rides on it, inside the room.
  const shrink = (o: LayoutObject) => ({ ...boxOf(o), size: [o.size[0] - 0.004, o.size[1] - 0.004, o.size[2] - 0.004] as [number, number, number] });
  for (const o of out.objects) if (o.id !== id && o.kind !== 'opening' && !(moved.support.kind === 'object' && moved.support.id === o.id) && !(o.support.kind === 'object' && o.support.id === id)) expect(obbsOverlap(shrink(moved), shrink(o)), `${moved.category} overlaps ${o.category}`).toBe(false);
  expect(footprintMargin(footprint(moved.size, moved.pose), out.room.polygon)).toBeGreaterThan(-0.011);
  return { moved, out, result: e.result };
}

const along = (a: LayoutObject, r: LayoutObject) => (a.pose.center[0] - r.pose.center[0]) * frontOf(r.pose.yaw)[0] + (a.pose.center[1] - r.pose.center[1]) * frontOf(r.pose.yaw)[1];
const across = (a: LayoutObject, r: LayoutObject) => (a.pose.center[0] - r.pose.center[0]) * xAxis(r.pose.yaw)[0] + (a.pose.center[1] - r.pose.center[1]) * xAxis(r.pose.yaw)[1];
const quarter = (a: number, b: number) => {
  const d = Math.abs(angleDiff(a, b)) % (Math.PI / 2);
  return Math.min(d, Math.PI / 2 - d);
};

describe('align and centre, applied', () => {
  const doc = syntheticRoom();
  const sample = layoutFromPoints(generateSampleRoom().scene);

  it('aligns the chair with the desk: parallel, fronts flush', () => {
    const { moved, out } = applied(doc, 'align the chair with the desk');
    const desk = out.objects.find((o) => o.category === 'desk')!;
    expect(quarter(moved.pose.yaw, desk.pose.yaw)).toBeLessThan((5 * Math.PI) / 180);
    const f = frontOf(desk.pose.yaw);
    expect(Math.abs(along(moved, desk) + halfExtent(moved.size, moved.pose.yaw, f) - halfExtent(desk.size, desk.pose.yaw, f))).toBeLessThanOrEqual(0.05);
  });

  it('aligns a chair deeper than the bookshelf by their backs, since fronts flush would put it in the wall', () => {
    const { moved, out, result } = applied(doc, 'align the chair with the bookshelf');
    const shelf = out.objects.find((o) => o.category === 'bookshelf')!;
    const f = frontOf(shelf.pose.yaw);
    expect(Math.abs(along(moved, shelf) - halfExtent(moved.size, moved.pose.yaw, f) + halfExtent(shelf.size, shelf.pose.yaw, f))).toBeLessThanOrEqual(0.05);
    expect(result.moves[0]!.relation.measured).toMatch(/^backs \d+ cm apart/);
  });

  it('aligns on the sample room (the nightstand with the bed, the armchair with the sofa)', () => {
    for (const [t, r] of [
      ['align the nightstand with the bed', 'bed'],
      ['line up the armchair with the sofa', 'sofa'],
    ] as const) {
      const { moved, out, result } = applied(sample, t);
      const ref = out.objects.find((o) => o.category === r)!;
      expect(quarter(moved.pose.yaw, ref.pose.yaw)).toBeLessThan((5 * Math.PI) / 180);
      expect(result.moves[0]!.relation.holds).toBe(true);
    }
  });

  it('centres a lamp on the desk (on its top, centre over centre) and the coffee table in the room', () => {
    const { moved, out } = applied(doc, 'centre the lamp on the desk');
    const desk = out.objects.find((o) => o.category === 'desk')!;
    expect(Math.hypot(moved.pose.center[0] - desk.pose.center[0], moved.pose.center[1] - desk.pose.center[1])).toBeLessThanOrEqual(0.05);
    expect(moved.pose.center[2] - moved.size[2] / 2).toBeCloseTo(topOf(desk), 6);
    expect(moved.support).toEqual({ kind: 'object', id: desk.id });
    const room = applied(doc, 'centre the coffee table in the room').moved;
    expect(Math.hypot(room.pose.center[0] - 2.5, room.pose.center[1] - 2)).toBeLessThanOrEqual(0.05);
  });

  it('centres a floor-standing piece on a bigger one in front of its middle, not on top of it', () => {
    const { moved, out } = applied(sample, 'centre the armchair on the bed');
    const bed = out.objects.find((o) => o.category === 'bed')!;
    expect(Math.abs(across(moved, bed))).toBeLessThanOrEqual(0.05);
    const f = frontOf(bed.pose.yaw);
    expect(along(moved, bed) - halfExtent(bed.size, bed.pose.yaw, f) - halfExtent(moved.size, moved.pose.yaw, f)).toBeGreaterThanOrEqual(-0.005);
    expect(moved.support).toEqual({ kind: 'floor' });
    expect(moved.pose.center[2] - moved.size[2] / 2).toBeCloseTo(out.room.floorZ, 6);
  });
});
