// `npm run eval -- layout-questions [--json] [--rows] [--file questions.jsonl] [--model layout.onnx]`: typed
// questions grounded by the QA parser, the layout language model alone and the app's rule (model with
// parser fallback, app/layout/model/question-answer.ts), on two hand-written sets over real rooms
// (VSI-Bench ScanNet++ rooms, ScanNet scene0000_00): `dev` (native-models/layout/questions-dev.jsonl,
// the rule was fixed on it) and `test` (questions-test.jsonl, held out: never trained or tuned on).
// Scores the question type, the target (first object; for counts the counted category), the reference
// (second object, or none) and all three, from the answer's grounded query. Distances are scored as an
// unordered pair. A reading that does not reach an answer (a clarify, a refusal) scores 0. --rows
// prints one line per row to stderr (grammar / model / combined right or wrong, who answered, why).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AskInput, AskResult, AskViewpoint } from '../../../app/contract/ask-schemas';
import { layoutOfQaObjects } from '../../../app/layout/model/qa-room';
import { answerQuestion } from '../../../app/layout/model/question-answer';
import { queryOfReading } from '../../../app/layout/model/question-decode';
import type { LayoutDocument } from '../../../app/layout/types';
import { canonicalCategory } from '../../../app/qa/ask/lexicon';
import { respond, respondPrepared, type AskSceneInfo } from '../../../app/qa/ask/respond';
import { qaSceneFromBoxes, qaSceneFromPoints } from '../../../app/qa/workbench/objects';
import { result, type BenchResult } from '../../bench/result';
import { installRoot } from '../../launch/paths';
import { bundledLayoutModelPath } from '../../layout/layout-model-store';
import { haveMeta, haveScanNet, metaScenes, scannetScene, SCANNET_ID } from '../../layout/real-rooms';
import { readQuestionWithModel } from '../../qa/ask-model';

const Ref = z.object({ category: z.string(), id: z.number().int().optional() });
export const QuestionRow = z.object({
  scene: z.string(),
  question: z.string(),
  selection: z.array(z.number().int()).optional(),
  expect: z.object({
    type: z.enum(['count', 'distance', 'centre_distance', 'size', 'height', 'length', 'width', 'relation', 'find', 'direction']),
    relation: z.string().optional(),
    target: Ref,
    reference: Ref.nullable(),
  }),
});
export type QuestionRow = z.infer<typeof QuestionRow>;

