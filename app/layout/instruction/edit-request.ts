// One understood edit (intent, objects by id, relation, amount) as the solver's request: the one switch
// both readers use, the grammar parser's grounding (ground.ts) and the language model's (model/decode.ts).
import type { EditRequest, Frame, LayoutRelation, MoveDirection, Reference } from '../request';
import type { Intent } from './types';

export interface EditParts {
  intent: Intent;
  target: number;
  relation: LayoutRelation | null;
  frame: Frame;
  reference: Reference | null;
  /** The second object: swap's other, between's second reference. */
  reference2: number | null;
  /** Metres, when the text gives a distance. */
  amount: number | null;
  direction: MoveDirection | null;
  /** Rotate: the signed angle (counter-clockwise positive); null when it could not be read. */
  degrees: number | null;
}

/** Relations that need no reference object. */
export const REFERENCE_OPTIONAL: ReadonlySet<LayoutRelation> = new Set<LayoutRelation>(['against_wall', 'in_corner']);

export type EditRequestResult = { kind: 'request'; request: EditRequest } | { kind: 'refused'; reason: string };

export function editRequestOf(p: EditParts): EditRequestResult {
  const ok = (request: EditRequest): EditRequestResult => ({ kind: 'request', request });
  const amount = p.amount !== null ? { amount: p.amount } : {};
  switch (p.intent) {
    case 'remove':
      return ok({ op: 'remove', target: p.target });
    case 'swap':
      if (p.reference2 === null) return { kind: 'refused', reason: 'swap it with what?' };
      return ok({ op: 'swap', target: p.target, other: p.reference2 });
    case 'rotate':
      if (p.degrees === null) return { kind: 'refused', reason: 'cannot read the angle' };
      return ok({ op: 'rotate', target: p.target, degrees: p.degrees });
    case 'move':
      if (p.direction === null) return { kind: 'refused', reason: 'which way should it move?' };
      return ok({ op: 'move', target: p.target, direction: p.direction, frame: p.frame, ...amount });
    case 'place':
    case 'duplicate': {
      const rel = p.relation;
      const place = rel ? { relation: rel, frame: p.frame, ...(p.reference ? { reference: p.reference } : {}), ...(p.reference2 !== null ? { reference2: p.reference2 } : {}), ...amount } : undefined;
      if (p.intent === 'duplicate') return ok({ op: 'duplicate', target: p.target, ...(place ? { place } : {}) });
      if (!place) return { kind: 'refused', reason: 'where should it go?' };
      if (!REFERENCE_OPTIONAL.has(place.relation) && !place.reference) return { kind: 'refused', reason: `"${place.relation}" needs an object to place it by` };
      return ok({ op: 'place', target: p.target, ...place });
    }
  }
}
