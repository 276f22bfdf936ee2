// The xy footprint of an oriented box (the convex hull of its corners seen from above) and the area
// two footprints share, by clipping one convex polygon against the other (Sutherland–Hodgman).
import { convexHull2d, polygonArea } from './hull2d';
import { obbCorners, type Obb } from './obb';

export type Polygon2d = Array<[number, number]>;

export function obbFootprint(box: Obb): Polygon2d {
  return convexHull2d(obbCorners(box).flatMap((c) => [c[0], c[1]]));
}

/** Intersection of two convex counter-clockwise polygons (possibly empty). */
export function clipConvex(subject: Polygon2d, clip: Polygon2d): Polygon2d {
  let out = subject;
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const side = (p: [number, number]) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j]!;
      const q = input[(j + 1) % input.length]!;
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) out.push(p);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return out;
}

export interface FootprintOverlap {
  /** Shared xy area, m². */
  area: number;
  areaA: number;
  areaB: number;
  /** area / min(areaA, areaB): the share of the smaller footprint that is covered (0 when one is empty). */
  ratio: number;
}

export function footprintOverlap(a: Obb, b: Obb): FootprintOverlap {
  const fa = obbFootprint(a);
  const fb = obbFootprint(b);
  const areaA = fa.length >= 3 ? polygonArea(fa) : 0;
  const areaB = fb.length >= 3 ? polygonArea(fb) : 0;
  const shared = fa.length >= 3 && fb.length >= 3 ? clipConvex(fa, fb) : [];
  const area = shared.length >= 3 ? Math.max(0, polygonArea(shared)) : 0;
  const smaller = Math.min(areaA, areaB);
  return { area, areaA, areaB, ratio: smaller > 0 ? area / smaller : 0 };
}

/** World z extent of a box: [lowest, highest] corner height. */
export function zRange(box: Obb): [number, number] {
  const h = (box.size[0] * Math.abs(box.axes[0][2]) + box.size[1] * Math.abs(box.axes[1][2]) + box.size[2] * Math.abs(box.axes[2][2])) / 2;
  return [box.center[2] - h, box.center[2] + h];
}
