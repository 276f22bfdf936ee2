// VSI-Bench meta data (`scannetpp_meta_info_val.json`): rooms described only by object boxes.
// Parsed into box-only scenes the question generator and the audit share.
import { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { Obb } from '../../geometry/obb';
import type { Vec3 } from '../../scene/types';

export interface BoxObject {
  category: string;
  /** Position in the meta's list for this category. */
  instance: number;
  box: Obb;
  min: Vec3;
  max: Vec3;
  /** The instance id in the source PointScene, for scenes built from points (point-scene.ts). */
  instanceId?: number;
}

/** Closest points of two objects; box scenes from points measure their point sets, not their boxes. */
export type ObjectDistance = (a: BoxObject, b: BoxObject) => { distance: number; pointA: Vec3; pointB: Vec3 };

export interface BoxScene {
  id: string;
  /** Floor area in m² as the meta gives it (alpha shape of the scan). */
  roomSize: number;
  roomCenter: Vec3;
  /** Categories in the meta's order; `instances[c]` has at least one box. */
  categories: string[];
  instances: Record<string, BoxObject[]>;
  /** How object distances are measured; exact box-to-box when absent. */
  measure?: ObjectDistance;
}

const Vec3Schema = z.tuple([z.number(), z.number(), z.number()]);
const BoxSchema = z.object({
  centroid: Vec3Schema,
  axesLengths: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]),
  normalizedAxes: z.array(z.number()).length(9),
  min: Vec3Schema,
  max: Vec3Schema,
});
const SceneSchema = z.object({
  room_size: z.number().positive(),
  room_center: Vec3Schema,
  object_counts: z.record(z.string(), z.number().int().positive()),
  object_bbox: z.record(z.string(), z.array(BoxSchema).min(1)),
});
const MetaSchema = z.record(z.string(), SceneSchema);
type MetaBox = z.infer<typeof BoxSchema>;

// The meta stores min/max and the axes to ~1e-15; a looser bound only absorbs float noise.
const FIT_TOLERANCE = 1e-6;

function bad(source: string, path: Array<string | number>, message: string): AppError {
  return new AppError('bad_file', `${source}: ${path.join('.')}: ${message}`, { source, path });
}

/** World extents of a box whose side i runs along `axis(i)`: Σ_i size_i·|axis_i[k]| per world axis k. */
const extents = (axes: Vec3[], size: Vec3): Vec3 => [0, 1, 2].map((k) => axes.reduce((s, a, i) => s + size[i]! * Math.abs(a[k]!), 0)) as Vec3;

/**
 * The 3x3 is row-major, but whether its rows or its columns are the box axes is not written down:
 * take the reading whose extents reproduce the stored min/max (in the released file: rows).
 */
function boxAxes(b: MetaBox, source: string, path: Array<string | number>): [Vec3, Vec3, Vec3] {
  const m = b.normalizedAxes;
  const rows: [Vec3, Vec3, Vec3] = [
    [m[0]!, m[1]!, m[2]!],
    [m[3]!, m[4]!, m[5]!],
    [m[6]!, m[7]!, m[8]!],
  ];
  const columns: [Vec3, Vec3, Vec3] = [
    [m[0]!, m[3]!, m[6]!],
    [m[1]!, m[4]!, m[7]!],
    [m[2]!, m[5]!, m[8]!],
  ];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      const d = rows[i]![0] * rows[j]![0] + rows[i]![1] * rows[j]![1] + rows[i]![2] * rows[j]![2];
      if (Math.abs(d - (i === j ? 1 : 0)) > FIT_TOLERANCE) throw bad(source, [...path, 'normalizedAxes'], 'the axes are not orthonormal');
    }
  const span = b.max.map((v, k) => v - b.min[k]!);
  for (const axes of [rows, columns]) {
    const e = extents(axes, b.axesLengths);
    if (e.every((v, k) => Math.abs(v - span[k]!) <= FIT_TOLERANCE * Math.max(1, span[k]!))) return axes;
  }
  throw bad(source, path, 'neither the rows nor the columns of normalizedAxes reproduce min/max');
}

export function parseVsiMeta(json: unknown, source = 'meta'): BoxScene[] {
  const parsed = MetaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad(source, issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), issue.message);
  }
  return Object.entries(parsed.data).map(([id, scene]) => {
    const counted = Object.keys(scene.object_counts);
    const boxed = Object.keys(scene.object_bbox);
    for (const c of counted) if (!(c in scene.object_bbox)) throw bad(source, [id, 'object_counts', c], 'category has a count but no boxes');
    const instances: Record<string, BoxObject[]> = {};
    for (const category of boxed) {
      const boxes = scene.object_bbox[category]!;
      const count = scene.object_counts[category];
      if (count !== boxes.length) throw bad(source, [id, 'object_bbox', category], `${boxes.length} boxes but object_counts says ${count ?? 'nothing'}`);
      instances[category] = boxes.map((b, instance) => ({
        category,
        instance,
        box: { center: b.centroid, axes: boxAxes(b, source, [id, 'object_bbox', category, instance]), size: b.axesLengths },
        min: b.min,
        max: b.max,
      }));
    }
    return { id, roomSize: scene.room_size, roomCenter: scene.room_center, categories: boxed, instances };
  });
}

/** Parses a meta JSON text (bad JSON is a bad_file error like a bad field). */
export function parseVsiMetaText(text: string, source = 'meta'): BoxScene[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('bad_file', `${source}: not JSON: ${err instanceof Error ? err.message : String(err)}`, { source });
  }
  return parseVsiMeta(json, source);
}
