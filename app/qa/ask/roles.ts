// The object references of a parsed question by role ("a", "b", "target", "a.near" for the anchor
// of "the chair by the window"), so that a clarification — the object the user clicked for one
// role — can replace that reference before grounding, and an ambiguity can be named by its role.
import type { AskRole } from '../../contract/ask-schemas';
import type { ObjectRef, ParsedQuery } from './types';

export interface RoleSlot {
  role: AskRole;
  ref: ObjectRef;
  /** Replaces the reference in the query this slot was read from. */
  set(ref: ObjectRef): void;
}

/** Slots of one reference and of its nested anchors ("by the …"), outermost first. */
function withAnchors(role: string, ref: ObjectRef, set: (r: ObjectRef) => void, out: RoleSlot[]): void {
  out.push({ role, ref, set });
  if (ref.kind !== 'category') return;
  ref.attributes.forEach((attr, i) => {
    if (attr.kind !== 'near') return;
    withAnchors(`${role}.near`, attr.anchor, (r) => (ref.attributes[i] = { kind: 'near', anchor: r }), out);
  });
}

/**
 * Every reference of `query` in the order grounding resolves them (ground.ts), each with a setter
 * that edits `query` in place (callers pass a copy).
 */
export function roleSlots(query: ParsedQuery): RoleSlot[] {
  const out: RoleSlot[] = [];
  const q = query as unknown as Record<string, ObjectRef | undefined>;
  const add = (role: string) => {
    const ref = q[role];
    if (ref) withAnchors(role, ref, (r) => (q[role] = r), out);
  };
  switch (query.kind) {
    case 'count':
      break;
    case 'size':
      add('target');
      break;
    case 'distance':
      add('a');
      add('b');
      break;
    case 'relation':
      add('a');
      add('b');
      add('c');
      break;
    case 'side':
    case 'find':
      add(query.kind === 'side' ? 'target' : 'reference');
      if (query.kind === 'side') add('reference');
      if (query.view?.kind === 'objects') {
        const view = query.view;
        withAnchors('standBy', view.standBy, (r) => (view.standBy = r), out);
        withAnchors('facing', view.facing, (r) => (view.facing = r), out);
      }
      break;
  }
  return out;
}

/** A deep copy (queries are plain JSON). */
export const copyQuery = (q: ParsedQuery): ParsedQuery => JSON.parse(JSON.stringify(q)) as ParsedQuery;

/**
 * Replaces each clarified role by a reference to the clicked object. The clicked ids are appended
 * to the selection and the role becomes a selection reference to that slot, so grounding checks the
 * click like any "this chair": an object of another category is asked back, not accepted.
 */
export function applyClarifications(query: ParsedQuery, selection: readonly number[], clarify: Readonly<Record<string, number>>): { query: ParsedQuery; selection: number[]; unknownRoles: string[] } {
  const q = copyQuery(query);
  const sel = [...selection];
  const known = new Set(roleSlots(q).map((s) => s.role));
  const unknownRoles = Object.keys(clarify).filter((r) => !known.has(r));
  // Deepest first: an anchor's click still applies when its outer role is clicked too (the outer wins).
  const order = Object.keys(clarify).filter((r) => known.has(r)).sort((x, y) => y.split('.').length - x.split('.').length);
  for (const role of order) {
    const slot = roleSlots(q).find((s) => s.role === role)!;
    const category = slot.ref.category;
    sel.push(clarify[role]!);
    slot.set({ kind: 'selection', phrase: slot.ref.phrase, index: sel.length - 1, ...(category ? { category } : {}) });
  }
  return { query: q, selection: sel, unknownRoles };
}
