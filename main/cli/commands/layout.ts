// `scenewright layout edit|export`: edit a room's layout by an English instruction (the grammar
// parser; says so) and print the grounding, the new pose, every constraint with its margin, or the
// refusal with its reason; export a layout as SpatialLM text or JSON.
import { writeFileSync } from 'node:fs';
import type { InstructionEdit } from '../../../app/layout/instruction/edit';
import { movedPoints } from '../../../app/layout/moved-points';
import type { Viewer } from '../../../app/layout/request';
import { toSpatialLm } from '../../../app/layout/spatiallm';
import type { LayoutDocument } from '../../../app/layout/types';
import { writePly } from '../../../app/formats/ply/writePly';
import { answerLayoutInstruction } from '../../layout/layout-model-store';
import { loadLayoutSource } from '../../layout/load-source';
import { parseCommandLine, UsageError } from '../args';
import type { Io, RunCommand } from '../command';
import { parseUpAxis } from './up-axis-flag';

const EDIT_FLAGS = {
  instruction: { type: 'string', short: 'i' },
  select: { type: 'string' },
  viewer: { type: 'string' },
  save: { type: 'string' },
  ply: { type: 'string' },
  parser: { type: 'string' },
  model: { type: 'string' },
  'up-axis': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const EXPORT_FLAGS = {
  format: { type: 'string' },
  out: { type: 'string' },
  'up-axis': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const poseJson = (p: { center: number[]; yaw: number } | null) => (p ? { center: p.center.map(r3), yaw_deg: r3((p.yaw * 180) / Math.PI) } : null);

/** "x,y,heading": where the viewer stands and the heading in degrees counter-clockwise from +x. */
function parseViewer(value: string | undefined): Viewer | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) throw new UsageError(`--viewer expects x,y,heading_degrees (heading counter-clockwise from +x), got ${JSON.stringify(value)}`);
  const [x, y, h] = parts as [number, number, number];
  const a = (h * Math.PI) / 180;
  return { position: [x, y, 1.6], forward: [Math.cos(a), Math.sin(a), 0] };
}

function parseSelection(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [];
  const ids = value.split(',').map((s) => Number(s.trim()));
  if (ids.some((n) => !Number.isInteger(n))) throw new UsageError(`--select expects object ids separated by commas, got ${JSON.stringify(value)}`);
  return ids;
}

export function editReport(edit: InstructionEdit, doc: LayoutDocument) {
  const base = { parser: edit.parser, status: edit.status, ms: r3(edit.ms), parse: edit.parse.kind === 'parsed' ? { corrections: edit.parse.instruction.corrections, normalised: edit.parse.instruction.normalised } : null };
  if (!('grounding' in edit)) return { ...base, reason: edit.reason, ...(edit.phrase ? { phrase: edit.phrase } : {}), ...(edit.candidates?.length ? { candidates: edit.candidates.map((id) => ({ id, category: doc.objects.find((o) => o.id === id)?.category ?? '?' })) } : {}) };
  const g = edit.grounding;
  const grounding = { target: g.target, reference: g.reference, reference2: g.reference2, relation: g.relation, amount: g.amount, direction: g.direction, degrees: g.degrees, frame: g.frame };
  if (!edit.result.ok) return { ...base, grounding, describe: edit.result.describe, reason: edit.result.reason, constraints_at_ideal: edit.result.constraints };
  return {
    ...base,
    grounding,
    describe: edit.result.describe,
    moves: edit.result.moves.map((m) => ({
      id: m.id,
      category: m.category,
      before: poseJson(m.before),
      after: poseJson(m.after),
      support: m.support,
      relation: m.relation,
      distance_from_ideal: r3(m.distanceFromIdeal),
      candidates_tried: m.candidatesTried,
      constraints: m.constraints.map((c) => ({ ...c, margin: c.margin === null ? null : r3(c.margin) })),
    })),
    changes: edit.result.outcome.changes.map((c) => ({ id: c.id, category: c.category, before: poseJson(c.before), after: poseJson(c.after), ...(c.carried ? { carried: true } : {}) })),
  };
}

