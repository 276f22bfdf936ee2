// `npm run eval -- layout [--json] [--file paraphrases.jsonl]`: the layout editor on two hand-written
// paraphrase sets over real rooms (ScanNet++ rooms from the VSI-Bench meta file and ScanNet
// scene0000_00), reported separately: `dev` (native-models/layout/paraphrases-dev.jsonl), the set the
// parser was fixed against, so its numbers are optimistic; and `test` (paraphrases-test.jsonl), written
// afterwards without reading the parser and not tuned on: the held-out figure. `--file` scores one file.
// Reports target / reference / relation / amount accuracy of the grounding; the chosen instance where a
// row names one (target_id / reference_id, for attribute and clause references); of the applied edits,
// the share that satisfy their own relation (the one the edit was applied with, re-measured on the
// edited document by app/layout/relation-check.ts within 5 cm / 5°: a wrong reference is a grounding
// miss, counted in the accuracy columns, not here), collide with nothing (overlap volume under
// 1% of the smaller box, measured on a sample grid, not by the solver's SAT) and stay in the room;
// refusals an exhaustive search shows were avoidable; and, for rows flagged `refuse` (impossible in that
// room), how many were refused, against refusals of rows not so flagged.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { containedShare } from '../../../app/geometry/relations';
import { exhaustiveSolve } from '../../../app/layout/exhaustive';
import { editByInstruction, type InstructionEdit } from '../../../app/layout/instruction/edit';
import { boxOf, footprint } from '../../../app/layout/pose';
import { footprintMargin } from '../../../app/layout/room-geometry';
import { planFor } from '../../../app/layout/solve';
import type { LayoutDocument } from '../../../app/layout/types';
import { canonicalCategory } from '../../../app/qa/ask/lexicon';
import { installRoot } from '../../launch/paths';
import { haveMeta, haveScanNet, metaLayouts, scannetLayout, SCANNET_ID } from '../../layout/real-rooms';
import { result, type BenchResult } from '../../bench/result';
import { carriedBy } from '../../../app/layout/edits';
import { measureApplied, type AppliedRelation } from '../../../app/layout/relation-check';
import { modelConfidence, readersFor, readerEdit, READER_LABEL, type LayoutReader } from './layout-readers';

const Row = z.object({
  scene: z.string(),
  instruction: z.string(),
  selection: z.array(z.number().int()).optional(),
  expect: z.object({
    target: z.string(),
    relation: z.string(),
    reference: z.string().nullable(),
    amount_m: z.number().nullable(),
    intent: z.string().optional(),
    direction: z.string().optional(),
    degrees: z.number().optional(),
    /** The object id the phrase should pick, where an attribute or clause singles one out. */
    target_id: z.number().int().optional(),
    reference_id: z.number().int().optional(),
    /** The edit is impossible in that room (no pose satisfies it): the right answer is a refusal. */
    refuse: z.boolean().optional(),
  }),
});
type Row = z.infer<typeof Row>;

export function readParaphrases(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, i]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (err) {
        throw new Error(`${path}: line ${i + 1}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const r = Row.safeParse(json);
      if (!r.success) throw new Error(`${path}: line ${i + 1}: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
      return r.data;
    });
}

/** Overlap volume over the smaller box's volume, from a 12³ sample grid of each box in the other. */
function overlapShare(doc: LayoutDocument, a: number, b: number): number {
  const A = doc.objects.find((o) => o.id === a)!;
  const B = doc.objects.find((o) => o.id === b)!;
  const va = A.size[0] * A.size[1] * A.size[2];
  const vb = B.size[0] * B.size[1] * B.size[2];
  const shared = Math.max(containedShare(boxOf(A), boxOf(B)) * va, containedShare(boxOf(B), boxOf(A)) * vb);
  return shared / Math.max(1e-12, Math.min(va, vb));
}

export interface RowScore {
  row: Row;
  edit: InstructionEdit;
  target: boolean;
  reference: boolean;
  relation: boolean;
  amount: boolean;
  /** Both named ids picked; null when the row names none. */
  instance: boolean | null;
  applied: boolean;
  satisfied: boolean | null;
  /** Each moved object's relation measured on the edited document. */
  measured: AppliedRelation[];
  collisions: string[];
  inRoom: boolean | null;
  avoidable: boolean | null;
}

