// The solver on a hand-laid 5 × 4 m room (testing/synthetic-room.ts): every relation lands where it
// says, within 5 cm / 5°, colliding with nothing and inside the room; every constraint can refuse,
// and a refusal names the numbers.
import { describe, expect, it } from 'vitest';
import { obbsOverlap } from '../geometry/obb-overlap';
import { buildDocument } from './build';
import { ConstraintContext } from './constraints';
import { objectById } from './edits';
import { angleDiff, boxOf, footprint } from './pose';
import type { EditRequest, LayoutRelation, PlaceRequest } from './request';
import { footprintMargin } from './room-geometry';
import { solveEdit, type EditResult } from './solve';
import { item, syntheticRoom } from './testing/synthetic-room';
import type { LayoutDocument } from './types';

const SOFA = 1, TABLE = 2, TV = 3, DESK = 4, LAMP = 5, CHAIR = 6, SHELF = 7, DOOR = 8, WINDOW = 9;
const doc = syntheticRoom();
const pristine = syntheticRoom();
const place = (target: number, relation: LayoutRelation, reference?: number, amount?: number, extra: Partial<PlaceRequest> = {}): EditRequest => ({
  op: 'place',
  target,
  relation,
  frame: 'object',
  ...(reference !== undefined ? { reference: { kind: 'object', id: reference } } : {}),
  ...(amount !== undefined ? { amount } : {}),
  ...extra,
});

function ok(r: EditResult): Extract<EditResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

/** The spec's success test, measured independently of the solver's own report. */
function valid(d: LayoutDocument, id: number) {
  const o = objectById(d, id);
  const others = d.objects.filter((x) => x.id !== id && x.kind !== 'opening' && !(o.support.kind === 'object' && o.support.id === x.id) && !(x.support.kind === 'object' && x.support.id === id));
  const shrunk = { ...boxOf(o), size: boxOf(o).size.map((s) => s - 0.01) as [number, number, number] };
  return { collides: others.filter((x) => obbsOverlap(shrunk, boxOf(x))).map((x) => x.category), inRoom: footprintMargin(footprint(o.size, o.pose), d.room.polygon) > -0.011 };
}

