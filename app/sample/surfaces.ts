// Turns posed primitive parts into world-space surfaces, leaving out faces a scanner inside the room
// could not see: undersides resting on the floor and backs pressed against a wall.
import type { Vec3 } from '../scene/types';
import type { Part } from './parts';
import type { Surface } from './sampling';

/** Where an object's local frame sits: footprint centre (x, y), base elevation z, yaw about +z. */
export interface Pose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** Faces this close to the floor or a wall (and facing it) are hidden. */
const HIDDEN_GAP = 0.06;

export interface RoomBounds {
  halfWidth: number;
  halfDepth: number;
}

function hidden(center: Vec3, normal: Vec3, room: RoomBounds): boolean {
  if (normal[2] < -0.9 && center[2] <= 0.005) return true;
  if (normal[0] > 0.9 && center[0] >= room.halfWidth - HIDDEN_GAP) return true;
  if (normal[0] < -0.9 && center[0] <= -room.halfWidth + HIDDEN_GAP) return true;
  if (normal[1] > 0.9 && center[1] >= room.halfDepth - HIDDEN_GAP) return true;
  if (normal[1] < -0.9 && center[1] <= -room.halfDepth + HIDDEN_GAP) return true;
  return false;
}

export function partSurfaces(part: Part, pose: Pose, instance: number, room: RoomBounds, out: Surface[]): void {
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  const toWorld = (p: Vec3): Vec3 => [pose.x + c * p[0] - s * p[1], pose.y + s * p[0] + c * p[1], pose.z + p[2]];
  const rotate = (d: Vec3): Vec3 => [c * d[0] - s * d[1], s * d[0] + c * d[1], d[2]];

  if (part.kind === 'cylinder') {
    const base = toWorld(part.base);
    const r = part.radius;
    const top: Vec3 = [base[0], base[1], base[2] + part.height];
    out.push({ kind: 'tube', base, radius: r, height: part.height, color: part.color, instance, area: 2 * Math.PI * r * part.height });
    out.push({ kind: 'disc', center: top, radius: r, facing: 1, color: part.color, instance, area: Math.PI * r * r });
    if (!hidden(base, [0, 0, -1], room)) out.push({ kind: 'disc', center: base, radius: r, facing: -1, color: part.color, instance, area: Math.PI * r * r });
    return;
  }

  const axes: Vec3[] = [rotate([1, 0, 0]), rotate([0, 1, 0]), [0, 0, 1]];
  const center = toWorld(part.center);
  for (let axis = 0; axis < 3; axis++) {
    const ua = (axis + 1) % 3;
    const va = (axis + 2) % 3;
    const n = axes[axis]!;
    const U = axes[ua]!.map((x) => x * part.size[ua]!) as Vec3;
    const V = axes[va]!.map((x) => x * part.size[va]!) as Vec3;
    const area = part.size[ua]! * part.size[va]!;
    if (area <= 0) continue;
    for (const sign of [1, -1]) {
      const h = (sign * part.size[axis]!) / 2;
      const fc: Vec3 = [center[0] + n[0] * h, center[1] + n[1] * h, center[2] + n[2] * h];
      const normal: Vec3 = [n[0] * sign, n[1] * sign, n[2] * sign];
      if (hidden(fc, normal, room)) continue;
      const origin: Vec3 = [fc[0] - U[0] / 2 - V[0] / 2, fc[1] - U[1] / 2 - V[1] / 2, fc[2] - U[2] / 2 - V[2] / 2];
      out.push({ kind: 'rect', origin, u: U, v: V, normal, color: part.color, instance, area });
    }
  }
}
