// What the Audit tab shows of an AuditReport: per-type rows with their metric, the disagreements
// filtered and sorted, a one-line summary of each evidence, the unchecked rows grouped by reason.
import type { AuditDisagreement, AuditEvidence, AuditReportJson } from '../../app/contract';
import { QUESTION_TYPES, isMultipleChoice } from '../../app/qa/vsibench/questions';

export interface TypeRow {
  type: string;
  n: number;
  score: number;
  /** VSI-Bench's metric: mean relative accuracy for numbers, accuracy for options; MultiSPA's ±20 % rule. */
  metric: 'MRA' | 'accuracy' | 'within 20%';
}

export const metricOf = (type: string): TypeRow['metric'] => (isMultipleChoice(type) ? 'accuracy' : type === 'multispa_object_size' ? 'within 20%' : 'MRA');

/** Rows in the CLI table's order (the question types' order), whatever order the report lists them. */
export function typeRows(report: AuditReportJson): TypeRow[] {
  return QUESTION_TYPES.flatMap((type) => {
    const r = report.per_type[type];
    return r ? [{ type, n: r.n, score: r.score, metric: metricOf(type) }] : [];
  });
}

export type ScoreOrder = 'asc' | 'desc';

/** The disagreements of one type (all for ''), by score (ties keep the file's order). */
export function shownDisagreements(list: readonly AuditDisagreement[], type: string, order: ScoreOrder): AuditDisagreement[] {
  const kept = type ? list.filter((d) => d.question_type === type) : [...list];
  return kept.sort((a, b) => (order === 'asc' ? a.score - b.score : b.score - a.score));
}

const m = (x: number) => `${x.toFixed(2)} m`;
const deg = (x: number) => `${x.toFixed(1)}°`;

/** The numbers that decided our answer, in words short enough for one line. */
export function evidenceSummary(e: AuditEvidence): string {
  switch (e.kind) {
    case 'count':
      return `${e.count} instance${e.count === 1 ? '' : 's'} in the meta`;
    case 'size':
      return `box sides ${e.sides.map((s) => s.toFixed(2)).join(' × ')} m; longest ${m(e.longest)}`;
    case 'room':
      return `room area ${e.area.toFixed(2)} m² (meta room_size)`;
    case 'axis_size':
      return `axis-aligned box ${[e.dx, e.dy, e.dz].map((s) => s.toFixed(3)).join(' × ')} m; ${e.dimension} ${e.metres.toFixed(3)} m`;
    case 'distance':
      return `closest points ${e.distance.toFixed(3)} m apart (instances #${e.instanceA}, #${e.instanceB})`;
    case 'rel_distance': {
      const byDistance = [...e.options].sort((a, b) => a.distance - b.distance);
      const gap = e.gap === null ? '' : `; margin ${m(e.gap)} to the next`;
      return `${byDistance.map((o) => `${o.category} ${m(o.distance)}`).join(', ')}${gap}`;
    }
    case 'direction':
      return `θ ${deg(e.theta)} → ${e.bin} (${e.level}); ${deg(e.margin)} from a bin edge; ${e.cornersOff} of 8 corners in another bin`;
  }
}

/** Unchecked rows grouped by the fixed part of their reason (names and scenes vary per row), most first. */
export function uncheckedGroups(unchecked: AuditReportJson['unchecked']): Array<{ reason: string; example: string; ids: Array<number | string> }> {
  const groups = new Map<string, { reason: string; example: string; ids: Array<number | string> }>();
  for (const u of unchecked) {
    const reason = u.reason.replace(/"[^"]*"/g, '"…"').replace(/scene \w+/g, 'scene …');
    const group = groups.get(reason) ?? { reason, example: u.reason, ids: [] };
    group.ids.push(u.id);
    groups.set(reason, group);
  }
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The file the Download button writes: the CLI's `qa audit --json` output, byte for byte. */
export const reportFileText = (report: AuditReportJson) => `${JSON.stringify(report)}\n`;

export const reportFileName = (questionsName: string) => `${questionsName.replace(/\.(jsonl?|JSONL?)$/, '') || 'questions'}.audit.json`;

/** The key of a disagreement in the list (ids repeat across question types in merged files). */
export const disagreementKey = (d: Pick<AuditDisagreement, 'question_type' | 'id'>) => `${d.question_type}:${String(d.id)}`;

/** What the Audit tab and the Ask panel say about a disagreement drawn in its room. */
export function auditCaption(d: AuditDisagreement): string {
  const ours = `${d.ours}${typeof d.ours_answer === 'string' && d.ours_answer !== d.ours ? ` (${d.ours_answer})` : ''}`;
  return `${d.question.split('\n')[0]} — released ${d.ground_truth}, ours ${ours} (row #${String(d.id)}, ${d.scene_name})`;
}
