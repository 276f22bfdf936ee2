// Pure maths of the measure tool (world space, z up, metres).
import type { Vec3 } from './viewpoint';

export type MeasureTool = 'distance' | 'height' | 'area';

export interface MeasureResult {
  tool: MeasureTool;
  /** The clicked points (area: projected onto the floor). */
  points: Vec3[];
  /** Metres (distance, height) or square metres (area); null until enough points are placed. */
  value: number | null;
  /** The value in words, e.g. "2.41 m" or "6.30 m²". */
  text: string;
}

export const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Area of a simple polygon from its xy coordinates (shoelace formula). */
export function polygonArea(points: readonly Vec3[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % points.length]!;
    twice += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(twice) / 2;
}

/**
 * Floor height: a low percentile of point heights, so a few stray points below the floor (noise,
 * reflections) do not move it. `zs` need not be sorted; it is not modified.
 */
export function floorHeight(zs: ArrayLike<number>, percentile = 0.02): number {
  if (!zs.length) return 0;
  const sorted = Float64Array.from(zs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(percentile * sorted.length))]!;
}

export function measureResult(tool: MeasureTool, points: Vec3[], floorZ: number): MeasureResult {
  if (tool === 'distance') {
    const value = points.length >= 2 ? distance(points[0]!, points[1]!) : null;
    return { tool, points, value, text: value === null ? 'Click two points' : `${value.toFixed(2)} m` };
  }
  if (tool === 'height') {
    const p = points[0];
    const value = p ? p[2] - floorZ : null;
    return { tool, points, value, text: value === null ? 'Click a point' : `${value.toFixed(2)} m above floor` };
  }
  const flat = points.map((p): Vec3 => [p[0], p[1], floorZ]);
  const value = flat.length >= 3 ? polygonArea(flat) : null;
  return { tool, points: flat, value, text: value === null ? `Click ${3 - flat.length} more floor point(s)` : `${value.toFixed(2)} m²` };
}
