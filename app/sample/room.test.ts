import { describe, expect, it } from 'vitest';
import { catalogueEntry } from './catalogue';
import { rectContains, rectInside, rectsOverlap, type Rect } from './footprint';
import { doorSwingZone, wallFrame, type RoomType } from './layout';
import { generateSampleRoom, type RoomObject, type SampleRoom } from './room';

const rect = (o: RoomObject): Rect => ({ cx: o.center[0], cy: o.center[1], hx: o.size[0] / 2, hy: o.size[1] / 2, yaw: o.yaw });
/** Byte equality; vitest's deep equality walks typed arrays element by element and is slow here. */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const furniture = (room: SampleRoom) => room.objects.filter((o) => o.kind === 'furniture');

/** Every structural promise the layout makes, checked against the ground-truth boxes. */
function checkLayout(room: SampleRoom) {
  const { shell } = room;
  const items = furniture(room);
  const byId = new Map(room.objects.map((o) => [o.instanceId, o]));
  for (const o of items) {
    const e = catalogueEntry(o.model);
    expect(o.category).toBe(e.category);
    const [w, d, h] = o.size;
    expect(w).toBeGreaterThanOrEqual(e.width[0]);
    expect(w).toBeLessThanOrEqual(e.width[1]);
    expect(d).toBeGreaterThanOrEqual(e.depth[0]);
    expect(d).toBeLessThanOrEqual(e.depth[1]);
    expect(h).toBeGreaterThanOrEqual(e.height[0]);
    expect(h).toBeLessThanOrEqual(e.height[1]);
    expect(rectInside(rect(o), -shell.width / 2, -shell.depth / 2, shell.width / 2, shell.depth / 2), `${o.category} ${o.instanceId} inside walls`).toBe(true);
    expect(o.center[2] + h / 2).toBeLessThan(shell.height);
    expect(o.yaw).toBeGreaterThan(-Math.PI);
    expect(o.yaw).toBeLessThanOrEqual(Math.PI);
    if (o.supportId === undefined) {
      expect(o.center[2] - h / 2).toBeCloseTo(0, 12);
      expect(rectsOverlap(rect(o), doorSwingZone(shell)), `${o.category} ${o.instanceId} blocks the door`).toBe(false);
    } else {
      const s = byId.get(o.supportId)!;
      expect(s.kind).toBe('furniture');
      expect(o.center[2] - h / 2).toBeCloseTo(s.center[2] + s.size[2] / 2, 9);
      expect(rectContains(rect(s), rect(o), 1e-9)).toBe(true);
    }
  }
  const floor = items.filter((o) => o.supportId === undefined);
  for (let i = 0; i < floor.length; i++)
    for (let j = i + 1; j < floor.length; j++) expect(rectsOverlap(rect(floor[i]!), rect(floor[j]!)), `${floor[i]!.category} vs ${floor[j]!.category}`).toBe(false);
  const onTop = items.filter((o) => o.supportId !== undefined);
  for (let i = 0; i < onTop.length; i++)
    for (let j = i + 1; j < onTop.length; j++) expect(rectsOverlap(rect(onTop[i]!), rect(onTop[j]!))).toBe(false);
}

