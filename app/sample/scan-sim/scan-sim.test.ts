import { describe, expect, it } from 'vitest';
import { SCANNET20 } from '../../segment/scannet20';
import { fuseVoxels, scannet20OfLabel, simulateScan, SIM_ROOM_TYPES, surfaceDistance, type SimulatedScan } from './index';
import { CEILING_INSTANCE, FLOOR_INSTANCE } from './world';

const exact = (seed: number, roomType?: (typeof SIM_ROOM_TYPES)[number]): SimulatedScan => simulateScan({ seed, rays: 40_000, frames: 24, noise: 0, voxel: 0, ...(roomType ? { roomType } : {}) });

describe('scan simulator', () => {
  it('is deterministic from the seed, and different seeds give different rooms', () => {
    const a = simulateScan({ seed: 11, rays: 20_000 });
    const b = simulateScan({ seed: 11, rays: 20_000 });
    expect(a.roomType).toBe(b.roomType);
    expect(Buffer.from(a.scene.positions.buffer).equals(Buffer.from(b.scene.positions.buffer))).toBe(true);
    expect(Buffer.from(a.scene.colors.buffer).equals(Buffer.from(b.scene.colors.buffer))).toBe(true);
    expect([...a.scene.instanceIds]).toEqual([...b.scene.instanceIds]);
    const c = simulateScan({ seed: 12, rays: 20_000 });
    expect(c.scene.positions.length === a.scene.positions.length && Buffer.from(c.scene.positions.buffer).equals(Buffer.from(a.scene.positions.buffer))).toBe(false);
  });

  it('puts every return on a surface of the instance it is labelled with', () => {
    for (const type of SIM_ROOM_TYPES) {
      const sim = exact(5, type);
      const { shell } = sim.world;
      const byId = new Map(sim.world.objects.map((o) => [o.instance, o]));
      const wallOf = new Map(sim.world.walls.map((w) => [w.instance, w]));
      const p = sim.scene.positions;
      let off = 0;
      for (let i = 0; i < sim.scene.instanceIds.length; i++) {
        const id = sim.scene.instanceIds[i]!;
        const [x, y, z] = [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!];
        let d: number;
        if (id === FLOOR_INSTANCE) d = Math.abs(z);
        else if (id === CEILING_INSTANCE) d = Math.abs(z - shell.height);
        else if (wallOf.has(id)) {
          const f = wallOf.get(id)!.frame;
          const half = f.side === 'east' || f.side === 'west' ? shell.width / 2 : shell.depth / 2;
          d = Math.abs(half + f.normal[0] * x + f.normal[1] * y);
        } else d = Math.min(...byId.get(id)!.primitives.map((q) => Math.abs(surfaceDistance(q, x, y, z))));
        if (d > 1e-3) off++;
      }
      expect({ type, off }).toEqual({ type, off: 0 });
    }
  });

  it('sees nothing behind the walls but through the door, and no floor under furniture standing on it', () => {
    for (const seed of [1, 2, 3, 4]) {
      const sim = exact(seed, 'bedroom');
      const { shell } = sim.world;
      const p = sim.scene.positions;
      const label = new Map(sim.world.objects.map((o) => [o.instance, o.label]));
      const solidsOnFloor = sim.world.solids.flatMap((o) => o.primitives).filter((q) => q.kind === 'box' && q.cz - q.hz < 0.005 && q.hx > 0.05 && q.hy > 0.05);
      let outside = 0;
      let underFurniture = 0;
      for (let i = 0; i < sim.scene.instanceIds.length; i++) {
        const [x, y] = [p[3 * i]!, p[3 * i + 1]!];
        const id = sim.scene.instanceIds[i]!;
        if ((Math.abs(x) > shell.width / 2 + 1e-4 || Math.abs(y) > shell.depth / 2 + 1e-4) && label.get(id) !== 'door') outside++;
        if (id !== FLOOR_INSTANCE) continue;
        for (const b of solidsOnFloor) {
          if (b.kind !== 'box') continue;
          const lx = b.cos * (x - b.cx) + b.sin * (y - b.cy);
          const ly = -b.sin * (x - b.cx) + b.cos * (y - b.cy);
          if (Math.abs(lx) < b.hx - 0.02 && Math.abs(ly) < b.hy - 0.02) underFurniture++;
        }
      }
      expect({ seed, outside, underFurniture }).toEqual({ seed, outside: 0, underFurniture: 0 });
      // A bed stands in every bedroom and the scan sees it.
      expect(sim.scene.instances.some((i) => i.label === 'bed')).toBe(true);
    }
  });

  it('labels points with the ScanNet-20 class of their instance, and rooms hold their typical furniture', () => {
    const seen = new Set<string>();
    for (let seed = 24; seed < 30; seed++) {
      const sim = simulateScan({ seed, rays: 20_000, roomType: SIM_ROOM_TYPES[seed % SIM_ROOM_TYPES.length]! });
      const label = new Map(sim.world.objects.map((o) => [o.instance, o.label]));
      let wrong = 0;
      for (let i = 0; i < sim.semantic.length; i++) if (sim.semantic[i] !== scannet20OfLabel(label.get(sim.scene.instanceIds[i]!)!)) wrong++;
      expect(wrong).toBe(0);
      for (const c of sim.semantic) if (c >= 0) seen.add(SCANNET20[c]!.name);
      if (sim.roomType === 'bathroom') expect(sim.scene.instances.map((i) => i.label)).toEqual(expect.arrayContaining(['toilet', 'sink', 'cabinet']));
      if (sim.roomType === 'kitchen') expect(sim.scene.instances.map((i) => i.label)).toEqual(expect.arrayContaining(['counter', 'cabinet']));
    }
    for (const c of ['wall', 'floor', 'door', 'window', 'chair', 'table', 'cabinet', 'toilet', 'sink', 'counter']) expect(seen).toContain(c);
  });

  it('loses density with distance: far returns are sparser than near ones', () => {
    const sim = simulateScan({ seed: 8, rays: 60_000, voxel: 0, roomType: 'conference' });
    const p = sim.scene.positions;
    const cams = sim.cameras;
    let near = 0;
    let far = 0;
    for (let i = 0; i < p.length / 3; i++) {
      const d = Math.min(...cams.map((c) => Math.hypot(p[3 * i]! - c[0], p[3 * i + 1]! - c[1], p[3 * i + 2]! - c[2])));
      if (d < 2) near++;
      else if (d > 3.5) far++;
    }
    expect(near).toBeGreaterThan(far);
    for (let i = 0; i < p.length / 3; i++) {
      const d = Math.min(...cams.map((c) => Math.hypot(p[3 * i]! - c[0], p[3 * i + 1]! - c[1], p[3 * i + 2]! - c[2])));
      expect(d).toBeLessThan(5.1);
    }
  });

  it('fuses returns per voxel: mean position and colour, first instance', () => {
    const positions = Float32Array.from([0.001, 0.001, 0.001, 0.009, 0.009, 0.009, 0.5, 0.5, 0.5]);
    const colors = Uint8Array.from([10, 20, 30, 30, 40, 50, 1, 2, 3]);
    const f = fuseVoxels({ positions, colors, instanceIds: Int32Array.from([4, 5, 6]) }, 0.01);
    expect([...f.positions].map((v) => Number(v.toFixed(4)))).toEqual([0.005, 0.005, 0.005, 0.5, 0.5, 0.5]);
    expect([...f.colors]).toEqual([20, 30, 40, 1, 2, 3]);
    expect([...f.instanceIds]).toEqual([4, 6]);
  });

  it('rejects bad options with a typed error', () => {
    expect(() => simulateScan({ seed: -1 })).toThrow(/seed/);
    expect(() => simulateScan({ seed: 1, rays: 5 })).toThrow(/rays/);
    expect(() => simulateScan({ seed: 1, roomType: 'garage' as never })).toThrow(/room type/);
  });
});
