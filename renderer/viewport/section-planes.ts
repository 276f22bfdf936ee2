// Section planes: any number (up to MAX_SECTION_PLANES) of world-space planes that cut points away,
// beyond the axis-aligned clip box and "clip above". Applied in the shared point program
// (point-materials.ts), so cut points are neither drawn nor picked, and used to skip octree nodes
// that lie wholly on the cut side.
import { MAX_SECTION_PLANES } from './point-materials';
import type { Vec3 } from './viewpoint';

/** Points p with dot(normal, p − point) > 0 are cut away; world frame, z up. */
export interface SectionPlane {
  point: Vec3;
  normal: Vec3;
}

const finite3 = (v: unknown): v is Vec3 => Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Validated copies with unit normals; throws naming the bad plane. */
export function normalizeSectionPlanes(planes: readonly SectionPlane[]): SectionPlane[] {
  if (planes.length > MAX_SECTION_PLANES) throw new Error(`section planes: at most ${MAX_SECTION_PLANES}, got ${planes.length}`);
  return planes.map((p, i) => {
    if (!finite3(p.point) || !finite3(p.normal)) throw new Error(`section plane ${i}: point and normal must be three finite numbers`);
    const len = Math.hypot(...p.normal);
    if (len < 1e-9) throw new Error(`section plane ${i}: the normal is zero`);
    return { point: [...p.point], normal: [p.normal[0] / len, p.normal[1] / len, p.normal[2] / len] };
  });
}

/** The shader's form: (n, −n·point), cut where n·p + w > 0. */
export function planeVector(p: SectionPlane): [number, number, number, number] {
  const [a, b, c] = p.normal;
  return [a, b, c, -(a * p.point[0] + b * p.point[1] + c * p.point[2])];
}

/** True when the box (world) lies wholly on the cut side of any plane. */
export function boxCutAway(planes: readonly SectionPlane[], min: Vec3, max: Vec3): boolean {
  return planes.some((p) => {
    const [a, b, c, d] = planeVector(p);
    // The box corner least on the cut side.
    const x = a > 0 ? min[0] : max[0];
    const y = b > 0 ? min[1] : max[1];
    const z = c > 0 ? min[2] : max[2];
    return a * x + b * y + c * z + d > 0;
  });
}

/** A plane through `centre` facing the camera: cuts away what lies between the camera and the centre. */
export function viewPlane(cameraPosition: Vec3, target: Vec3, centre: Vec3): SectionPlane {
  const n: Vec3 = [cameraPosition[0] - target[0], cameraPosition[1] - target[1], cameraPosition[2] - target[2]];
  return normalizeSectionPlanes([{ point: centre, normal: Math.hypot(...n) > 1e-9 ? n : [0, 0, 1] }])[0]!;
}

/** The plane moved `offset` metres along its normal (the cut side shrinks for positive offsets). */
export function offsetPlane(p: SectionPlane, offset: number): SectionPlane {
  return { normal: p.normal, point: [p.point[0] + p.normal[0] * offset, p.point[1] + p.normal[1] * offset, p.point[2] + p.normal[2] * offset] };
}

/** The same plane cutting the other side away. */
export function flipPlane(p: SectionPlane): SectionPlane {
  return { point: p.point, normal: [-p.normal[0], -p.normal[1], -p.normal[2]] };
}