describe('generateSampleRoom', () => {
  const room = generateSampleRoom();
  const { scene } = room;
  const n = scene.instanceIds.length;

  it('fills the scene record the workbench expects', () => {
    expect(scene.id).toBe('sample');
    expect(scene.name).toBe('Sample room');
    expect(scene.source).toBe('generated:seed=7');
    expect(scene.format).toBe('generated');
    expect(scene.upAxis).toBe('z');
    expect(scene.origin).toEqual([0, 0, 0]);
    expect(scene.positions.length).toBe(n * 3);
    expect(scene.colors.length).toBe(n * 3);
    expect(Math.abs(n - 200_000)).toBeLessThanOrEqual(10_000);
    const labels = scene.instances.map((i) => i.label);
    expect(labels.filter((l) => l === 'floor')).toHaveLength(1);
    expect(labels.filter((l) => l === 'wall')).toHaveLength(4);
    expect(labels).toContain('door');
    expect(labels).toContain('window');
    expect(room.objects.map((o) => o.instanceId)).toEqual(scene.instances.map((i) => i.id));
    expect(room.objects.map((o) => o.category)).toEqual(labels);
  });

  it('furnishes the room with at least 10 objects of 6 categories, an armchair and a table among them', () => {
    const items = furniture(room);
    expect(items.length).toBeGreaterThanOrEqual(10);
    const categories = new Set(items.map((o) => o.category));
    expect(categories.size).toBeGreaterThanOrEqual(6);
    expect(categories.has('armchair')).toBe(true);
    expect(categories.has('table')).toBe(true);
  });

  it('has walls 2.6–2.8 m high around a room centred at the origin', () => {
    const { shell } = room;
    expect(shell.height).toBeGreaterThanOrEqual(2.6);
    expect(shell.height).toBeLessThanOrEqual(2.8);
    let maxZ = -Infinity;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      maxZ = Math.max(maxZ, scene.positions[i * 3 + 2]!);
      sx += scene.positions[i * 3]!;
      sy += scene.positions[i * 3 + 1]!;
    }
    expect(maxZ).toBeLessThan(shell.height + 0.02);
    expect(maxZ).toBeGreaterThan(shell.height - 0.05);
    expect(Math.abs(sx / n)).toBeLessThan(shell.width / 4);
    expect(Math.abs(sy / n)).toBeLessThan(shell.depth / 4);
  });

  it('keeps furniture apart, inside the walls, off the door swing, at catalogue sizes', () => {
    checkLayout(room);
  });

  it('lays out every room type validly for several seeds', () => {
    for (const roomType of ['studio', 'bedroom', 'living', 'office'] as RoomType[]) {
      for (const seed of [1, 2, 3]) checkLayout(generateSampleRoom({ seed, roomType, targetPoints: 20_000 }));
    }
  });

  it('labels every point with an existing instance and keeps it inside that instance box', () => {
    const objects = new Map(room.objects.map((o) => [o.instanceId, o]));
    const tol = 3 * 0.003 + 1e-4; // depth noise is clamped at 3σ; float32 rounding on top
    const perInstance = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const o = objects.get(scene.instanceIds[i]!);
      if (!o) throw new Error(`point ${i} has instance id ${scene.instanceIds[i]}, which is not in the scene`);
      perInstance.set(o!.instanceId, (perInstance.get(o!.instanceId) ?? 0) + 1);
      const dx = scene.positions[i * 3]! - o!.center[0];
      const dy = scene.positions[i * 3 + 1]! - o!.center[1];
      const dz = scene.positions[i * 3 + 2]! - o!.center[2];
      const c = Math.cos(o!.yaw);
      const s = Math.sin(o!.yaw);
      const lx = c * dx + s * dy;
      const ly = -s * dx + c * dy;
      if (Math.abs(lx) > o!.size[0] / 2 + tol || Math.abs(ly) > o!.size[1] / 2 + tol || Math.abs(dz) > o!.size[2] / 2 + tol) {
        throw new Error(`point ${i} (${lx.toFixed(4)}, ${ly.toFixed(4)}, ${dz.toFixed(4)}) lies outside ${o!.category} ${o!.instanceId} of size ${o!.size.map((v) => v.toFixed(3))}`);
      }
    }
    // Every instance is visible in the scan.
    for (const o of room.objects) expect(perInstance.get(o.instanceId) ?? 0, `${o.category} ${o.instanceId}`).toBeGreaterThan(20);
  });

  it('leaves the door and window openings empty of wall points', () => {
    const { shell } = room;
    const wallIds = new Map(room.objects.filter((o) => o.category === 'wall').map((o) => [o.yaw, o.instanceId]));
    for (const opening of [shell.door, shell.window]) {
      const f = wallFrame(shell, opening.wall);
      const wallId = wallIds.get(f.yaw)!;
      let inside = 0;
      let wallPoints = 0;
      for (let i = 0; i < n; i++) {
        if (scene.instanceIds[i] !== wallId) continue;
        wallPoints++;
        const u = (scene.positions[i * 3]! - f.center[0]) * f.tangent[0] + (scene.positions[i * 3 + 1]! - f.center[1]) * f.tangent[1];
        const z = scene.positions[i * 3 + 2]!;
        if (Math.abs(u - opening.offset) < opening.width / 2 && z > opening.bottom && z < opening.bottom + opening.height) inside++;
      }
      expect(wallPoints).toBeGreaterThan(1000);
      expect(inside).toBe(0);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateSampleRoom({ seed: 7 });
    expect(sameBytes(again.scene.positions, scene.positions)).toBe(true);
    expect(sameBytes(again.scene.colors, scene.colors)).toBe(true);
    expect(sameBytes(again.scene.instanceIds, scene.instanceIds)).toBe(true);
    expect(again.objects).toEqual(room.objects);
    const other = generateSampleRoom({ seed: 8 });
    expect(other.scene.source).toBe('generated:seed=8');
    expect(sameBytes(other.scene.positions.subarray(0, 3000), scene.positions.subarray(0, 3000))).toBe(false);
    expect(other.objects).not.toEqual(room.objects);
  });

  it('hits the requested point count', () => {
    for (const target of [5_000, 123_457]) {
      const r = generateSampleRoom({ seed: 3, targetPoints: target });
      expect(Math.abs(r.scene.instanceIds.length - target)).toBeLessThanOrEqual(target * 0.05);
    }
  });

  it('colours points within each object palette with a little jitter', () => {
    // Points of one box face share a base colour, so a single instance's colours spread only by the
    // shading and jitter: check that colours are not uniform and not random noise either.
    const table = room.objects.find((o) => o.category === 'table')!;
    const values: number[] = [];
    for (let i = 0; i < n; i++) if (scene.instanceIds[i] === table.instanceId) values.push(scene.colors[i * 3]!);
    const distinct = new Set(values).size;
    expect(distinct).toBeGreaterThan(5);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(sd).toBeLessThan(40);
  });

  it('rejects bad options with a typed error', () => {
    expect(() => generateSampleRoom({ seed: -1 })).toThrow(/seed must be an integer/);
    expect(() => generateSampleRoom({ seed: 1.5 })).toThrowError(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => generateSampleRoom({ targetPoints: 10 })).toThrow(/targetPoints/);
    expect(() => generateSampleRoom({ roomType: 'garage' as RoomType })).toThrow(/unknown roomType "garage"/);
  });
});
