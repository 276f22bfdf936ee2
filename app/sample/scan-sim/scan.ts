// The virtual scanner: a depth camera carried along a loop through the room, casting one ray per
// (jittered) pixel. The first surface hit is what the scan sees, so occlusion, missing undersides and
// the shadow behind furniture come from geometry, not rules. Returns lose density with distance
// (fewer rays per square metre, dropouts past a few metres and at grazing angles), get depth noise
// that grows with range, and colours lit by the room's lights with per-frame exposure changes.
// Frames are fused on a voxel grid, like a TSDF-fused scan mesh's vertices.
import type { Vec3 } from '../../scene/types';
import type { Rgb } from '../parts';
import type { Random } from '../random';
import { intersect, rayAabb, type Hit } from './geometry';
import type { SimWorld } from './world';

export interface ScanSettings {
  /** Rays cast in all (before dropouts and fusion). */
  rays: number;
  /** Camera frames along the path. */
  frames: number;
  /** Depth noise scale: σ(d) = scale · (1.5 mm + 1.5 mm · d²). 0 turns noise off. */
  noise: number;
  /** Fusion voxel edge in metres; 0 keeps every return. */
  voxel: number;
  /** Beyond this range (metres) nothing returns. */
  maxRange: number;
}

export interface RawScan {
  positions: Float32Array;
  colors: Uint8Array;
  instanceIds: Int32Array;
  /** Camera centre of every frame. */
  cameras: Vec3[];
}

const H_FOV = (58 * Math.PI) / 180;
const V_FOV = (45 * Math.PI) / 180;

interface Camera {
  o: Vec3;
  yaw: number;
  pitch: number;
  exposure: number;
}

/** Whether a point is inside (or within `margin` of) any solid's bounds: cameras must not stand in furniture. */
function blocked(world: SimWorld, x: number, y: number, z: number, margin: number): boolean {
  for (const s of world.solids) {
    const b = s.bounds;
    if (x > b[0] - margin && x < b[3] + margin && y > b[1] - margin && y < b[4] + margin && z > b[2] - margin && z < b[5] + margin) return true;
  }
  return false;
}

/** A loop around the room at hand height; each frame looks outward (mostly) or across the room, pitched down. */
export function cameraPath(world: SimWorld, frames: number, rng: Random): Camera[] {
  const { width, depth, height } = world.shell;
  const rx = Math.max(0.25, width / 2 - rng.range(0.7, 1.1));
  const ry = Math.max(0.25, depth / 2 - rng.range(0.7, 1.1));
  const phase = rng.range(0, 2 * Math.PI);
  const cams: Camera[] = [];
  for (let f = 0; f < frames; f++) {
    const a = phase + (2 * Math.PI * f) / frames;
    let x = rx * Math.cos(a) + rng.range(-0.15, 0.15);
    let y = ry * Math.sin(a) + rng.range(-0.15, 0.15);
    const z = Math.min(height - 0.3, rng.range(1.2, 1.75));
    // Step towards the centre until the camera is clear of furniture.
    for (let k = 0; k < 10 && blocked(world, x, y, z, 0.15); k++) {
      x *= 0.8;
      y *= 0.8;
    }
    const outward = Math.atan2(y, x);
    const yaw = rng.chance(0.7) ? outward + rng.range(-0.6, 0.6) : outward + Math.PI + rng.range(-0.8, 0.8);
    const pitch = -rng.range(0.2, 0.8);
    cams.push({ o: [x, y, z], yaw, pitch, exposure: rng.range(0.85, 1.15) });
  }
  return cams;
}

interface Surface {
  t: number;
  nx: number;
  ny: number;
  nz: number;
  instance: number;
  color: Rgb;
}