export function readQuestionRows(path: string): QuestionRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, i]) => {
      const r = QuestionRow.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(`${path}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return r.data;
    });
}

interface Room {
  info: AskSceneInfo;
  doc: LayoutDocument;
  viewpoint: AskViewpoint;
}

/** The rooms the rows name: meta rooms as boxes, scene0000_00 from its points. */
function loadRooms(ids: ReadonlySet<string>): Map<string, Room> {
  const out = new Map<string, Room>();
  const add = (id: string, qa: ReturnType<typeof qaSceneFromBoxes>) => {
    const doc = layoutOfQaObjects(id, qa.objects);
    const xs = qa.objects.flatMap((o) => [o.min[0], o.max[0]]);
    const ys = qa.objects.flatMap((o) => [o.min[1], o.max[1]]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    // A standing viewer at the room's near (−y) side looking at its centre.
    const viewpoint: AskViewpoint = { position: [cx, Math.min(...ys) + 0.3, 1.6], target: [cx, cy, 1.0], up: [0, 0, 1] };
    out.set(id, { info: { scene: qa, labelOf: (i) => qa.objects.find((o) => o.id === i)?.category }, doc, viewpoint });
  };
  if (haveMeta()) for (const s of metaScenes()) if (ids.has(s.id)) add(s.id, qaSceneFromBoxes(s));
  if (ids.has(SCANNET_ID) && haveScanNet()) add(SCANNET_ID, qaSceneFromPoints(scannetScene()));
  return out;
}

export interface Grounded {
  type: string;
  relation: string | null;
  target: number | string | null;
  reference: number | null;
}

/** The answer's grounded query in the row's terms (question type, first and second object). */
export function groundedOf(r: AskResult): Grounded | null {
  if (r.kind !== 'answer') return null;
  const q = r.query;
  const roles = q.roles;
  const SIDES = ['left', 'right', 'front', 'behind', 'above', 'below', 'on', 'under', 'next_to', 'near', 'far', 'inside', 'between'];
  if (q.type === 'count') return { type: 'count', relation: null, target: q.category ?? null, reference: null };
  if (q.type === 'size') return { type: q.dimension === 'all' || !q.dimension ? 'size' : q.dimension, relation: null, target: roles.target ?? null, reference: null };
  if (q.type === 'direction') return { type: 'direction', relation: null, target: roles.target ?? null, reference: null };
  if (q.type === 'find') return { type: 'find', relation: q.relation ?? null, target: roles.reference ?? null, reference: null };
  if (q.type === 'distance' || q.type === 'centre_distance') return { type: q.type, relation: null, target: roles.a ?? null, reference: roles.b ?? null };
  if (SIDES.includes(q.type)) return { type: 'relation', relation: q.type, target: roles.a ?? roles.target ?? null, reference: roles.b ?? roles.reference ?? null };
  return null;
}

const matches = (room: Room, ref: z.infer<typeof Ref>, id: number | string | null) => {
  if (id === null) return false;
  if (typeof id === 'string') return canonicalCategory(id) === canonicalCategory(ref.category);
  if (ref.id !== undefined) return ref.id === id;
  const o = room.info.scene.objects.find((x) => x.id === id);
  return !!o && canonicalCategory(o.category) === canonicalCategory(ref.category);
};

export interface RowScore {
  type: boolean;
  target: boolean;
  reference: boolean;
  all: boolean;
  answered: boolean;
}

export function scoreRow(room: Room, row: QuestionRow, g: Grounded | null): RowScore {
  if (!g) return { type: false, target: false, reference: false, all: false, answered: false };
  const e = row.expect;
  const type = g.type === e.type && (e.relation === undefined || g.relation === e.relation);
  let target = matches(room, e.target, g.target);
  let reference = e.reference === null ? g.reference === null : matches(room, e.reference, g.reference);
  if (!(target && reference) && (e.type === 'distance' || e.type === 'centre_distance') && e.reference && g.reference !== null) {
    const swapped = matches(room, e.target, g.reference) && matches(room, e.reference, g.target);
    if (swapped) target = reference = true;
  }
  return { type, target, reference, all: type && target && reference, answered: true };
}

type Reader = 'grammar' | 'model' | 'combined';
const READERS: Reader[] = ['grammar', 'model', 'combined'];

export async function scoreSet(rows: readonly QuestionRow[], modelPath: string, verbose = false): Promise<{ scores: Record<Reader, RowScore[]>; modelAnswered: number; skipped: number }> {
  const rooms = loadRooms(new Set(rows.map((r) => r.scene)));
  const scores: Record<Reader, RowScore[]> = { grammar: [], model: [], combined: [] };
  let modelAnswered = 0;
  let skipped = 0;
  for (const row of rows) {
    const room = rooms.get(row.scene);
    if (!room) {
      skipped++;
      continue;
    }
    const input: AskInput = { sceneId: row.scene, text: row.question, selection: row.selection ?? [], viewpoint: room.viewpoint };
    const grammar = respond(input, room.info);
    const m = await readQuestionWithModel(null, room.doc, row.question, input.selection, modelPath);
    let alone: AskResult = { kind: 'unsupported', reason: m.reason };
    if (m.reading) {
      const q = queryOfReading(m.reading, (id) => room.doc.objects.find((o) => o.id === id)!.category);
      alone = respondPrepared({ query: q.query, extra: q.extra }, { selection: q.selection, viewpoint: room.viewpoint }, room.info);
    }
    const combined = answerQuestion(input, room.info, room.doc, m.reading, m.reason);
    if (combined.groundedBy === 'model') modelAnswered++;
    scores.grammar.push(scoreRow(room, row, groundedOf(grammar)));
    scores.model.push(scoreRow(room, row, groundedOf(alone)));
    scores.combined.push(scoreRow(room, row, groundedOf(combined.result)));
    if (verbose) process.stderr.write(`${[scores.grammar, scores.model, scores.combined].map((l) => (l[l.length - 1]!.all ? '+' : '-')).join('')} ${combined.groundedBy.padEnd(7)} ${m.reading ? `${m.reading.type}/${m.reading.relation ?? ''} c=${m.reading.confidence.toFixed(2)} q=${m.reading.question.toFixed(2)}` : ''} | ${row.question} | ${grammar.kind === 'answer' ? '' : grammar.kind === 'unsupported' ? grammar.reason : 'clarify'} | ${combined.reason}\n`);
  }
  return { scores, modelAnswered, skipped };
}

const share = (list: RowScore[], k: keyof RowScore) => (list.length ? list.filter((s) => s[k]).length / list.length : 0);

export default async function layoutQuestions(args: string[]): Promise<BenchResult[]> {
  const json = args.includes('--json');
  const fileAt = args.indexOf('--file');
  const modelAt = args.indexOf('--model');
  const modelPath = modelAt >= 0 ? args[modelAt + 1]! : bundledLayoutModelPath();
  const dir = join(installRoot(), 'native-models', 'layout');
  const sets = fileAt >= 0 ? [{ label: 'file', file: args[fileAt + 1]! }] : [
    { label: 'dev', file: join(dir, 'questions-dev.jsonl') },
    { label: 'test', file: join(dir, 'questions-test.jsonl') },
  ];
  const out: BenchResult[] = [];
  const summary: Record<string, unknown> = {};
  for (const set of sets) {
    const rows = readQuestionRows(set.file);
    const { scores, modelAnswered, skipped } = await scoreSet(rows, modelPath, args.includes('--rows'));
    const bySet: Record<string, unknown> = { rows: rows.length - skipped, skipped, model_answered_in_app: modelAnswered };
    for (const reader of READERS) {
      const s = scores[reader];
      const row = { type: share(s, 'type'), target: share(s, 'target'), reference: share(s, 'reference'), all: share(s, 'all'), answered: s.filter((x) => x.answered).length };
      bySet[reader] = row;
      for (const metric of ['type', 'target', 'reference', 'all'] as const) out.push(result('layout-questions', `${set.label} ${reader}`, metric, 'share', row[metric], null));
    }
    summary[set.label] = bySet;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
    return [];
  }
  return out;
}