export function scoreRow(row: Row, doc: LayoutDocument, edit: InstructionEdit = editByInstruction(doc, row.instruction, { selection: row.selection ?? [] })): RowScore {
  const e = row.expect;
  const score: RowScore = { row, edit, target: false, reference: false, relation: false, amount: false, instance: e.target_id === undefined && e.reference_id === undefined ? null : false, applied: false, satisfied: null, measured: [], collisions: [], inRoom: null, avoidable: null };
  if (!('grounding' in edit)) return score;
  const g = edit.grounding;
  score.target = canonicalCategory(g.target.category) === canonicalCategory(e.target);
  const ref = g.reference;
  score.reference = e.reference === null ? ref === null : e.reference === 'wall' ? ref === null || ref.category === 'wall' : e.reference === 'room' ? ref?.id === 'room' : ref !== null && canonicalCategory(ref.category) === canonicalCategory(e.reference);
  score.relation = g.relation === e.relation && (e.intent === undefined || g.intent === e.intent) && (e.direction === undefined || g.direction === e.direction) && (e.degrees === undefined || g.degrees === e.degrees);
  score.amount = e.amount_m === null ? g.amount === null : g.amount !== null && Math.abs(g.amount.metres - e.amount_m) < 1e-6;
  if (score.instance !== null) score.instance = (e.target_id === undefined || g.target.id === e.target_id) && (e.reference_id === undefined || ref?.id === e.reference_id);
  const r = edit.result;
  if (r.ok) {
    score.applied = true;
    const after = r.outcome.document;
    // The relation the edit was applied with, re-measured on the new document (relation-check.ts).
    score.measured = measureApplied(doc, edit.request, r);
    score.satisfied = score.measured.every((m) => m.measure.holds);
    let inRoom = true;
    for (const m of r.moves) {
      const o = after.objects.find((x) => x.id === m.id)!;
      if (footprintMargin(footprint(o.size, o.pose), after.room.polygon) < -0.011) inRoom = false;
      const exempt = new Set<number>([o.id]);
      if (o.support.kind === 'object') exempt.add(o.support.id);
      // Everything stacked on it moves rigidly with it, so their overlaps are the scan's, not the edit's.
      for (const id of carriedBy(after, o.id)) exempt.add(id);
      if (g.relation === 'under' && typeof g.reference?.id === 'number') exempt.add(g.reference.id);
      for (const x of after.objects) {
        if (exempt.has(x.id) || x.kind === 'opening') continue;
        if (overlapShare(after, o.id, x.id) >= 0.01) score.collisions.push(`${o.category}×${x.category}`);
      }
    }
    score.inRoom = r.moves.length === 0 ? true : inRoom;
  } else {
    const p = planFor(doc, edit.request);
    score.avoidable = p ? exhaustiveSolve(doc, p.target, p.plan) !== null : false;
  }
  return score;
}

interface PhraseSet {
  /** `dev` (tuned on), `test` (held out) or the --file name. */
  label: string;
  file: string;
}

const isRefused = (s: RowScore) => 'grounding' in s.edit && s.edit.status === 'refused';

