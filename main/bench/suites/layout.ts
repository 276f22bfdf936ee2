// Layout editing: instruction → preview (parse, ground, solve, new document with patches) on CPU for
// a real 65-object ScanNet++ room (VSI-Bench meta 38d58a7a31: 36 chairs, 8 tables, …), p50 and p95
// over a fixed set of instructions. Peer: the same parse and grounding, then the naive exhaustive
// search (every candidate, every rule, no broad phase, no early out, walkway on every survivor).
// Both must choose the same pose; the suite fails if they differ.
import { exhaustiveSolve } from '../../../app/layout/exhaustive';
import { editByInstruction } from '../../../app/layout/instruction/edit';
import { groundInstruction } from '../../../app/layout/instruction/ground';
import { parseInstruction } from '../../../app/layout/instruction/parse';
import { planFor } from '../../../app/layout/solve';
import type { LayoutDocument } from '../../../app/layout/types';
import { haveMeta, metaLayouts } from '../../layout/real-rooms';
import { result, timeIt, type BenchResult } from '../result';

/** The bench room and its instructions, shared with the layout-model suite so both time the same work. */
export const ROOM = '38d58a7a31';

export function instructions(doc: LayoutDocument): Array<{ text: string; selection: number[] }> {
  const chairs = doc.objects.filter((o) => o.category === 'chair').map((o) => o.id);
  return [
    { text: 'move it 30 cm to the left', selection: [chairs[0]!] },
    { text: 'put the trash can next to the whiteboard', selection: [] },
    { text: 'turn it 90 degrees clockwise', selection: [chairs[5]!] },
    { text: 'please move this chair half a metre forward', selection: [chairs[10]!] },
    { text: 'put the telephone on the table by the keyboard', selection: [] },
    { text: 'push the trash can into the corner', selection: [] },
    { text: 'make it face the whiteboard', selection: [chairs[20]!] },
    { text: 'move the trash can 40 cm in front of the whiteboard', selection: [] },
  ];
}

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export default async function layout(args: string[]): Promise<BenchResult[]> {
  if (!haveMeta()) {
    process.stderr.write('layout bench: ../shared/data/vsibench/scannetpp_meta_info_val.json is missing; nothing to measure\n');
    return [];
  }
  const quick = args.includes('--quick');
  const doc = metaLayouts().get(ROOM)!;
  const list = instructions(doc);
  const ours: number[] = [];
  const peer: number[] = [];
  let solved = 0;
  for (const { text, selection } of list) {
    const edit = editByInstruction(doc, text, { selection });
    if (!('grounding' in edit)) throw new Error(`layout bench: "${text}" was not grounded: ${edit.reason}`);
    const p = planFor(doc, edit.request);
    const naive = p ? exhaustiveSolve(doc, p.target, p.plan) : null;
    // Same answer: both refuse, or both pick the same pose.
    const mine = edit.result.ok ? edit.result.moves[0]!.after : null;
    if ((mine === null) !== (naive === null) || (mine && naive && (Math.hypot(mine.center[0] - naive.pose.center[0], mine.center[1] - naive.pose.center[1]) > 1e-9 || Math.abs(mine.yaw - naive.pose.yaw) > 1e-9)))
      throw new Error(`layout bench: "${text}": the solver and the exhaustive search disagree (${JSON.stringify(mine)} vs ${JSON.stringify(naive?.pose ?? null)})`);
    if (mine) solved++;
    const opts = quick ? { minRuns: 3, minMs: 50 } : { minRuns: 15, minMs: 300 };
    ours.push(...timeIt(() => editByInstruction(doc, text, { selection }), opts).samples);
    peer.push(
      ...timeIt(() => {
        const parsed = parseInstruction(text, { categories: doc.objects.map((o) => o.category) });
        if (parsed.kind !== 'parsed') return;
        const g = groundInstruction(doc, parsed.instruction, { selection });
        if (g.kind !== 'grounded') return;
        const pl = planFor(doc, g.request);
        if (pl) exhaustiveSolve(doc, pl.target, pl.plan);
      }, { ...opts, minRuns: Math.max(3, Math.floor(opts.minRuns / 3)) }).samples,
    );
  }
  ours.sort((a, b) => a - b);
  peer.sort((a, b) => a - b);
  const label = `${doc.objects.length}-object room ${ROOM}, ${list.length} instructions (${solved} placed, ${list.length - solved} refused)`;
  const name = 'exhaustive search (no broad phase, no early out)';
  return [
    result('layout', label, 'instruction → preview p50', 'ms', pct(ours, 0.5), { value: pct(peer, 0.5), name, better: 'lower' }),
    result('layout', label, 'instruction → preview p95', 'ms', pct(ours, 0.95), { value: pct(peer, 0.95), name, better: 'lower' }),
  ];
}
