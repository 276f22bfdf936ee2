// Floor outlines of scans: an L-shaped scan keeps its missing quadrant out of the room (within a few
// centimetres of the true walls), a rectangular one keeps the exact convex hull, and a layout built from
// the L scan refuses to put furniture into the missing part.
import { describe, expect, it } from 'vitest';
import { polygonArea } from '../geometry/hull2d';
import type { PointScene } from '../scene/types';
import { layoutFromPoints } from './from-points';
import { floorOutline } from './outline';
import { distanceToBoundary, pointInPolygon } from './room-geometry';
import { solveEdit } from './solve';
import { L_POLYGON } from './testing/synthetic-room';
import type { Vec2 } from './types';

/** Seeded points: walls every 2 cm along the outline (with 1 cm noise), floor on a 7 cm jittered grid inside it. */
function scanOf(poly: readonly Vec2[], seed = 7): { wall: number[]; floor: number[] } {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const wall: number[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    for (let t = 0; t < len; t += 0.02) wall.push(a[0] + ((b[0] - a[0]) * t) / len + rnd() * 0.02, a[1] + ((b[1] - a[1]) * t) / len + rnd() * 0.02);
  }
  const floor: number[] = [];
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  for (let x = Math.min(...xs); x <= Math.max(...xs); x += 0.07)
    for (let y = Math.min(...ys); y <= Math.max(...ys); y += 0.07) {
      const p: Vec2 = [x + rnd() * 0.05, y + rnd() * 0.05];
      // A 1 m × 0.8 m hole where a bed hid the floor.
      if (pointInPolygon(p, poly) && !(p[0] > 1 && p[0] < 2 && p[1] > 1 && p[1] < 1.8)) floor.push(p[0], p[1]);
    }
  return { wall, floor };
}

describe('floor outlines of scans', () => {
  it('keeps an L-shaped room concave, its corners within a grid cell (10 cm) and its vertices within 7 cm of the true walls', () => {
    const { wall, floor } = scanOf(L_POLYGON);
    const out = floorOutline(Float64Array.from([...wall, ...floor]));
    expect(out.concave, JSON.stringify(out)).toBe(true);
    expect(Math.abs(polygonArea(out.polygon))).toBeCloseTo(24, 0);
    expect(pointInPolygon([4.5, 4], out.polygon)).toBe(false);
    expect(pointInPolygon([4.5, 2], out.polygon)).toBe(true);
    expect(pointInPolygon([1.5, 4], out.polygon)).toBe(true);
    // Every true corner has an outline vertex near it, and every outline vertex is near the true outline.
    for (const c of L_POLYGON) expect(Math.min(...out.polygon.map((v) => Math.hypot(v[0] - c[0], v[1] - c[1])))).toBeLessThan(0.1);
    for (const v of out.polygon) expect(distanceToBoundary(v, L_POLYGON)).toBeLessThan(0.07);
    expect(out.polygon.length).toBe(6);
  });

  it('keeps the hull when something stands where the concave outline says there is no floor (a wall the scan missed)', () => {
    const { wall, floor } = scanOf(L_POLYGON);
    const xy = Float64Array.from([...wall, ...floor]);
    expect(floorOutline(xy, { mustContain: [[1, 1]] }).concave).toBe(true);
    const out = floorOutline(xy, { mustContain: [[1, 1], [4.2, 3.5]] });
    expect(out.concave).toBe(false);
    expect(pointInPolygon([4.2, 3.5], out.polygon)).toBe(true);
    // Points of furniture fill the grid (the floor under it) without widening the hull.
    expect(floorOutline(xy, { also: [4.5, 4, 4.6, 4.1] }).concave).toBe(true);
  });

  it('keeps the convex hull for a rectangular room', () => {
    const rect: Vec2[] = [
      [0, 0],
      [5, 0],
      [5, 4],
      [0, 4],
    ];
    const { wall, floor } = scanOf(rect);
    const out = floorOutline(Float64Array.from([...wall, ...floor]));
    expect(out.concave).toBe(false);
    expect(out.share).toBeGreaterThan(0.95);
    expect(Math.abs(polygonArea(out.polygon))).toBeCloseTo(20, 0);
  });

  it('builds a layout whose outline leaves the missing quadrant out, and the solver keeps furniture out of it', () => {
    const { wall, floor } = scanOf(L_POLYGON);
    // A table (instance 3) standing at x 4–5, y 1.5–2.1, 0.75 m high: points on its top.
    const table: number[] = [];
    for (let x = 4; x <= 5; x += 0.04) for (let y = 1.5; y <= 2.1; y += 0.04) table.push(x, y, 0.75);
    for (let x = 4; x <= 5; x += 0.04) table.push(x, 1.5, 0, x, 2.1, 0);
    const n = wall.length / 2 + floor.length / 2 + table.length / 3;
    const positions = new Float32Array(n * 3);
    const instanceIds = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < wall.length; i += 2, k++) positions.set([wall[i]!, wall[i + 1]!, 1.2], k * 3), (instanceIds[k] = 1);
    for (let i = 0; i < floor.length; i += 2, k++) positions.set([floor[i]!, floor[i + 1]!, 0], k * 3), (instanceIds[k] = 2);
    for (let i = 0; i < table.length; i += 3, k++) positions.set([table[i]!, table[i + 1]!, table[i + 2]!], k * 3), (instanceIds[k] = 3);
    const scene: PointScene = { id: 'l-scan', name: 'l-scan', source: 'test', format: 'test', upAxis: 'z', origin: [0, 0, 0], positions, colors: new Uint8Array(n * 3), instanceIds, instances: [{ id: 1, label: 'wall' }, { id: 2, label: 'floor' }, { id: 3, label: 'table' }] };
    const doc = layoutFromPoints(scene);
    expect(doc.room.method).toMatch(/^concave outline/);
    expect(doc.room.walls.length).toBe(6);
    expect(doc.firstFreeId).toBe(4);
    const t = doc.objects.find((o) => o.category === 'table')!;
    // Move it 2 m north, as seen from the south wall (into the missing quadrant): refused, the inner wall named.
    const r = solveEdit(doc, { op: 'move', target: t.id, direction: 'forward', amount: 2, frame: 'viewer' }, { position: [4.5, 0, 1.6], forward: [0, 1, 0] });
    expect(r.ok).toBe(false);
    // Its north edge is at y 2.1, the inner wall at y 3 (the outline within a few cm of it).
    expect(!r.ok && r.reason).toMatch(/the wall is (8[4-9]|9[0-6]) cm away/);
  });
});
