// Grounding: object phrases to instance ids. Category (with synonyms and plurals), then attributes
// narrow the candidates (colour, small/big, "by the window", left/right from the camera); the
// selection answers "this"/"that"/"these two". One candidate left is an answer; several is
// `ambiguous`, so the UI asks for a click instead of the engine guessing.
import type { Vec3 } from '../../scene/types';
import type { QaObject } from '../workbench/objects';
import { colorName } from './color';
import { canonicalCategory } from './lexicon';
import type { AskResult, Attribute, GroundedQuery, ObjectRef, ParsedQuery, View } from './types';

export interface AskContext {
  objects: readonly QaObject[];
  /** Selected instance ids, in click order. */
  selection: readonly number[];
  /** The current camera, for "from here" and "the left chair". */
  camera?: { position: Vec3; forward: Vec3 };
}

/** small/big picks the extreme candidate only when it beats the runner-up by this volume ratio. */
export const SIZE_RATIO = 1.25;
/** "by the window" picks the nearest candidate only when the next is this much farther. */
export const NEAR_RATIO = 1.25;
/** left/right from the camera needs this many degrees between the two outermost candidates. */
export const SIDE_MIN_DEG = 5;

type Fail = Exclude<AskResult, { kind: 'query' }>;
class Failure extends Error {
  constructor(readonly result: Fail) {
    super(result.kind);
  }
}

/** Objects of a category: exact canonical name, else those whose name ends in it ("lamp" → "table lamp"). */
export function matchCategory(objects: readonly QaObject[], category: string): QaObject[] {
  const exact = objects.filter((o) => canonicalCategory(o.category) === category);
  if (exact.length > 0) return exact;
  return objects.filter((o) => canonicalCategory(o.category).endsWith(` ${category}`));
}

const volume = (o: QaObject) => o.box.size[0] * o.box.size[1] * o.box.size[2];
const ids = (list: readonly QaObject[]) => list.map((o) => o.id);

function ambiguous(phrase: string, candidates: readonly QaObject[], reason: string): never {
  throw new Failure({ kind: 'ambiguous', phrase, candidates: ids(candidates), reason });
}

/** Signed yaw of the object from the camera's forward direction, degrees, counter-clockwise (left) positive. */
function yawFromCamera(o: QaObject, camera: NonNullable<AskContext['camera']>): number {
  const f = camera.forward;
  const qx = o.centroid[0] - camera.position[0];
  const qy = o.centroid[1] - camera.position[1];
  return (Math.atan2(f[0] * qy - f[1] * qx, f[0] * qx + f[1] * qy) * 180) / Math.PI;
}

function applyAttribute(list: QaObject[], attr: Attribute, phrase: string, ctx: AskContext): QaObject[] {
  if (list.length <= 1 && attr.kind !== 'color') return list;
  switch (attr.kind) {
    case 'color': {
      const hit = list.filter((o) => o.color && colorName(o.color) === attr.color);
      if (hit.length === 0) ambiguous(phrase, list, `no ${attr.color} one among the ${list.length} candidate(s)${list.some((o) => !o.color) ? ' (colours unknown)' : ''}`);
      return hit;
    }
    case 'size': {
      const sorted = [...list].sort((a, b) => (attr.size === 'small' ? volume(a) - volume(b) : volume(b) - volume(a)));
      const [first, second] = sorted;
      const ratio = attr.size === 'small' ? volume(second!) / volume(first!) : volume(first!) / volume(second!);
      if (!(ratio >= SIZE_RATIO)) ambiguous(phrase, sorted.slice(0, 2), `the two ${attr.size === 'small' ? 'smallest' : 'biggest'} differ in volume by only ${ratio.toFixed(2)}×`);
      return [first!];
    }
    case 'near': {
      const anchor = resolve(attr.anchor, ctx);
      const a = ctx.objects.find((o) => o.id === anchor)!;
      const d = (o: QaObject) => Math.hypot(o.centroid[0] - a.centroid[0], o.centroid[1] - a.centroid[1], o.centroid[2] - a.centroid[2]);
      const sorted = list.filter((o) => o.id !== anchor).sort((x, y) => d(x) - d(y));
      if (sorted.length === 1) return sorted;
      if (sorted.length === 0) ambiguous(phrase, list, 'the only candidate is the anchor itself');
      if (!(d(sorted[1]!) >= NEAR_RATIO * d(sorted[0]!))) ambiguous(phrase, sorted.slice(0, 2), `two candidates are about as near (${d(sorted[0]!).toFixed(2)} m, ${d(sorted[1]!).toFixed(2)} m)`);
      return [sorted[0]!];
    }
    case 'side': {
      if (!ctx.camera) ambiguous(phrase, list, `"${attr.side}" needs a viewpoint; no camera is known`);
      const yaw = (o: QaObject) => yawFromCamera(o, ctx.camera!);
      const sorted = [...list].sort((x, y) => (attr.side === 'left' ? yaw(y) - yaw(x) : yaw(x) - yaw(y)));
      if (Math.abs(yaw(sorted[0]!) - yaw(sorted[1]!)) < SIDE_MIN_DEG) ambiguous(phrase, sorted.slice(0, 2), `the two ${attr.side}-most candidates are within ${SIDE_MIN_DEG}° from the camera`);
      return [sorted[0]!];
    }
  }
}