describe('relations land where they say', () => {
  const cases: Array<[string, EditRequest]> = [
    ['left of (the sofa faces east: its left, seen from the front, is south)', place(CHAIR, 'left_of', SOFA, 0.5)],
    ['right of', place(CHAIR, 'right_of', SOFA, 0.3)],
    ['in front of (default gap)', place(TABLE, 'in_front_of', TV)],
    ['behind', place(TABLE, 'behind', CHAIR, 0.2)],
    ['next to', place(CHAIR, 'next_to', SHELF)],
    ['against the wall', place(SHELF, 'against_wall', WINDOW)],
    ['in the corner', place(CHAIR, 'in_corner')],
    ['on top of', place(LAMP, 'on_top_of', TABLE)],
    ['between', place(CHAIR, 'between', SOFA, undefined, { reference2: TV })],
    ['facing', place(CHAIR, 'facing', WINDOW)],
    ['facing away', place(CHAIR, 'facing_away', TV)],
    ['centred on the room', { op: 'place', target: TABLE, relation: 'centred_on', reference: { kind: 'room' }, frame: 'object' }],
    ['centred on an object', place(LAMP, 'centred_on', TABLE)],
    ['aligned with', place(CHAIR, 'aligned_with', DESK)],
    ['closer to', place(CHAIR, 'toward', TV, 0.3)],
    ['away from', place(TABLE, 'away_from', SOFA, 0.3)],
    ['move forward', { op: 'move', target: TABLE, direction: 'forward', amount: 0.5, frame: 'object' }],
    ['rotate', { op: 'rotate', target: CHAIR, degrees: -90 }],
  ];
  it.each(cases)('%s', (_, req) => {
    const r = ok(solveEdit(doc, req));
    const m = r.moves[0]!;
    expect(m.relation.holds, m.relation.measured).toBe(true);
    if (m.relation.wanted !== null && m.relation.unit === 'm' && m.relation.tolerance === 0.05) expect(Math.abs(m.relation.value - m.relation.wanted)).toBeLessThanOrEqual(0.05);
    const v = valid(r.outcome.document, m.id);
    expect(v.collides).toEqual([]);
    expect(v.inRoom).toBe(true);
    for (const c of m.constraints) expect(c.pass, `${c.name}: ${c.detail}`).toBe(true);
    // The input document is never changed.
    expect(doc).toEqual(pristine);
  });

  it('puts "left of" on the side a person facing the reference calls left, and the viewer frame on the viewer\'s left', () => {
    const sofa = objectById(doc, SOFA);
    const left = ok(solveEdit(doc, place(CHAIR, 'left_of', SOFA, 0.5))).moves[0]!.after;
    // The sofa faces +x; someone in front looks along −x, so their left is −y.
    expect(left.center[1]).toBeLessThan(sofa.pose.center[1] - 1);
    // A viewer looking north (+y): their left is −x, the room side of the TV stand.
    const viewer = { position: [2.5, 0.5, 1.6] as [number, number, number], forward: [0, 1, 0] as [number, number, number] };
    const fromViewer = ok(solveEdit(doc, place(TABLE, 'left_of', TV, 0.3, { frame: 'viewer' }), viewer)).moves[0]!;
    expect(fromViewer.after.center[0]).toBeCloseTo(4.75 - 0.225 - 0.3 - 0.3, 6);
    // Looking south instead, left is +x: the wall is 3 cm from the stand, so it is refused with the numbers.
    const south = solveEdit(doc, place(TABLE, 'left_of', TV, 0.3, { frame: 'viewer' }), { position: [2.5, 3.5, 1.6], forward: [0, -1, 0] });
    expect(!south.ok && south.reason).toBe('no room 30 cm left of the tv stand: the wall is 3 cm away (the coffee table needs 30 cm + 60 cm)');
  });

  it('rotates by the asked angle and turns a facing object towards its reference within 5°', () => {
    const r = ok(solveEdit(doc, { op: 'rotate', target: CHAIR, degrees: 45 })).moves[0]!;
    expect(Math.abs((angleDiff(r.after.yaw, r.before!.yaw) * 180) / Math.PI - 45)).toBeLessThan(5);
  });

  it('carries what rests on a moved object and reports it', () => {
    const r = ok(solveEdit(doc, { op: 'move', target: DESK, direction: 'forward', amount: 0.1, frame: 'object' }));
    const lamp = r.outcome.changes.find((c) => c.id === LAMP)!;
    expect(lamp.carried).toBe(true);
    expect(lamp.after!.center[1] - lamp.before!.center[1]).toBeCloseTo(-0.1, 6);
  });

  it('swaps two objects, each landing where the other stood', () => {
    const r = ok(solveEdit(doc, { op: 'swap', target: CHAIR, other: TABLE }));
    expect(r.moves[0]!.after.center.slice(0, 2)).toEqual(objectById(doc, TABLE).pose.center.slice(0, 2));
    expect(r.moves[1]!.after.center.slice(0, 2)).toEqual(objectById(doc, CHAIR).pose.center.slice(0, 2));
    // Heights follow the new support: the chair stands on the floor where the low table stood.
    expect(r.moves[0]!.after.center[2]).toBeCloseTo(0.45, 9);
  });

  it('duplicates next to the original with a fresh id, and removes', () => {
    const d = ok(solveEdit(doc, { op: 'duplicate', target: CHAIR }));
    expect(d.outcome.document.objects).toHaveLength(doc.objects.length + 1);
    expect(d.moves[0]!.id).toBe(Math.max(...doc.objects.map((o) => o.id)) + 1);
    expect(d.moves[0]!.relation.holds).toBe(true);
    const r = ok(solveEdit(doc, { op: 'remove', target: LAMP }));
    expect(r.outcome.document.objects.map((o) => o.id)).not.toContain(LAMP);
    expect(r.outcome.inversePatches.length).toBeGreaterThan(0);
  });
});

