// Furniture is modelled as a few solid primitives in the object's local frame: x across the width,
// y from back (-) to front (+), z up from the object's base (0). Boxes are axis-aligned in that frame.
import type { Vec3 } from '../scene/types';

export type Rgb = [number, number, number];

export interface BoxPart {
  kind: 'box';
  /** Centre of the box, local frame. */
  center: Vec3;
  /** Full extents along local x, y, z. */
  size: Vec3;
  color: Rgb;
}

export interface CylinderPart {
  kind: 'cylinder';
  /** Centre of the bottom disc, local frame; the axis is +z. */
  base: Vec3;
  radius: number;
  height: number;
  color: Rgb;
}

export type Part = BoxPart | CylinderPart;

/** A box given by its bottom-face centre, which is how furniture parts are easiest to stack. */
export function box(x: number, y: number, zBottom: number, sx: number, sy: number, sz: number, color: Rgb): BoxPart {
  return { kind: 'box', center: [x, y, zBottom + sz / 2], size: [sx, sy, sz], color };
}

export function cylinder(x: number, y: number, zBottom: number, radius: number, height: number, color: Rgb): CylinderPart {
  return { kind: 'cylinder', base: [x, y, zBottom], radius, height, color };
}

/** Local axis-aligned bounds of a set of parts. */
export function partsBounds(parts: readonly Part[]): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const grow = (x: number, y: number, z: number) => {
    if (x < min[0]) min[0] = x;
    if (y < min[1]) min[1] = y;
    if (z < min[2]) min[2] = z;
    if (x > max[0]) max[0] = x;
    if (y > max[1]) max[1] = y;
    if (z > max[2]) max[2] = z;
  };
  for (const p of parts) {
    if (p.kind === 'box') {
      const [cx, cy, cz] = p.center;
      const [hx, hy, hz] = [p.size[0] / 2, p.size[1] / 2, p.size[2] / 2];
      grow(cx - hx, cy - hy, cz - hz);
      grow(cx + hx, cy + hy, cz + hz);
    } else {
      const [bx, by, bz] = p.base;
      grow(bx - p.radius, by - p.radius, bz);
      grow(bx + p.radius, by + p.radius, bz + p.height);
    }
  }
  return { min, max };
}
