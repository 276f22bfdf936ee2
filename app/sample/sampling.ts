// The sampling step: surfaces in world coordinates → points, spread by area like a scanner's even
// density, with a colour per surface (shaded by facing, jittered) and depth noise along the normal.
import type { Vec3 } from '../scene/types';
import type { Rgb } from './parts';
import type { Random } from './random';

interface SurfaceBase {
  color: Rgb;
  instance: number;
  area: number;
}

/** A parallelogram origin + s·u + t·v (s, t in [0, 1)), minus holes given in (s, t). */
export interface RectSurface extends SurfaceBase {
  kind: 'rect';
  origin: Vec3;
  u: Vec3;
  v: Vec3;
  normal: Vec3;
  holes?: ReadonlyArray<readonly [s0: number, t0: number, s1: number, t1: number]>;
}

/** A horizontal disc facing up (+1) or down (-1). */
export interface DiscSurface extends SurfaceBase {
  kind: 'disc';
  center: Vec3;
  radius: number;
  facing: 1 | -1;
}

/** The side of an upright cylinder. */
export interface TubeSurface extends SurfaceBase {
  kind: 'tube';
  base: Vec3;
  radius: number;
  height: number;
}

export type Surface = RectSurface | DiscSurface | TubeSurface;

export interface SampleSettings {
  count: number;
  /** Standard deviation of the depth noise, metres; clamped at 3σ. */
  noiseSigma: number;
  /** Half-width of the uniform per-channel colour jitter, 0..255 units. */
  colorJitter: number;
}

export interface SampledPoints {
  positions: Float32Array;
  colors: Uint8Array;
  instanceIds: Int32Array;
}

/** Splits `total` over weights so the parts sum exactly to it (largest remainder). */
export function allocate(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k]![1]]!++;
  return counts;
}

// A fixed light from above and slightly to one side: tops bright, undersides dark, sides in between.
function shade(nx: number, ny: number, nz: number): number {
  if (nz > 0.5) return 1;
  if (nz < -0.5) return 0.55;
  return 0.8 + 0.12 * (0.6 * nx + 0.8 * ny);
}

export function sampleSurfaces(surfaces: readonly Surface[], settings: SampleSettings, rng: Random): SampledPoints {
  const counts = allocate(surfaces.map((s) => s.area), settings.count);
  const n = settings.count;
  const positions = new Float32Array(n * 3);
  const colors = new Uint8Array(n * 3);
  const instanceIds = new Int32Array(n);
  const sigma = settings.noiseSigma;
  const jitter = settings.colorJitter;
  let k = 0;

  const emit = (x: number, y: number, z: number, nx: number, ny: number, nz: number, s: Surface) => {
    const depth = sigma * rng.truncatedNormal(3);
    positions[k * 3] = x + nx * depth;
    positions[k * 3 + 1] = y + ny * depth;
    positions[k * 3 + 2] = z + nz * depth;
    const light = shade(nx, ny, nz) * (1 + 0.04 * rng.truncatedNormal(2));
    for (let c = 0; c < 3; c++) {
      const v = s.color[c]! * light + (rng.next() * 2 - 1) * jitter;
      colors[k * 3 + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
    instanceIds[k] = s.instance;
    k++;
  };

  surfaces.forEach((s, i) => {
    const m = counts[i]!;
    if (s.kind === 'rect') {
      const { origin: o, u, v, normal: nn, holes } = s;
      for (let j = 0; j < m; j++) {
        let a = rng.next();
        let b = rng.next();
        // Rejection keeps density uniform over what is left of the wall around its openings.
        while (holes && holes.some(([s0, t0, s1, t1]) => a >= s0 && a <= s1 && b >= t0 && b <= t1)) {
          a = rng.next();
          b = rng.next();
        }
        emit(o[0] + a * u[0] + b * v[0], o[1] + a * u[1] + b * v[1], o[2] + a * u[2] + b * v[2], nn[0], nn[1], nn[2], s);
      }
    } else if (s.kind === 'disc') {
      for (let j = 0; j < m; j++) {
        const r = s.radius * Math.sqrt(rng.next());
        const th = 2 * Math.PI * rng.next();
        emit(s.center[0] + r * Math.cos(th), s.center[1] + r * Math.sin(th), s.center[2], 0, 0, s.facing, s);
      }
    } else {
      for (let j = 0; j < m; j++) {
        const th = 2 * Math.PI * rng.next();
        const c = Math.cos(th);
        const sn = Math.sin(th);
        emit(s.base[0] + s.radius * c, s.base[1] + s.radius * sn, s.base[2] + s.height * rng.next(), c, sn, 0, s);
      }
    }
  });
  return { positions, colors, instanceIds };
}
