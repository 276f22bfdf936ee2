// Float32 keeps ~7 significant digits: survey coordinates like 500000.123 would lose their
// millimetres. Positions are therefore stored relative to a float64 origin near the data.
import type { Vec3 } from '../types';

export interface Recentred {
  /** Bounding-box centre rounded to whole metres (so origins stay readable and stable). */
  origin: Vec3;
  /** xyz relative to origin. */
  positions: Float32Array;
  /** Bounds of the input coordinates, float64; zero box when there are no points. */
  bbox: { min: Vec3; max: Vec3 };
}

export function boundsOf(positions: ArrayLike<number>): { min: Vec3; max: Vec3 } {
  const n = Math.floor(positions.length / 3);
  if (n === 0) return { min: [0, 0, 0], max: [0, 0, 0] };
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n * 3; i += 3) {
    for (let a = 0; a < 3; a++) {
      const v = positions[i + a]!;
      if (v < min[a]!) min[a] = v;
      if (v > max[a]!) max[a] = v;
    }
  }
  return { min, max };
}

/** `into` receives the result (it may be `positions` itself: each value is read before it is written). */
export function recentre(positions: ArrayLike<number>, into?: Float32Array): Recentred {
  const bbox = boundsOf(positions);
  // `+ 0` turns a -0 from rounding a small negative centre into 0.
  const origin = [0, 1, 2].map((a) => Math.round((bbox.min[a]! + bbox.max[a]!) / 2) + 0) as Vec3;
  const out = into ?? new Float32Array(positions.length);
  for (let i = 0; i < out.length; i += 3) {
    out[i] = positions[i]! - origin[0];
    out[i + 1] = positions[i + 1]! - origin[1];
    out[i + 2] = positions[i + 2]! - origin[2];
  }
  return { origin, positions: out, bbox };
}
