// zod schema of the layout document, for reading a saved layout JSON (CLI input, stored versions,
// contract messages). Bad input becomes a bad_file error naming the source and the field.
import { z } from 'zod';
import { AppError } from '../contract/errors';
import type { LayoutDocument } from './types';

const V2 = z.tuple([z.number(), z.number()]);
const V3 = z.tuple([z.number(), z.number(), z.number()]);
export const PoseSchema = z.object({ center: V3, yaw: z.number() });
const SupportSchema = z.union([z.object({ kind: z.literal('floor') }), z.object({ kind: z.literal('object'), id: z.number().int() }), z.object({ kind: z.literal('mounted') })]);

export const LayoutObjectSchema = z.object({
  id: z.number().int(),
  category: z.string().min(1),
  kind: z.enum(['furniture', 'opening']),
  pose: PoseSchema,
  size: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]),
  front: z.enum(['data', 'guessed']),
  support: SupportSchema,
  sizeClass: z.enum(['small', 'medium', 'large']),
  color: V3.optional(),
  instanceId: z.number().int().optional(),
  pointCount: z.number().int().nonnegative().optional(),
  movable: z.boolean(),
});

export const LayoutDocumentSchema = z.object({
  version: z.literal(1),
  sceneId: z.string(),
  source: z.enum(['points', 'boxes']),
  room: z.object({
    polygon: z.array(V2).min(3),
    method: z.string(),
    area: z.number().nonnegative(),
    floorZ: z.number(),
    ceilingZ: z.number(),
    walls: z.array(z.object({ id: z.string(), a: V2, b: V2, height: z.number(), thickness: z.number() })),
    openings: z.array(z.object({ id: z.string(), kind: z.enum(['door', 'window']), objectId: z.number().int(), wallId: z.string(), center: V3, width: z.number(), height: z.number() })),
  }),
  objects: z.array(LayoutObjectSchema),
  firstFreeId: z.number().int().nonnegative().optional(),
});

export function parseLayoutDocument(json: unknown, source = 'layout.json'): LayoutDocument {
  const r = LayoutDocumentSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new AppError('bad_file', `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { source, path: issue.path.map(String) });
  }
  const ids = new Set<number>();
  for (const o of r.data.objects) {
    if (ids.has(o.id)) throw new AppError('bad_file', `${source}: objects: id ${o.id} appears twice`, { source });
    ids.add(o.id);
  }
  return r.data as LayoutDocument;
}
