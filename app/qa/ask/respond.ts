// askQuestion's engine: a typed question (or a question type plus the selection) → parse → apply the
// user's clarifying clicks → ground → answer with the workbench question engine → the contract's
// answer with drawable evidence. Ambiguity becomes `clarify` (a role, its phrase and the candidates),
// never a guess.
import type { AskEvidence, AskInput, AskQuery, AskResult, AskRole, AskType, EvidenceBox, EvidenceFan, AskViewpoint } from '../../contract/ask-schemas';
import type { SpatialRelation } from '../../geometry/relations';
import { VIEW_SIDE_BINS, type ViewSide } from '../../geometry/view-angle';
import type { Vec3 } from '../../scene/types';
import type { SizeDimension } from '../workbench/object-size';
import type { QaObject, QaScene } from '../workbench/objects';
import { DIRECTION4_BINS, directionQuestion, type Margin, type RelationQuestion } from '../workbench/questions';
import { answerQuery } from './answer';
import { groundQuery, type AskContext } from './ground';
import { canonicalCategory } from './lexicon';
import { parseQuestion } from './parse';
import { parseObjectPhrase, SelectionSlots } from './phrase';
import { applyClarifications, roleSlots } from './roles';
import type { GroundedQuery, ObjectRef, ParsedQuery } from './types';

/** What the question asks beyond a ParsedQuery: centre-to-centre distance, the four-way direction, a count of the selected object's kind. */
type Extra = 'centre' | 'direction' | 'count_selected' | null;

export interface Prepared {
  query: ParsedQuery;
  extra: Extra;
}

const SIDES: readonly string[] = ['left', 'right', 'front', 'behind'];
const RELATIONS: readonly string[] = ['above', 'below', 'on', 'under', 'next_to', 'near', 'far', 'inside', 'between'];

const selectionRef = (index: number): ObjectRef => ({ kind: 'selection', phrase: `object ${'ABCDEFGH'[index]}`, index });

/** The question a click-based type asks of the selection ("this" = first selected, "that" = second). */
export function clickQuery(type: AskType, selectionCount: number): Prepared | { unsupported: string } {
  const [A, B, C] = [selectionRef(0), selectionRef(1), selectionRef(2)];
  if (type === 'distance' || type === 'centre_distance') return { query: { kind: 'distance', a: A, b: B }, extra: type === 'centre_distance' ? 'centre' : null };
  if (SIDES.includes(type)) {
    // One object: is it to my left (of the view direction)? Two: is A left of B, seen from here?
    const side = type as ViewSide;
    return { query: selectionCount >= 2 ? { kind: 'side', side, target: A, reference: B, view: { kind: 'camera' } } : { kind: 'side', side, target: A, view: { kind: 'camera' } }, extra: null };
  }
  if (type === 'between') return { query: { kind: 'relation', relation: 'between', a: A, b: B, c: C }, extra: null };
  if (RELATIONS.includes(type)) return { query: { kind: 'relation', relation: type as SpatialRelation, a: A, b: B }, extra: null };
  if (type === 'size') return { query: { kind: 'size', target: A, dimension: 'all' }, extra: null };
  if (type === 'count') return { query: { kind: 'size', target: A, dimension: 'all' }, extra: 'count_selected' };
  if (type === 'direction') return { query: { kind: 'size', target: A, dimension: 'all' }, extra: 'direction' };
  return { unsupported: `"${type}" is asked by typing ("what is left of the bed?"), not by clicking` };
}

const CENTRE_WORDS = /\b(?:centre|center)[- ]to[- ](?:centre|center)\b\s*|\b(?:the )?(?:centres|centers|centroids) of\s+|\s+(?:from|between) (?:the |their )?(?:centres|centers|centroids)\b|\s+measured (?:from|between) (?:the |their )?(?:centres|centers|centroids)\b/gi;
const DIRECTION_FORM = /^\s*(?:where|in which direction|in what direction|which direction|what direction) is (.+?)(?:,?\s+(?:from here|from me|relative to me|from my (?:view|viewpoint)|seen from here))?\s*[?.!]*\s*$/i;