describe('constraints refuse with the reason and the numbers', () => {
  it('inside the room: the wall is too close', () => {
    const r = solveEdit(doc, place(DESK, 'left_of', SHELF, 0.5));
    expect(r.ok).toBe(false);
    // The shelf's east side is at x = 4.3, the wall at 5: 70 cm; the desk needs 50 + 120.
    expect(!r.ok && r.reason).toBe('no room 50 cm left of the bookshelf: the wall is 70 cm away (the desk needs 50 cm + 120 cm)');
  });

  it('no overlap: names what is in the way', () => {
    const r = solveEdit(doc, { op: 'move', target: SOFA, direction: 'forward', amount: 0.5, frame: 'object' });
    expect(!r.ok && r.reason).toMatch(/^cannot move the sofa 50 cm forward: the coffee table is in the way/);
  });

  it('support: too tall to go under', () => {
    const r = solveEdit(doc, place(CHAIR, 'under', DESK));
    expect(!r.ok && r.reason).toBe('the chair is 90 cm tall but the desk leaves 70 cm under its top');
  });

  it('door swing: a chair just inside the door is moved off the swing, or refused when it cannot be', () => {
    const ctx = new ConstraintContext(doc, new Set([CHAIR]));
    const chair = objectById(doc, CHAIR);
    const inSwing = { center: [1.5, 0.5, 0.45] as [number, number, number], yaw: 0 };
    expect(ctx.firstFailure([{ o: chair, pose: inSwing }])).toEqual({ name: 'door_swing', blocker: { id: 'door_0', category: 'door' } });
    const r = ok(solveEdit(doc, place(CHAIR, 'next_to', DOOR, 0.05)));
    expect(ctx.firstFailure([{ o: chair, pose: r.moves[0]!.after }])).toBeNull();
    const swing = r.moves[0]!.constraints.find((c) => c.name === 'door_swing')!;
    expect(swing.pass).toBe(true);
    expect(swing.margin).toBeGreaterThanOrEqual(0);
  });

  it('walkway: a wardrobe that would seal off half the room is refused', () => {
    // A corridor room 4 × 1.4 m with the door at the west end: a 1 m deep wardrobe across its middle cuts it in two.
    const rebuilt = corridorRoom();
    const r = solveEdit(rebuilt, { op: 'place', target: 2, relation: 'centred_on', reference: { kind: 'room' }, frame: 'object' });
    expect(r.ok).toBe(false);
    // East of the wardrobe: (4 − 3.3 − 0.3 clearance) × 1.4 m of floor, less the wall clearance, goes unreachable.
    expect(!r.ok && r.reason).toBe('no room centred on the room: it would cut off 0.7 m² of floor from the door');
  });

  it('a reference that rests on the target, or the target itself, is refused', () => {
    expect(solveEdit(doc, place(DESK, 'left_of', LAMP)).ok).toBe(false);
    expect(solveEdit(doc, place(DESK, 'left_of', DESK)).ok).toBe(false);
    expect(solveEdit(doc, { op: 'move', target: DOOR, direction: 'left', amount: 0.2, frame: 'object' }).ok).toBe(false);
  });
});

function corridorRoom(): LayoutDocument {
  const polygon: Array<[number, number]> = [[0, 0], [4, 0], [4, 1.4], [0, 1.4]];
  return buildDocument('corridor', 'boxes', [item(1, 'door', [0.03, 0.7, 1], [0.06, 0.8, 2]), item(2, 'wardrobe', [3.6, 0.7, 1], [0.6, 1.0, 2], Math.PI / 2)], { polygon, method: 'test', floorZ: 0, ceilingZ: 2.6 });
}
