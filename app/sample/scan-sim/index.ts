// The scan simulator: a seeded room (shell, furniture of the ScanNet-20 categories built from parts,
// door, window, wall hangings) scanned by ray casting from a camera path. Everything is drawn from
// streams derived from one seed, so a seed gives the same scan on every runtime.
import { AppError } from '../../contract/errors';
import type { PointScene } from '../../scene/types';
import { deriveSeed, Random } from '../random';
import { SIM_ROOM_TYPES, type SimRoomType } from './programs';
import { scanWorld, type ScanSettings } from './scan';
import { buildWorld, type SimObject, type SimWorld } from './world';

export { SIM_ROOM_TYPES, SIM_PROGRAMS, type SimRoomType } from './programs';
export { scannet20OfLabel, SIM_LABELS } from './classes';
export { buildWorld, type SimObject, type SimWorld } from './world';
export { castRay, scanWorld, fuseVoxels, type ScanSettings } from './scan';
export { surfaceDistance } from './geometry';

export interface SimulateOptions {
  seed: number;
  /** Drawn from the seed when absent. */
  roomType?: SimRoomType;
  rays?: number;
  frames?: number;
  noise?: number;
  voxel?: number;
  maxRange?: number;
}

export interface SimulatedScan {
  scene: PointScene;
  /** ScanNet-20 class per point, -1 where ignored (ceiling, lamps, …). */
  semantic: Int32Array;
  world: SimWorld;
  roomType: SimRoomType;
  cameras: [number, number, number][];
}

export const SIM_DEFAULTS: Required<Omit<SimulateOptions, 'seed' | 'roomType'>> = { rays: 160_000, frames: 48, noise: 1, voxel: 0.02, maxRange: 5 };

export function simulateScan(options: SimulateOptions): SimulatedScan {
  const o = { ...SIM_DEFAULTS, ...options };
  if (!Number.isSafeInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new AppError('invalid_input', `scan simulator: seed must be an integer in 0..4294967295, got ${o.seed}`);
  if (!Number.isSafeInteger(o.rays) || o.rays < 100 || o.rays > 20_000_000) throw new AppError('invalid_input', `scan simulator: rays must be an integer in 100..20000000, got ${o.rays}`);
  if (!Number.isSafeInteger(o.frames) || o.frames < 1 || o.frames > 10_000) throw new AppError('invalid_input', `scan simulator: frames must be an integer in 1..10000, got ${o.frames}`);
  if (!(o.noise >= 0 && o.noise <= 10)) throw new AppError('invalid_input', `scan simulator: noise must be in 0..10, got ${o.noise}`);
  if (!(o.voxel === 0 || (o.voxel >= 0.005 && o.voxel <= 0.2))) throw new AppError('invalid_input', `scan simulator: voxel must be 0 or in 0.005..0.2 m, got ${o.voxel}`);
  if (!(o.maxRange > 0.5 && o.maxRange <= 20)) throw new AppError('invalid_input', `scan simulator: maxRange must be in 0.5..20 m, got ${o.maxRange}`);
  if (o.roomType !== undefined && !SIM_ROOM_TYPES.includes(o.roomType)) throw new AppError('invalid_input', `scan simulator: unknown room type "${o.roomType}"; expected one of ${SIM_ROOM_TYPES.join(', ')}`);
  const roomType = o.roomType ?? new Random(deriveSeed(o.seed, 'sim-type')).pick(SIM_ROOM_TYPES);
  const world = buildWorld(o.seed, roomType);
  const settings: ScanSettings = { rays: o.rays, frames: o.frames, noise: o.noise, voxel: o.voxel, maxRange: o.maxRange };
  const raw = scanWorld(world, settings, new Random(deriveSeed(o.seed, 'sim-scan')));
  const byInstance = new Map<number, SimObject>(world.objects.map((obj) => [obj.instance, obj]));
  const semantic = raw.instanceIds.map((id) => byInstance.get(id)?.classIndex ?? -1);
  const present = new Set(raw.instanceIds);
  const scene: PointScene = {
    id: `sim-${o.seed}`,
    name: `Simulated ${roomType} ${o.seed}`,
    source: `simulated:seed=${o.seed}`,
    format: 'generated',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: raw.positions,
    colors: raw.colors,
    instanceIds: raw.instanceIds,
    instances: world.objects.filter((obj) => present.has(obj.instance)).map((obj) => ({ id: obj.instance, label: obj.label })),
  };
  return { scene, semantic, world, roomType, cameras: raw.cameras };
}