function resolve(ref: ObjectRef, ctx: AskContext): number {
  if (ref.kind === 'selection') {
    const pool = ref.category ? matchCategory(ctx.objects, ref.category) : [...ctx.objects];
    const id = ctx.selection[ref.index];
    if (id === undefined) ambiguous(ref.phrase, pool, `"${ref.phrase}" refers to the selection, but ${ctx.selection.length === 0 ? 'nothing is' : `only ${ctx.selection.length} object(s) are`} selected: click the object`);
    const picked = ctx.objects.find((o) => o.id === id);
    if (!picked) throw new Failure({ kind: 'not_found', phrase: ref.phrase, reason: `the selected instance ${id} is not in the scene` });
    if (ref.category && !pool.includes(picked)) ambiguous(ref.phrase, pool, `the selected object is a ${picked.category}, not a ${ref.category}`);
    return id;
  }
  let list = matchCategory(ctx.objects, ref.category);
  if (list.length === 0) throw new Failure({ kind: 'not_found', phrase: ref.phrase, reason: `no ${ref.category} in this scene` });
  for (const attr of ref.attributes) list = applyAttribute(list, attr, ref.phrase, ctx);
  if (list.length > 1) ambiguous(ref.phrase, list, `${list.length} objects match "${ref.phrase}"`);
  return list[0]!.id;
}

function resolveView(view: View<ObjectRef> | undefined, ctx: AskContext): View<number> | undefined {
  if (!view) return undefined;
  if (view.kind === 'camera') {
    if (!ctx.camera) throw new Failure({ kind: 'unsupported', text: 'from here', reason: 'the question speaks from the current view, but no camera is known' });
    return view;
  }
  return { kind: 'objects', standBy: resolve(view.standBy, ctx), facing: resolve(view.facing, ctx) };
}

/** Two references in one question must be two objects: "the chair … the chair" is asked back. */
function distinct(ref: ObjectRef, id: number, others: number[], ctx: AskContext): number {
  if (!others.includes(id)) return id;
  const pool = ref.kind === 'category' ? matchCategory(ctx.objects, ref.category) : [...ctx.objects];
  return ambiguous(ref.phrase, pool.filter((o) => !others.includes(o.id)), `"${ref.phrase}" resolves to an object the question already names`);
}

export function groundQuery(query: ParsedQuery, ctx: AskContext): AskResult {
  try {
    let q: GroundedQuery;
    switch (query.kind) {
      case 'count':
        q = query;
        break;
      case 'size':
        q = { ...query, target: resolve(query.target, ctx) };
        break;
      case 'distance': {
        const a = resolve(query.a, ctx);
        q = { kind: 'distance', a, b: distinct(query.b, resolve(query.b, ctx), [a], ctx) };
        break;
      }
      case 'relation': {
        const a = resolve(query.a, ctx);
        const b = distinct(query.b, resolve(query.b, ctx), [a], ctx);
        q = { kind: 'relation', relation: query.relation, a, b };
        if (query.c) q.c = distinct(query.c, resolve(query.c, ctx), [a, b], ctx);
        break;
      }
      case 'side': {
        const target = resolve(query.target, ctx);
        q = { kind: 'side', side: query.side, target };
        if (query.reference) q.reference = distinct(query.reference, resolve(query.reference, ctx), [target], ctx);
        const view = resolveView(query.view ?? (ctx.camera ? { kind: 'camera' } : undefined), ctx);
        if (!view) throw new Failure({ kind: 'unsupported', text: 'left/right', reason: 'a side needs a viewpoint ("if I stand by … facing …") or a camera' });
        q.view = view;
        break;
      }
      case 'find': {
        q = { kind: 'find', relation: query.relation, reference: resolve(query.reference, ctx) };
        const view = resolveView(query.view ?? (['left', 'right', 'front', 'behind'].includes(query.relation) && ctx.camera ? { kind: 'camera' } : undefined), ctx);
        if (view) q.view = view;
        else if (['left', 'right', 'front', 'behind'].includes(query.relation)) throw new Failure({ kind: 'unsupported', text: query.relation, reason: 'a side needs a viewpoint ("if I stand by … facing …") or a camera' });
        break;
      }
    }
    return { kind: 'query', query: q };
  } catch (err) {
    if (err instanceof Failure) return err.result;
    throw err;
  }
}