/** A typed question: the parser's query, plus the two forms it does not know (centres, "where is X"). */
export function typedQuery(text: string): Prepared | { unsupported: string } {
  const direction = DIRECTION_FORM.exec(text);
  if (direction) {
    const target = parseObjectPhrase(direction[1]!.toLowerCase(), new SelectionSlots());
    if (target) return { query: { kind: 'size', target, dimension: 'all' }, extra: 'direction' };
  }
  const stripped = text.replace(CENTRE_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const centre = stripped !== text.replace(/\s+/g, ' ').trim();
  const parsed = parseQuestion(centre ? stripped : text);
  if (parsed.kind === 'unsupported') return { unsupported: parsed.reason };
  if (centre && parsed.query.kind !== 'distance') return { unsupported: 'centres are measured only for distances' };
  return { query: parsed.query, extra: centre ? 'centre' : null };
}

/** The camera of a viewpoint: seen from straight above (top view), the screen's up is the facing direction. */
export function cameraOf(v: AskViewpoint): NonNullable<AskContext['camera']> {
  const f: Vec3 = [v.target[0] - v.position[0], v.target[1] - v.position[1], v.target[2] - v.position[2]];
  const flat = Math.hypot(f[0], f[1]);
  const forward: Vec3 = flat > 1e-6 * Math.hypot(...f) ? f : [v.up[0], v.up[1], 0];
  return { position: v.position, forward };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function box(o: QaObject, role: string): EvidenceBox {
  return { instanceId: o.id, role, center: o.box.center, axes: o.box.axes, size: o.box.size };
}

const emptyEvidence = (): AskEvidence => ({ segments: [], boxes: [], criteria: [] });
const marginOut = (m: Margin | { value: number; unit: string; boundary: string }) => ({ value: m.value, unit: m.unit, boundary: m.boundary });

function fanOf(e: RelationQuestion['evidence'] | { theta: number; observer: Vec3; reference: Vec3; target: Vec3 }, bin: readonly [number, number], holds: boolean, margin: number): EvidenceFan | undefined {
  if (!('theta' in e)) return undefined;
  return { observer: e.observer, reference: e.reference, target: e.target, theta: e.theta, bin: [bin[0], bin[1]], holds, margin };
}

function criteriaOf(e: RelationQuestion['evidence']): AskEvidence['criteria'] {
  if (!('criteria' in e)) return [];
  return e.criteria.map((c) => ({ name: c.name, value: c.value, op: c.op, threshold: c.threshold, unit: c.unit, pass: c.pass }));
}

/** Grounded roles as ids, for the structured query. */
function rolesOf(q: GroundedQuery): Record<string, number> {
  const r: Record<string, number> = {};
  const put = (k: string, v: number | undefined) => v !== undefined && (r[k] = v);
  switch (q.kind) {
    case 'count':
      break;
    case 'size':
      put('target', q.target);
      break;
    case 'distance':
      put('a', q.a);
      put('b', q.b);
      break;
    case 'relation':
      put('a', q.a);
      put('b', q.b);
      put('c', q.c);
      break;
    case 'side':
    case 'find':
      if (q.kind === 'side') {
        put('target', q.target);
        put('reference', q.reference);
      } else put('reference', q.reference);
      if (q.view?.kind === 'objects') {
        put('standBy', q.view.standBy);
        put('facing', q.view.facing);
      }
      break;
  }
  return r;
}

const unsupported = (reason: string): AskResult => ({ kind: 'unsupported', reason });

/**
 * The role whose reference grounding could not settle, found by its phrase: the first that is
 * ambiguous on its own (a clicked object of the wrong kind is too), else — two roles resolved to one
 * object — the later one not yet clicked.
 */
function ambiguousRole(query: ParsedQuery, phrase: string, ctx: AskContext, clarified: ReadonlySet<string>): AskRole | null {
  const slots = roleSlots(query).filter((s) => s.ref.phrase === phrase);
  if (slots.length === 0) return null;
  const alone = slots.find((s) => groundQuery({ kind: 'size', target: s.ref, dimension: 'all' }, ctx).kind !== 'query');
  const open = slots.filter((s) => !clarified.has(s.role));
  return (alone ?? open[open.length - 1] ?? slots[slots.length - 1]!).role;
}

export interface AskSceneInfo {
  scene: QaScene;
  /** Label of every instance of the scan (also those not asked about, such as walls), for messages. */
  labelOf(id: number): string | undefined;
}

/** Answers one askQuestion input against a scene's objects. */
export function respond(input: AskInput, info: AskSceneInfo): AskResult {
  const prepared = input.text !== undefined ? typedQuery(input.text) : clickQuery(input.type!, input.selection.length);
  if ('unsupported' in prepared) return unsupported(prepared.unsupported);
  return respondPrepared(prepared, input, info);
}

/** Grounds and answers a query read by any reader (the parser, clicks, the layout model's reading). */
export function respondPrepared(prepared: Prepared, input: Pick<AskInput, 'selection' | 'viewpoint' | 'clarify'>, info: AskSceneInfo): AskResult {
  const { scene } = info;
  const camera = input.viewpoint ? cameraOf(input.viewpoint) : undefined;
  const clarify = input.clarify ?? {};
  const applied = applyClarifications(prepared.query, input.selection, clarify);
  if (applied.unknownRoles.length > 0) return unsupported(`the question has no ${applied.unknownRoles.map((r) => `"${r}"`).join(', ')} to clarify`);
  const ctx: AskContext = { objects: scene.objects, selection: applied.selection, ...(camera ? { camera } : {}) };
  const grounded = groundQuery(applied.query, ctx);
  if (grounded.kind === 'ambiguous') {
    const role = ambiguousRole(applied.query, grounded.phrase, ctx, new Set(Object.keys(clarify)));
    if (!role) return unsupported(grounded.reason);
    // Objects already clicked for other roles are not offered again (unless nothing else is left).
    const taken = new Set(Object.entries(clarify).filter(([r]) => r !== role).map(([, id]) => id));
    const open = grounded.candidates.filter((id) => !taken.has(id));
    return { kind: 'clarify', role, phrase: grounded.phrase, candidates: open.length > 0 ? open : grounded.candidates, reason: grounded.reason };
  }
  if (grounded.kind === 'not_found') {
    const m = /selected instance (-?\d+) is not in the scene/.exec(grounded.reason);
    const label = m ? info.labelOf(Number(m[1])) : undefined;
    return unsupported(m && label ? `the ${label} #${m[1]} is part of the room, not an object questions are asked about` : grounded.reason);
  }
  if (grounded.kind === 'unsupported') return unsupported(grounded.reason);
  return answer(grounded.query, prepared.extra, scene, camera);
}

function answer(q: GroundedQuery, extra: Extra, scene: QaScene, camera: AskContext['camera']): AskResult {
  const by = (id: number) => scene.objects.find((o) => o.id === id)!;
  const roles = rolesOf(q);
  const view = (q.kind === 'side' || q.kind === 'find') && q.view ? { view: q.view.kind } : {};
  const query = (type: AskType, more: Partial<AskQuery> = {}): AskQuery => ({ type, roles, ...view, ...more });
  const evidence = emptyEvidence();

  if (extra === 'count_selected' && q.kind === 'size') {
    const category = canonicalCategory(by(q.target).category);
    return answer({ kind: 'count', category, phrase: category }, null, scene, camera);
  }
  if (extra === 'direction' && q.kind === 'size') {
    if (!camera) return unsupported('"where is" is answered from the current view, but no viewpoint was sent');
    const target = by(q.target);
    const d = directionQuestion(target, { kind: 'camera', position: camera.position, forward: camera.forward });
    if (!d) return unsupported(`the ${target.category} is straight below or above the camera`);
    evidence.boxes.push(box(target, 'target'));
    evidence.fan = fanOf(d.evidence, DIRECTION4_BINS[d.answer], true, d.margin.value);
    evidence.margin = marginOut(d.margin);
    const text = d.answer === 'front' ? 'in front of you' : d.answer === 'behind' ? 'behind you' : `to your ${d.answer}`;
    return { kind: 'answer', question: d.question, query: query('direction', { view: 'camera' }), text, value: d.answer, unit: '', evidence, instanceIds: [target.id] };
  }

  const a = answerQuery(q, scene, camera);
  switch (a.kind) {
    case 'no_direction':
      return unsupported(a.reason);
    case 'count': {
      for (const id of a.objects) evidence.boxes.push(box(by(id), 'match'));
      evidence.boxes.splice(64);
      return {
        kind: 'answer',
        question: `How many ${a.category}(s) are in this room?`,
        query: query('count', { category: a.category }),
        text: String(a.count),
        value: a.count,
        unit: '',
        evidence,
        instanceIds: a.objects.slice(0, 64),
      };
    }
    case 'distance': {
      const [ia, ib] = a.objects;
      const oa = by(ia);
      const ob = by(ib);
      evidence.boxes.push(box(oa, 'a'), box(ob, 'b'));
      if (extra === 'centre') {
        const d = a.evidence.centreDistance;
        const value = round(d, 2);
        evidence.segments.push({ kind: 'centre', from: oa.centroid, to: ob.centroid, length: d });
        evidence.margin = { value: 0.005 - Math.abs(d - value), unit: 'm', boundary: 'rounding to 0.01 m' };
        return { kind: 'answer', question: `What is the centre-to-centre distance between the ${oa.category} and the ${ob.category}?`, query: query('centre_distance'), text: `${value.toFixed(2)} m`, value, unit: 'm', evidence, instanceIds: [ia, ib] };
      }
      evidence.segments.push({ kind: 'closest', from: a.evidence.pointA, to: a.evidence.pointB, length: a.evidence.distance });
      evidence.margin = marginOut(a.margin);
      return { kind: 'answer', question: a.question, query: query('distance'), text: `${a.answer.toFixed(2)} m`, value: a.answer, unit: 'm', evidence, instanceIds: [ia, ib] };
    }
    case 'size': {
      const target = by(a.answers[0]!.objects[0]);
      evidence.boxes.push(box(target, 'target'));
      const m = a.answers.reduce((best, s) => (s.margin.value < best.value ? s.margin : best), a.answers[0]!.margin);
      evidence.margin = marginOut(m);
      const dimension: SizeDimension | 'all' = a.answers.length === 1 ? a.answers[0]!.dimension : 'all';
      const text = a.answers.map((s) => `${s.dimension} ${s.answer} mm`).join(', ');
      const value = a.answers.length === 1 ? a.answers[0]!.answer : a.answers.map((s) => s.answer).join(' × ');
      const question = a.answers.length === 1 ? a.answers[0]!.question : `What are the height, length and width (in millimeters) of the ${target.category}?`;
      return { kind: 'answer', question, query: query('size', { dimension }), text, value, unit: 'mm', evidence, instanceIds: [target.id] };
    }
    case 'relation': {
      const names = ['a', 'b', 'c'];
      if (SIDES.includes(a.relation)) {
        const [t, r] = [a.objects[0]!, q.kind === 'side' && q.reference !== undefined ? q.reference : undefined];
        evidence.boxes.push(box(by(t), 'target'));
        if (r !== undefined) evidence.boxes.push(box(by(r), 'reference'));
        if (q.kind === 'side' && q.view?.kind === 'objects') evidence.boxes.push(box(by(q.view.standBy), 'standBy'), box(by(q.view.facing), 'facing'));
        if ('theta' in a.evidence) evidence.fan = fanOf(a.evidence, a.evidence.bin, a.answer === 'yes', a.margin.value);
      } else {
        a.objects.forEach((id, i) => evidence.boxes.push(box(by(id), names[i] ?? 'other')));
        evidence.criteria = criteriaOf(a.evidence);
        if (a.relation === 'next_to' || a.relation === 'near' || a.relation === 'far') {
          const c = scene.closest(by(a.objects[0]!), by(a.objects[1]!));
          evidence.segments.push({ kind: 'closest', from: c.pointA, to: c.pointB, length: c.distance });
        }
        if (a.relation === 'between') evidence.segments.push({ kind: 'centre', from: by(a.objects[1]!).centroid, to: by(a.objects[2]!).centroid, length: dist(by(a.objects[1]!).centroid, by(a.objects[2]!).centroid) });
      }
      evidence.margin = marginOut(a.margin);
      return { kind: 'answer', question: a.question, query: query(a.relation as AskType, { relation: a.relation }), text: a.answer, value: a.answer, unit: '', evidence, instanceIds: [...new Set(a.objects)] };
    }
    case 'find': {
      if (q.kind !== 'find') return unsupported('internal: find answer for another query');
      const reference = by(q.reference);
      evidence.boxes.push(box(reference, 'reference'));
      for (const m of a.matches.slice(0, 63)) evidence.boxes.push(box(by(m.objects[0]!), 'match'));
      const first = a.matches[0];
      if (SIDES.includes(q.relation) && first && 'theta' in first.evidence) evidence.fan = fanOf(first.evidence, VIEW_SIDE_BINS[q.relation as ViewSide], true, first.margin.value);
      if (first) evidence.margin = marginOut(a.matches.reduce((best, m) => (m.margin.value < best.value ? m.margin : best), first.margin));
      const names = a.matches.map((m) => `${by(m.objects[0]!).category} #${m.objects[0]}`);
      const what = q.relation === 'front' ? 'in front of' : q.relation === 'behind' ? 'behind' : SIDES.includes(q.relation) ? `to the ${q.relation} of` : q.relation.replace('_', ' ');
      const from = q.view?.kind === 'objects' ? ` if I am standing by the ${by(q.view.standBy).category} and facing the ${by(q.view.facing).category}` : q.view?.kind === 'camera' ? ' from the current view' : '';
      return {
        kind: 'answer',
        question: `What is ${what} the ${reference.category}${from}?`,
        query: query('find', { relation: q.relation }),
        text: names.length > 0 ? names.join(', ') : 'nothing',
        value: names.length > 0 ? names.join(', ').slice(0, 500) : 'nothing',
        unit: '',
        evidence,
        instanceIds: [reference.id, ...a.matches.slice(0, 63).map((m) => m.objects[0]!)],
      };
    }
  }
}

const dist = (p: Vec3, q: Vec3) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