/** First surface along a unit ray, or null when it leaves through a window or doorway. */
export function castRay(world: SimWorld, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): Surface | null {
  const { width, depth, height } = world.shell;
  // The room is a box: the ray leaves it through the nearest of its six planes.
  let best: Surface | null = null;
  if (dz < -1e-9) best = { t: -oz / dz, nx: 0, ny: 0, nz: 1, instance: world.floor.instance, color: world.floor.color };
  else if (dz > 1e-9) best = { t: (height - oz) / dz, nx: 0, ny: 0, nz: -1, instance: world.ceiling.instance, color: world.ceiling.color };
  let exitWall: SimWorld['walls'][number] | null = null;
  for (const w of world.walls) {
    const f = w.frame;
    const den = -(f.normal[0] * dx + f.normal[1] * dy);
    if (den <= 1e-9) continue;
    // Distance of the origin from the wall plane (inside positive).
    const half = f.side === 'east' || f.side === 'west' ? width / 2 : depth / 2;
    const t = (half + (f.normal[0] * ox + f.normal[1] * oy)) / den;
    if (best && t >= best.t) continue;
    best = { t, nx: f.normal[0], ny: f.normal[1], nz: 0, instance: w.instance, color: w.color };
    exitWall = w;
  }
  if (best && exitWall && best.instance === exitWall.instance) {
    const f = exitWall.frame;
    const s = (ox + best.t * dx - f.center[0]) * f.tangent[0] + (oy + best.t * dy - f.center[1]) * f.tangent[1] + f.length / 2;
    const hz = oz + best.t * dz;
    // Out through a doorway or window: only what lies beyond (a closed door leaf) can still be hit.
    if (exitWall.holes.some((h) => s >= h.s0 && s <= h.s1 && hz >= h.z0 && hz <= h.z1)) best = null;
  }
  const idx = 1 / dx;
  const idy = 1 / dy;
  const idz = 1 / dz;
  const hit: Hit = { t: 0, nx: 0, ny: 0, nz: 0 };
  let tMax = best ? best.t : 12;
  for (const s of world.solids) {
    if (rayAabb(ox, oy, oz, idx, idy, idz, s.bounds, tMax) === Infinity) continue;
    for (const p of s.primitives) {
      if (intersect(p, ox, oy, oz, dx, dy, dz, tMax, hit)) {
        tMax = hit.t;
        best = { t: hit.t, nx: hit.nx, ny: hit.ny, nz: hit.nz, instance: p.instance, color: p.color };
      }
    }
  }
  return best;
}

/** Lighting: ambient plus ceiling lights (Lambert, soft inverse-square falloff), tinted per room. */
function light(world: SimWorld, x: number, y: number, z: number, nx: number, ny: number, nz: number): number {
  let v = 0.45;
  for (const l of world.lights) {
    const lx = l[0] - x;
    const ly = l[1] - y;
    const lz = l[2] - z;
    const r2 = lx * lx + ly * ly + lz * lz;
    const r = Math.sqrt(r2) || 1;
    const lambert = Math.max(0, (nx * lx + ny * ly + nz * lz) / r);
    v += (0.55 * lambert) / (1 + 0.08 * r2);
  }
  return Math.min(1.25, v);
}