function text(report: ReturnType<typeof editReport> & { parser_reason?: string }): string {
  const lines = [`${report.status} (parser: ${report.parser}, ${report.ms} ms)`];
  if (report.parser_reason) lines.push(`  ${report.parser_reason}`);
  if ('grounding' in report && report.grounding) {
    const g = report.grounding;
    lines.push(`  target     ${g.target.category} ${g.target.id} ("${g.target.phrase}")`, `  relation   ${g.relation}${g.frame === 'viewer' ? ' (from the viewer)' : ''}`);
    if (g.reference) lines.push(`  reference  ${g.reference.category} ${g.reference.id} ("${g.reference.phrase}")`);
    if (g.reference2) lines.push(`  and        ${g.reference2.category} ${g.reference2.id} ("${g.reference2.phrase}")`);
    if (g.amount) lines.push(`  amount     ${g.amount.metres.toFixed(3)} m ("${g.amount.text}")`);
    if (g.degrees !== null) lines.push(`  turn       ${g.degrees}°`);
  }
  if ('moves' in report && report.moves) {
    lines.push(`  ${report.describe}`);
    for (const m of report.moves) {
      lines.push(`  ${m.category} ${m.id}: ${JSON.stringify(m.before?.center)} ${m.before?.yaw_deg}° → ${JSON.stringify(m.after?.center)} ${m.after?.yaw_deg}°  (${m.relation.measured}; ${m.relation.holds ? 'holds' : 'DOES NOT HOLD'})`);
      for (const c of m.constraints) lines.push(`    ${c.pass ? 'ok  ' : 'FAIL'} ${c.active ? '*' : ' '} ${c.name.padEnd(12)} ${c.detail}`);
    }
    lines.push('  (* = active: it limited the placement)');
  } else if ('reason' in report) lines.push(`  ${report.reason}`);
  return `${lines.join('\n')}\n`;
}

async function edit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, EDIT_FLAGS);
  if (positionals.length !== 1) throw new UsageError('layout edit expects one scene: a scan file or folder, meta.json#scene_name, or a layout .json');
  if (!values.instruction) throw new UsageError("layout edit: --instruction '…' is required");
  const upAxis = parseUpAxis(values['up-axis']);
  const source = await loadLayoutSource(positionals[0]!, upAxis ? { upAxis } : {});
  const viewer = parseViewer(values.viewer);
  const parser = values.parser ?? 'auto';
  if (parser !== 'auto' && parser !== 'grammar' && parser !== 'model') throw new UsageError(`layout edit: --parser is auto, grammar or model, got ${JSON.stringify(parser)}`);
  // The language model (--model, else the bundled one) with the grammar parser as fallback: app/layout/model/answer.ts.
  const answered = await answerLayoutInstruction(null, source.doc, values.instruction, { selection: parseSelection(values.select), ...(viewer ? { viewer } : {}) }, { parser, ...(values.model ? { modelPath: values.model } : {}) });
  const result = answered.edit;
  const report = { ...editReport(result, source.doc), parser_reason: answered.reason };
  const edited = result.status === 'edited' && result.result.ok ? result.result.outcome.document : null;
  if (edited && values.save) writeFileSync(values.save, `${JSON.stringify(edited, null, 1)}\n`);
  if (edited && values.ply) {
    if (!source.scene) throw new UsageError('layout edit: --ply needs a scan (points); this layout has boxes only');
    const moved = movedPoints(source.scene, source.doc, edited);
    writeFileSync(values.ply, writePly({ positions: moved.positions, colors: moved.colors, scalars: { instance: moved.instanceIds } }));
  }
  io.out(values.json ? `${JSON.stringify(report)}\n` : text(report));
  return result.status === 'edited' ? 0 : 1;
}

async function exportLayout(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, EXPORT_FLAGS);
  if (positionals.length !== 1) throw new UsageError('layout export expects one scene: a scan file or folder, meta.json#scene_name, or a layout .json');
  const format = values.format ?? 'spatiallm';
  if (format !== 'spatiallm' && format !== 'json') throw new UsageError(`layout export: --format is spatiallm or json, got ${JSON.stringify(format)}`);
  const upAxis = parseUpAxis(values['up-axis']);
  const { doc } = await loadLayoutSource(positionals[0]!, upAxis ? { upAxis } : {});
  const body = format === 'spatiallm' ? toSpatialLm(doc) : `${JSON.stringify(doc, null, 1)}\n`;
  if (values.out) {
    writeFileSync(values.out, body);
    io.out(values.json ? `${JSON.stringify({ out: values.out, format, objects: doc.objects.length, walls: doc.room.walls.length, openings: doc.room.openings.length })}\n` : `${doc.objects.length} objects, ${doc.room.walls.length} walls, ${doc.room.openings.length} openings → ${values.out}\n`);
  } else io.out(body);
  return 0;
}

export const run: RunCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === 'edit') return edit(rest, io);
  if (sub === 'export') return exportLayout(rest, io);
  if (sub === 'synth') return (await import('./layout-synth')).synth(rest, io);
  throw new UsageError(`layout: expected "edit", "export" or "synth", got ${JSON.stringify(sub ?? null)}`);
};