async function scoreSet(set: PhraseSet, docs: Map<string, LayoutDocument>, reader: LayoutReader = 'grammar') {
  const rows = readParaphrases(set.file);
  const scores: RowScore[] = [];
  for (const row of rows) {
    const doc = docs.get(row.scene);
    if (!doc) throw new Error(`${set.file}: unknown scene ${row.scene}`);
    scores.push(scoreRow(row, doc, await readerEdit(reader, doc, row.instruction, row.selection ?? [])));
  }
  const n = scores.length;
  const share = (k: (s: RowScore) => boolean, of: RowScore[] = scores) => (of.length ? of.filter(k).length / of.length : 0);
  const applied = scores.filter((s) => s.applied);
  const refused = scores.filter(isRefused);
  const named = scores.filter((s) => s.instance !== null);
  const flagged = scores.filter((s) => s.row.expect.refuse === true);
  const summary = {
    set: set.label,
    file: set.file,
    rows: n,
    parser: reader,
    model_answered: scores.filter((s) => s.edit.parser === 'model').length,
    target_accuracy: share((s) => s.target),
    reference_accuracy: share((s) => s.reference),
    relation_accuracy: share((s) => s.relation),
    amount_accuracy: share((s) => s.amount),
    all_four: share((s) => s.target && s.reference && s.relation && s.amount),
    instance_rows: named.length,
    instance_accuracy: share((s) => s.instance === true, named),
    applied: applied.length,
    satisfied_share: share((s) => s.satisfied === true, applied),
    satisfied_definition: 'the relation each applied edit was grounded and solved with, re-measured on the edited layout (app/layout/relation-check.ts), 5 cm / 5°; grounding errors count in the accuracy columns',
    collision_free_share: share((s) => s.collisions.length === 0, applied),
    in_room_share: share((s) => s.inRoom === true, applied),
    refused: refused.length,
    avoidable_refusals: refused.filter((s) => s.avoidable).length,
    flagged_impossible: flagged.length,
    flagged_refused: flagged.filter(isRefused).length,
    flagged_applied: flagged.filter((s) => s.applied).length,
    unflagged_refusals: refused.filter((s) => s.row.expect.refuse !== true).length,
    not_grounded: scores.filter((s) => !('grounding' in s.edit)).length,
  };
  return { summary, scores, applied, refused };
}

