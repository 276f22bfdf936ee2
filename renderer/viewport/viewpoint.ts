// Saved viewpoints as plain JSON (so QA items can store them), and the orbit-angle maths both ways.
export type Vec3 = [number, number, number];

export interface Viewpoint {
  position: Vec3;
  target: Vec3;
  up: Vec3;
  /** Vertical field of view, degrees. */
  fov: number;
  /** True for the top-down orthographic view. */
  ortho: boolean;
}

/** Unit vector from the target towards the camera for z-up orbit angles. */
export function offsetFor(azimuth: number, polar: number): Vec3 {
  const s = Math.sin(polar);
  return [s * Math.cos(azimuth), s * Math.sin(azimuth), Math.cos(polar)];
}

/** Orbit angles and radius that put the camera at `position` looking at `target`. */
export function orbitFrom(position: Vec3, target: Vec3): { radius: number; azimuth: number; polar: number } {
  const dx = position[0] - target[0];
  const dy = position[1] - target[1];
  const dz = position[2] - target[2];
  const radius = Math.hypot(dx, dy, dz);
  if (radius === 0) return { radius: 1e-3, azimuth: -Math.PI / 2, polar: Math.PI / 3 };
  return { radius, azimuth: Math.atan2(dy, dx), polar: Math.acos(Math.min(1, Math.max(-1, dz / radius))) };
}

const isVec3 = (v: unknown): v is Vec3 => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Checks a viewpoint read back from storage; throws naming the bad field. */
export function parseViewpoint(v: unknown): Viewpoint {
  const o = v as Partial<Viewpoint> | null;
  if (!o || typeof o !== 'object') throw new Error('viewpoint: not an object');
  for (const k of ['position', 'target', 'up'] as const) if (!isVec3(o[k])) throw new Error(`viewpoint: ${k} must be three finite numbers`);
  if (typeof o.fov !== 'number' || !(o.fov > 0 && o.fov < 180)) throw new Error('viewpoint: fov must be in (0, 180) degrees');
  return { position: [...o.position!], target: [...o.target!], up: [...o.up!], fov: o.fov, ortho: !!o.ortho };
}
