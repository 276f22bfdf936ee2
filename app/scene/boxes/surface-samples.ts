// Synthetic points on box surfaces: what a box-only scene draws and picks. Each face gets a regular
// grid including its edges and corners, so the samples' axis-aligned bounds are exactly the box's
// and their mean is its centre; each point is shaded by its face so the boxes read as solids.
import { obbPoint, type Obb } from '../../geometry/obb';
import type { Vec3 } from '../types';

export interface SurfaceSamples {
  positions: Float64Array;
  colors: Uint8Array;
  normals: Float32Array;
  /** Instance id per point (the box's). */
  instances: Int32Array;
  spacing: number;
}

export interface SampledBox {
  instanceId: number;
  label: string;
  box: Obb;
}

/** Default sample spacing (m): dense enough that a click on any face lands on a sample. */
export const DEFAULT_SAMPLE_SPACING = 0.04;
/** More samples than this widen the spacing instead (a display aid must not cost a scan's memory). */
export const MAX_SURFACE_SAMPLES = 2_000_000;
/** Samples per edge at most, whatever the spacing (a 40 m "wall" box stays bounded). */
const MAX_PER_EDGE = 500;

const LIGHT: Vec3 = (() => {
  const v: Vec3 = [0.3, 0.45, 0.84];
  const n = Math.hypot(...v);
  return [v[0] / n, v[1] / n, v[2] / n];
})();

/** A stable, well-spread colour per label (golden-angle hues), so a category looks the same everywhere. */
export function labelColor(label: string): Vec3 {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619) >>> 0;
  const hue = ((h % 360) + 360) % 360;
  // HSL → RGB with s = 0.55, l = 0.6.
  const s = 0.55;
  const l = 0.6;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

const steps = (length: number, spacing: number) => (length <= 0 ? 1 : Math.min(MAX_PER_EDGE, Math.max(2, Math.ceil(length / spacing) + 1)));

/** Faces of a box as (normal axis, sign); a flat side (size 0) is one face, not two coinciding ones. */
function faces(box: Obb): Array<[number, 1 | -1]> {
  const out: Array<[number, 1 | -1]> = [];
  for (let i = 0; i < 3; i++) {
    out.push([i, 1]);
    if (box.size[i]! > 0) out.push([i, -1]);
  }
  return out;
}

function countFor(boxes: readonly SampledBox[], spacing: number): number {
  let n = 0;
  for (const { box } of boxes)
    for (const [i] of faces(box)) {
      const j = (i + 1) % 3;
      const k = (i + 2) % 3;
      n += steps(box.size[j]!, spacing) * steps(box.size[k]!, spacing);
    }
  return n;
}

/** Surface samples of every box, in the boxes' frame; spacing widens until the count fits MAX_SURFACE_SAMPLES. */
export function sampleBoxSurfaces(boxes: readonly SampledBox[], spacing = DEFAULT_SAMPLE_SPACING): SurfaceSamples {
  let total = countFor(boxes, spacing);
  while (total > MAX_SURFACE_SAMPLES) {
    spacing *= 1.25;
    total = countFor(boxes, spacing);
  }
  const positions = new Float64Array(total * 3);
  const colors = new Uint8Array(total * 3);
  const normals = new Float32Array(total * 3);
  const instances = new Int32Array(total);
  let at = 0;
  for (const { instanceId, label, box } of boxes) {
    const base = labelColor(label);
    for (const [i, sign] of faces(box)) {
      const j = (i + 1) % 3;
      const k = (i + 2) % 3;
      const nj = steps(box.size[j]!, spacing);
      const nk = steps(box.size[k]!, spacing);
      const axis = box.axes[i]!;
      const normal: Vec3 = [axis[0] * sign, axis[1] * sign, axis[2] * sign];
      const shade = 0.55 + 0.45 * Math.max(0, normal[0] * LIGHT[0] + normal[1] * LIGHT[1] + normal[2] * LIGHT[2]);
      const rgb = base.map((c) => Math.round(c * shade));
      const u: Vec3 = [0, 0, 0];
      u[i] = (sign * box.size[i]!) / 2;
      for (let a = 0; a < nj; a++) {
        u[j] = nj === 1 ? 0 : box.size[j]! * (a / (nj - 1) - 0.5);
        for (let b = 0; b < nk; b++) {
          u[k] = nk === 1 ? 0 : box.size[k]! * (b / (nk - 1) - 0.5);
          const p = obbPoint(box, u);
          positions.set(p, at * 3);
          colors.set(rgb, at * 3);
          normals.set(normal, at * 3);
          instances[at] = instanceId;
          at++;
        }
      }
    }
  }
  return { positions, colors, normals, instances, spacing };
}