export default async function layoutEval(args: string[]): Promise<BenchResult[]> {
  const json = args.includes('--json');
  const fileArg = args.indexOf('--file');
  const dir = join(installRoot(), 'native-models', 'layout');
  const sets: PhraseSet[] =
    fileArg >= 0
      ? [{ label: basename(args[fileArg + 1]!), file: args[fileArg + 1]! }]
      : [
          { label: 'dev', file: join(dir, 'paraphrases-dev.jsonl') },
          { label: 'test', file: join(dir, 'paraphrases-test.jsonl') },
        ];
  if (!haveMeta()) throw new Error('layout eval: the VSI-Bench meta file is missing under ../shared/data/vsibench');
  const docs = metaLayouts();
  if (sets.some((set) => readParaphrases(set.file).some((r) => r.scene === SCANNET_ID))) {
    if (!haveScanNet()) throw new Error(`layout eval: ${SCANNET_ID} is missing under ../shared/data/scannet`);
    docs.set(SCANNET_ID, scannetLayout().doc);
  }
  const readers = readersFor(args);
  const scored: Array<Awaited<ReturnType<typeof scoreSet>>> = [];
  for (const set of sets) for (const reader of readers) scored.push(await scoreSet(set, docs, reader));
  if (json) {
    const detail = ({ summary, scores, applied, refused }: Awaited<ReturnType<typeof scoreSet>>) => ({
      ...summary,
      rows: scores.map((s) => ({ instruction: s.row.instruction, parser: s.edit.parser, right: s.target && s.reference && s.relation && s.amount, confidence: modelConfidence.get(s.edit) ?? null })),
      misses: scores.filter((s) => !(s.target && s.reference && s.relation && s.amount) || s.instance === false).map((s) => ({ scene: s.row.scene, instruction: s.row.instruction, status: s.edit.status, got: 'grounding' in s.edit ? s.edit.grounding : null, reason: 'reason' in s.edit ? s.edit.reason : null })),
      unsatisfied: applied.filter((s) => s.satisfied === false).map((s) => ({ scene: s.row.scene, instruction: s.row.instruction, got: 'grounding' in s.edit ? s.edit.grounding : null, measured: s.measured })),
      collisions: applied.filter((s) => s.collisions.length > 0).map((s) => ({ scene: s.row.scene, instruction: s.row.instruction, collisions: s.collisions })),
      refusals: refused.map((s) => ({ instruction: s.row.instruction, flagged: s.row.expect.refuse === true, reason: s.edit.status === 'refused' && 'result' in s.edit && !s.edit.result.ok ? s.edit.result.reason : '', avoidable: s.avoidable })),
    });
    const out = scored.length === 1 ? detail(scored[0]!) : Object.fromEntries(scored.map((x) => [readers.length === 1 ? x.summary.set : `${x.summary.set}/${x.summary.parser}`, detail(x)]));
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return [];
  }
  const results: BenchResult[] = [];
  for (const { summary, scores, applied, refused } of scored) {
    const tag = `[${summary.set}/${summary.parser}] `;
    for (const s of scores) if (!(s.target && s.reference && s.relation && s.amount) || s.instance === false) process.stderr.write(`${tag}miss: [${s.row.scene}] ${s.row.instruction} → ${s.edit.status}${'grounding' in s.edit ? ` ${s.edit.grounding.relation} ${s.edit.grounding.target.category}#${s.edit.grounding.target.id} / ${s.edit.grounding.reference?.category ?? '-'} / ${s.edit.grounding.amount?.metres ?? '-'}` : `: ${'reason' in s.edit ? s.edit.reason : ''}`}\n`);
    for (const s of applied) if (s.satisfied === false) process.stderr.write(`${tag}relation missed: [${s.row.scene}] ${s.row.instruction} → ${s.measured.filter((m) => !m.measure.holds).map((m) => `#${m.id} ${m.measure.relation}: ${m.measure.measured}`).join(', ')}\n`);
    for (const s of applied) if (s.collisions.length > 0) process.stderr.write(`${tag}collision: [${s.row.scene}] ${s.row.instruction} → ${s.collisions.join(', ')}\n`);
    for (const s of refused) process.stderr.write(`${tag}refused${s.row.expect.refuse ? ' (flagged impossible)' : ''}${s.avoidable ? ' (AVOIDABLE)' : ''}: [${s.row.scene}] ${s.row.instruction} → ${'result' in s.edit && !s.edit.result.ok ? s.edit.result.reason : ''}\n`);
    for (const s of scores) if (s.row.expect.refuse && s.applied) process.stderr.write(`${tag}applied though flagged impossible: [${s.row.scene}] ${s.row.instruction}\n`);
    const setName = summary.set === 'dev' ? 'dev (tuned on)' : summary.set === 'test' ? 'test (held out)' : summary.set;
    const name = readers.length === 1 && summary.parser === 'grammar' ? setName : `${setName}, ${READER_LABEL[summary.parser]}`;
    const c = `${name}: ${summary.rows} paraphrases`;
    const a = `${name}: ${summary.applied} applied edits`;
    results.push(
      result('layout', c, 'target accuracy', 'share', summary.target_accuracy, null),
      result('layout', c, 'reference accuracy', 'share', summary.reference_accuracy, null),
      result('layout', c, 'relation accuracy', 'share', summary.relation_accuracy, null),
      result('layout', c, 'amount accuracy', 'share', summary.amount_accuracy, null),
      result('layout', c, 'all four right', 'share', summary.all_four, null),
    );
    if (summary.instance_rows > 0) results.push(result('layout', `${name}: ${summary.instance_rows} rows naming an instance`, 'named instance picked', 'share', summary.instance_accuracy, null));
    results.push(
      result('layout', a, 'own relation satisfied, re-measured on the result (5 cm / 5°)', 'share', summary.satisfied_share, null),
      result('layout', a, 'collision-free (overlap < 1% of smaller box)', 'share', summary.collision_free_share, null),
      result('layout', a, 'inside the room', 'share', summary.in_room_share, null),
      result('layout', `${name}: ${summary.refused} refusals`, 'avoidable (exhaustive search finds a pose)', 'count', summary.avoidable_refusals, null),
    );
    if (summary.flagged_impossible > 0) {
      results.push(
        result('layout', `${name}: ${summary.flagged_impossible} rows flagged impossible`, 'refused', 'share', summary.flagged_refused / summary.flagged_impossible, null),
        result('layout', `${name}: ${summary.flagged_impossible} rows flagged impossible`, 'applied anyway', 'count', summary.flagged_applied, null),
      );
    }
    if (summary.parser === 'combined') results.push(result('layout', c, 'answered by the language model', 'share', summary.model_answered / Math.max(1, summary.rows), null));
    results.push(
      result('layout', `${name}: ${summary.rows - summary.flagged_impossible} rows not flagged impossible`, 'refused', 'count', summary.unflagged_refusals, null),
      result('layout', c, 'not grounded (ambiguous / not found / not understood)', 'count', summary.not_grounded, null),
    );
  }
  return results;
}
