// Concave (L-shaped) rooms: containment, wall and corner picking, walkway and refusal reasons work on
// the real outline, not its hull. The room is app/layout/testing/synthetic-room.ts lShapedRoom: the
// quadrant x 3–6, y 3–5 is outside, (3, 3) is a reflex corner, the inner walls meet there.
import { describe, expect, it } from 'vitest';
import { ConstraintContext } from './constraints';
import { footprint } from './pose';
import { footprintMargin, pointInPolygon, roomCentre, signedDistance } from './room-geometry';
import { solveEdit } from './solve';
import { lShapedRoom } from './testing/synthetic-room';
import type { LayoutDocument, Vec2 } from './types';
import { WalkwayGrid, WALKWAY_CELL } from './walkway';

const room = lShapedRoom();
const obj = (doc: LayoutDocument, category: string) => doc.objects.find((o) => o.category === category)!;
const inMissingQuadrant = (p: readonly number[]) => p[0]! > 3 && p[1]! > 3;

describe('an L-shaped room', () => {
  it('keeps the concave outline and its six walls, two of them the inner walls', () => {
    expect(room.room.polygon).toHaveLength(6);
    expect(room.room.area).toBeCloseTo(24, 9);
    const inner = room.room.walls.filter((w) => (w.a[0] === 6 && w.a[1] === 3) || (w.a[0] === 3 && w.a[1] === 3));
    expect(inner.map((w) => [w.a, w.b])).toEqual([
      [[6, 3], [3, 3]],
      [[3, 3], [3, 5]],
    ]);
  });

  it('counts a footprint in, or reaching into, the missing quadrant as outside the room', () => {
    const poly = room.room.polygon;
    expect(pointInPolygon([4.5, 4], poly)).toBe(false);
    expect(signedDistance([4.5, 2], poly)).toBeCloseTo(1, 9);
    // Wholly in the missing quadrant.
    expect(footprintMargin(footprint([1, 1, 1], { center: [4.5, 4, 0.5], yaw: 0 }), poly)).toBeLessThan(-0.4);
    // A diamond around the reflex corner: all four corners inside the L, its middle poking past (3, 3).
    const diamond = footprint([1, 1, 1], { center: [2.9, 2.9, 0.5], yaw: Math.PI / 4 });
    for (const c of diamond) expect(pointInPolygon(c, poly)).toBe(true);
    const m = footprintMargin(diamond, poly);
    // (3, 3) lies (0.5 − 0.1·√2)/… inside the diamond: its distance to the diamond's edges.
    expect(m).toBeCloseTo(-(0.5 - 0.2 / Math.SQRT2), 6);
    // Touching the inner wall x = 3 beside the reflex corner is inside (margin 0, not a crossing).
    expect(footprintMargin(footprint([1, 1, 1], { center: [2.5, 3.5, 0.5], yaw: 0 }), poly)).toBeCloseTo(0, 9);
    const ctx = new ConstraintContext(room, new Set());
    const desk = obj(room, 'desk');
    expect(ctx.firstFailure([{ o: desk, pose: { center: [2.9, 2.9, desk.pose.center[2]], yaw: Math.PI / 4 } }])).toEqual({ name: 'inside_room' });
  });

  it('refuses to move an object into the missing quadrant and says how far the inner wall is', () => {
    const desk = obj(room, 'desk');
    const r = solveEdit(room, { op: 'move', target: desk.id, direction: 'forward', amount: 2, frame: 'object' });
    expect(r.ok).toBe(false);
    // The desk's front edge is at y = 2.0; the inner wall at y = 3.
    expect(!r.ok && r.reason).toBe('cannot move the desk 200 cm forward: the wall is 100 cm away');
    // 80 cm forward fits, and stays below the inner wall.
    const ok = solveEdit(room, { op: 'move', target: desk.id, direction: 'forward', amount: 0.8, frame: 'object' });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const after = ok.moves[0]!.after;
    for (const c of footprint(desk.size, after)) expect(inMissingQuadrant(c)).toBe(false);
    expect(ok.moves[0]!.relation.holds).toBe(true);
  });

  it('refuses a side placement past the end wall of the arm, naming the wall distance', () => {
    // The sofa faces east, so its right is north: its end is 10 cm from the arm's north wall.
    const sofa = obj(room, 'sofa');
    const chair = obj(room, 'chair');
    const r = solveEdit(room, { op: 'place', target: chair.id, relation: 'right_of', reference: { kind: 'object', id: sofa.id }, amount: 0.5, frame: 'object' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^no room 50 cm right of the sofa: the wall is 10 cm away \(the chair needs 50 cm \+ 50 cm\)/);
  });

  it('puts a desk near the inner wall against that wall, not against the outer ones', () => {
    const desk = obj(room, 'desk');
    const r = solveEdit(room, { op: 'place', target: desk.id, relation: 'against_wall', frame: 'object' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.moves[0]!;
    expect(r.describe).toMatch(/against wall_2$/);
    expect(room.room.walls.find((w) => w.id === 'wall_2')).toMatchObject({ a: [6, 3], b: [3, 3] });
    expect(m.relation.holds).toBe(true);
    // Back to the inner wall (y = 3), facing south, 1 cm off it.
    expect(m.after.center[1] + desk.size[1] / 2).toBeCloseTo(2.99, 6);
    expect(Math.abs(m.after.yaw)).toBeCloseTo(Math.PI, 6);
    expect(m.constraints.every((c) => c.pass)).toBe(true);
    // A chair just west of the other inner wall, (3, 3)–(3, 5), goes against that one, facing west.
    const chair = obj(room, 'chair');
    const near = { ...room, objects: room.objects.map((o) => (o.id === chair.id ? { ...o, pose: { center: [2.5, 4.2, 0.45] as [number, number, number], yaw: 0 } } : o)) };
    const w = solveEdit(near, { op: 'place', target: chair.id, relation: 'against_wall', frame: 'object' });
    expect(w.ok && w.describe).toMatch(/against wall_3$/);
    if (!w.ok) return;
    expect(w.moves[0]!.after.center[0] + chair.size[0] / 2).toBeCloseTo(2.99, 6);
    expect(w.moves[0]!.relation.holds).toBe(true);
    for (const c of footprint(chair.size, w.moves[0]!.after)) expect(inMissingQuadrant(c)).toBe(false);
  });

  it('never takes the reflex corner for "in the corner"', () => {
    const chair = obj(room, 'chair');
    // From next to the reflex corner, the nearest corner the chair can stand in is a convex one.
    const near = { ...room, objects: room.objects.map((o) => (o.id === chair.id ? { ...o, pose: { center: [2.6, 2.6, 0.45] as [number, number, number], yaw: 0 } } : o)) };
    const r = solveEdit(near, { op: 'place', target: chair.id, relation: 'in_corner', frame: 'object' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.moves[0]!.after.center;
    expect(Math.hypot(c[0] - 3, c[1] - 3)).toBeGreaterThan(1);
    expect(r.moves[0]!.relation.holds).toBe(true);
  });

  it('masks the missing quadrant out of the walkway grid', () => {
    const grid = new WalkwayGrid(room, new Set());
    const cell = (p: Vec2) => Math.floor((p[1] - grid.y0) / WALKWAY_CELL) * grid.nx + Math.floor((p[0] - grid.x0) / WALKWAY_CELL);
    expect(grid.base[cell([4.5, 4.0])]).toBe(1);
    expect(grid.base[cell([4.5, 0.8])]).toBe(0);
    expect(grid.base[cell([1.5, 3.0])]).toBe(0);
  });

  it('centres "in the room" on a point inside the outline, also for a thin L whose centroid is outside', () => {
    const thin: Array<[number, number]> = [
      [0, 0],
      [6, 0],
      [6, 1],
      [1, 1],
      [1, 6],
      [0, 6],
    ];
    expect(pointInPolygon(roomCentre(room.room.polygon), room.room.polygon)).toBe(true);
    const c = roomCentre(thin);
    expect(signedDistance(c, thin)).toBeGreaterThan(0.45);
    const doc = lShapedRoom([], thin);
    expect(doc.room.polygon).toHaveLength(6);
  });
});
