// Phrases to object ids with the QA grounding (categories, synonyms, colour, small/big, "by the
// window", "it" = the selection), then the parsed instruction to a solver request. Grounding never
// guesses: several matches come back as ambiguous with the candidates, for the UI to ask.
import { groundQuery } from '../../qa/ask/ground';
import type { ObjectRef } from '../../qa/ask/types';
import type { QaObject } from '../../qa/workbench/objects';
import { obbCorners } from '../../geometry/obb';
import type { Vec3 } from '../../scene/types';
import { nearestWall } from '../build';
import { boxOf } from '../pose';
import type { EditRequest, LayoutRelation, Reference, Viewer } from '../request';
import { editRequestOf } from './edit-request';
import type { LayoutDocument } from '../types';
import type { ParsedInstruction } from './types';

export interface InstructionContext {
  /** Selected object ids in click order ("it", "this" and "that" refer to them). */
  selection: readonly number[];
  viewer?: Viewer;
}

export interface GroundedPhrase {
  phrase: string;
  id: number | string;
  category: string;
}

/** What the instruction was understood to say, for the CLI's --json and the UI. */
export interface Grounding {
  intent: ParsedInstruction['intent'];
  target: GroundedPhrase;
  relation: LayoutRelation | 'move' | 'rotate' | 'swap' | 'remove' | 'duplicate';
  reference: GroundedPhrase | null;
  reference2: GroundedPhrase | null;
  amount: { metres: number; text: string; vague: boolean } | null;
  direction: string | null;
  degrees: number | null;
  frame: ParsedInstruction['frame'];
}

export type GroundResult = { kind: 'grounded'; request: EditRequest; grounding: Grounding } | { kind: 'ambiguous' | 'not_found' | 'unsupported'; phrase: string; reason: string; candidates: number[] };

export function qaObjectsOf(doc: LayoutDocument): QaObject[] {
  return doc.objects.map((o) => {
    const box = boxOf(o);
    const corners = obbCorners(box);
    const min = [0, 1, 2].map((k) => Math.min(...corners.map((c) => c[k]!))) as Vec3;
    const max = [0, 1, 2].map((k) => Math.max(...corners.map((c) => c[k]!))) as Vec3;
    return { id: o.id, category: o.category, box, centroid: o.pose.center, min, max, ...(o.color ? { color: o.color } : {}) };
  });
}

class Refused extends Error {
  constructor(readonly result: Exclude<GroundResult, { kind: 'grounded' }>) {
    super(result.reason);
  }
}

export function groundInstruction(doc: LayoutDocument, p: ParsedInstruction, ctx: InstructionContext): GroundResult {
  const objects = qaObjectsOf(doc);
  const ask = { objects, selection: ctx.selection, ...(ctx.viewer ? { camera: { position: ctx.viewer.position, forward: ctx.viewer.forward } } : {}) };
  const resolve = (ref: ObjectRef): GroundedPhrase & { id: number } => {
    const r = groundQuery({ kind: 'size', target: ref, dimension: 'all' }, ask);
    if (r.kind === 'query' && r.query.kind === 'size') {
      const o = doc.objects.find((x) => x.id === (r.query as { target: number }).target)!;
      return { phrase: ref.phrase, id: o.id, category: o.category };
    }
    if (r.kind === 'ambiguous') throw new Refused({ kind: 'ambiguous', phrase: r.phrase, reason: r.reason, candidates: r.candidates });
    if (r.kind === 'not_found') throw new Refused({ kind: 'not_found', phrase: r.phrase, reason: r.reason, candidates: [] });
    throw new Refused({ kind: 'unsupported', phrase: ref.phrase, reason: r.kind === 'unsupported' ? r.reason : 'cannot ground', candidates: [] });
  };
  try {
    if (p.frame === 'viewer' && !ctx.viewer) throw new Refused({ kind: 'unsupported', phrase: 'from my view', reason: 'the instruction speaks from your viewpoint, but no viewer position is known', candidates: [] });
    const target = resolve(p.target);
    let reference: (GroundedPhrase & { ref: Reference }) | null = null;
    if (p.reference?.kind === 'object') {
      const r = resolve(p.reference.ref);
      if (r.id === target.id) {
        const others = objects.filter((o) => o.id !== target.id && o.category === target.category).map((o) => o.id);
        throw new Refused({ kind: 'ambiguous', phrase: p.reference.ref.phrase, reason: `"${p.reference.ref.phrase}" is the object being moved; which other one?`, candidates: others });
      }
      reference = { ...r, ref: { kind: 'object', id: r.id } };
    } else if (p.reference?.kind === 'room') reference = { phrase: 'the room', id: 'room', category: 'room', ref: { kind: 'room' } };
    else if (p.reference?.kind === 'wall' && p.reference.near) {
      const r = resolve(p.reference.near);
      const o = doc.objects.find((x) => x.id === r.id)!;
      const opening = doc.room.openings.find((x) => x.objectId === o.id);
      const wallId = opening?.wallId ?? nearestWall(doc.room.walls, [o.pose.center[0], o.pose.center[1]])?.wall.id;
      if (!wallId) throw new Refused({ kind: 'unsupported', phrase: 'the wall', reason: 'the room has no walls', candidates: [] });
      reference = { phrase: `the wall by ${r.phrase}`, id: wallId, category: 'wall', ref: { kind: 'wall', id: wallId } };
    }
    const reference2 = p.reference2 ? resolve(p.reference2) : null;
    if (reference2 && (reference2.id === target.id || reference2.id === reference?.id)) throw new Refused({ kind: 'ambiguous', phrase: p.reference2!.phrase, reason: `"${p.reference2!.phrase}" names an object the instruction already names`, candidates: [] });
    const amount = p.amount ? { metres: p.amount.metres, text: p.amount.text, vague: p.amount.vague } : null;
    const grounding: Grounding = {
      intent: p.intent,
      target: { phrase: target.phrase, id: target.id, category: target.category },
      relation: p.intent === 'place' || (p.intent === 'duplicate' && p.relation) ? p.relation! : p.intent,
      reference: reference ? { phrase: reference.phrase, id: reference.id, category: reference.category } : null,
      reference2,
      amount,
      direction: p.direction ?? null,
      degrees: p.turn?.degrees ?? null,
      frame: p.frame,
    };
    const made = editRequestOf({
      intent: p.intent,
      target: target.id,
      relation: p.relation ?? null,
      frame: p.frame,
      reference: reference?.ref ?? null,
      reference2: reference2?.id ?? null,
      amount: amount?.metres ?? null,
      direction: p.direction ?? null,
      degrees: p.turn?.degrees ?? null,
    });
    if (made.kind === 'refused') throw new Refused({ kind: 'unsupported', phrase: p.normalised, reason: made.reason, candidates: [] });
    const request = made.request;
    if (p.intent === 'swap') {
      grounding.reference = reference2;
      grounding.reference2 = null;
    }
    return { kind: 'grounded', request, grounding };
  } catch (err) {
    if (err instanceof Refused) return err.result;
    throw err;
  }
}