export function scanWorld(world: SimWorld, settings: ScanSettings, rng: Random): RawScan {
  const cams = cameraPath(world, settings.frames, rng);
  const perFrame = Math.max(1, Math.floor(settings.rays / settings.frames));
  const cols = Math.max(1, Math.round(Math.sqrt((perFrame * H_FOV) / V_FOV)));
  const rows = Math.max(1, Math.floor(perFrame / cols));
  const tint: Vec3 = [rng.range(0.9, 1.08), rng.range(0.95, 1.02), rng.range(0.88, 1.08)];
  const pos: number[] = [];
  const col: number[] = [];
  const ids: number[] = [];
  const tanH = Math.tan(H_FOV / 2);
  const tanV = Math.tan(V_FOV / 2);
  for (const cam of cams) {
    const cy = Math.cos(cam.yaw);
    const sy = Math.sin(cam.yaw);
    const cp = Math.cos(cam.pitch);
    const sp = Math.sin(cam.pitch);
    // Camera axes: forward f, right r, up u.
    const f: Vec3 = [cy * cp, sy * cp, sp];
    const r: Vec3 = [sy, -cy, 0];
    const u: Vec3 = [-cy * sp, -sy * sp, cp];
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) {
        const px = ((i + rng.next()) / cols) * 2 - 1;
        const py = ((j + rng.next()) / rows) * 2 - 1;
        let dx = f[0] + px * tanH * r[0] + py * tanV * u[0];
        let dy = f[1] + px * tanH * r[1] + py * tanV * u[1];
        let dz = f[2] + px * tanH * r[2] + py * tanV * u[2];
        const len = Math.hypot(dx, dy, dz);
        dx /= len;
        dy /= len;
        dz /= len;
        const hit = castRay(world, cam.o[0], cam.o[1], cam.o[2], dx, dy, dz);
        if (!hit || hit.t > settings.maxRange) continue;
        // Dropouts: far returns and grazing angles come back less often.
        const d = hit.t;
        if (d > 2.5 && rng.next() > Math.exp(-(d - 2.5) / 1.5)) continue;
        const cosInc = Math.abs(hit.nx * dx + hit.ny * dy + hit.nz * dz);
        if (cosInc < 0.2 && rng.next() > cosInc / 0.2) continue;
        const sigma = settings.noise * (0.0015 + 0.0015 * d * d);
        const t = d + sigma * rng.truncatedNormal(3);
        const x = cam.o[0] + t * dx;
        const y = cam.o[1] + t * dy;
        const z = cam.o[2] + t * dz;
        pos.push(x, y, z);
        const shade = light(world, x, y, z, hit.nx, hit.ny, hit.nz) * cam.exposure;
        // A little low-frequency texture so flat surfaces are not one colour.
        const texture = 1 + 0.04 * Math.sin(7.3 * x + 3.1 * y) * Math.sin(5.7 * z + 2.3 * x);
        for (let c = 0; c < 3; c++) {
          const v = hit.color[c]! * shade * tint[c]! * texture + (rng.next() * 2 - 1) * 5;
          col.push(v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
        }
        ids.push(hit.instance);
      }
    }
  }
  const raw = { positions: Float32Array.from(pos), colors: Uint8Array.from(col), instanceIds: Int32Array.from(ids) };
  const fused = settings.voxel > 0 ? fuseVoxels(raw, settings.voxel) : raw;
  return { ...fused, cameras: cams.map((c) => c.o) };
}

/**
 * One point per occupied voxel: the mean position and colour of its returns, the instance of its
 * first return. Voxels keep the order of their first return, so the result is deterministic.
 */
export function fuseVoxels(scan: { positions: Float32Array; colors: Uint8Array; instanceIds: Int32Array }, voxel: number) {
  const n = scan.instanceIds.length;
  const slot = new Map<number, number>();
  const sums: number[] = [];
  const first: number[] = [];
  const inv = 1 / voxel;
  for (let i = 0; i < n; i++) {
    // Rooms stay within ±40 m, so each axis fits in 13 bits at 1 cm voxels and a double holds the key exactly.
    const ix = Math.floor(scan.positions[3 * i]! * inv) + 4096;
    const iy = Math.floor(scan.positions[3 * i + 1]! * inv) + 4096;
    const iz = Math.floor(scan.positions[3 * i + 2]! * inv) + 4096;
    const key = (ix * 8192 + iy) * 8192 + iz;
    let k = slot.get(key);
    if (k === undefined) {
      k = first.length;
      slot.set(key, k);
      first.push(i);
      sums.push(0, 0, 0, 0, 0, 0, 0);
    }
    const o = k * 7;
    sums[o]! += 1;
    for (let a = 0; a < 3; a++) {
      sums[o + 1 + a]! += scan.positions[3 * i + a]!;
      sums[o + 4 + a]! += scan.colors[3 * i + a]!;
    }
  }
  const m = first.length;
  const positions = new Float32Array(m * 3);
  const colors = new Uint8Array(m * 3);
  const instanceIds = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const o = k * 7;
    const c = sums[o]!;
    for (let a = 0; a < 3; a++) {
      positions[3 * k + a] = sums[o + 1 + a]! / c;
      colors[3 * k + a] = Math.round(sums[o + 4 + a]! / c);
    }
    instanceIds[k] = scan.instanceIds[first[k]!]!;
  }
  return { positions, colors, instanceIds };
}
