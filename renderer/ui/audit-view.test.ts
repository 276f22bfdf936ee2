// The Audit tab's view of a report the audit core computed for a hand-built room: table order and
// metrics, filtering and sorting of disagreements, evidence in words, unchecked rows grouped.
import { describe, expect, it } from 'vitest';
import { AuditReportSchema } from '../../app/contract';
import { auditRows, type VsiRow } from '../../app/qa/vsibench/audit';
import { questionText } from '../../app/qa/vsibench/questions';
import { boxScene } from '../../app/qa/vsibench/testing/box-scene';
import { auditCaption, disagreementKey, evidenceSummary, metricOf, plural, reportFileName, reportFileText, shownDisagreements, typeRows, uncheckedGroups } from './audit-view';

// Standing by the desk facing the door (+y): the plant is front-left; box gaps from the desk: chair
// 0.85 m, bin 1.0 m, plant √(0.8² + 0.8²) ≈ 1.13 m, door 1.8 m.
const scene = boxScene(
  {
    desk: [{ center: [0, 0, 0], size: [0.2, 0.2, 0.2] }],
    door: [{ center: [0, 2, 0], size: [0.2, 0.2, 0.2] }],
    plant: [{ center: [-1, 1, 0], size: [0.2, 0.2, 0.2] }],
    bin: [{ center: [1.2, 0, 0], size: [0.2, 0.2, 0.2] }],
    chair: [{ center: [0, -1, 0] }, { center: [0, -3, 0] }],
  },
  23.46,
  'room1',
);
let nextId = 1;
const row = (question_type: string, question: string, ground_truth: string, options: string[] | null = null, scene_name = 'room1'): VsiRow => ({ id: nextId++, dataset: 'scannetpp', scene_name, question_type, question, ground_truth, options });

const rows = [
  row('object_rel_direction_hard', questionText('object_rel_direction_hard', ['desk', 'door', 'plant']), 'A', ['A. back-left', 'B. front-left', 'C. front-right', 'D. back-right']),
  row('object_counting', questionText('object_counting', ['chair']), '4'),
  row('object_counting', questionText('object_counting', ['chair']), '2'),
  row('object_abs_distance', questionText('object_abs_distance', ['desk', 'bin']), '1.1'),
  row('object_rel_distance', questionText('object_rel_distance', ['desk', 'door', 'plant', 'bin', 'chair']), 'A', ['A. door', 'B. plant', 'C. bin', 'D. chair']),
  row('object_counting', questionText('object_counting', ['sofa']), '1'),
  row('object_counting', questionText('object_counting', ['lamp']), '1'),
  row('object_counting', questionText('object_counting', ['chair']), '2', null, 'elsewhere'),
  row('route_planning', 'How do I get to the door?', 'A', ['A. turn left']),
];
// Through the contract schema and JSON, as the panel receives it.
const report = AuditReportSchema.parse(JSON.parse(JSON.stringify(auditRows(rows, [scene]))));

describe('audit view', () => {
  it('lists types in the question types order with VSI-Bench metrics', () => {
    expect(typeRows(report).map((r) => [r.type, r.n, r.metric])).toEqual([
      ['object_counting', 2, 'MRA'],
      ['object_abs_distance', 1, 'MRA'],
      ['object_rel_distance', 1, 'accuracy'],
      ['object_rel_direction_hard', 1, 'accuracy'],
    ]);
    expect(metricOf('multispa_object_size')).toBe('within 20%');
  });

  it('filters disagreements by type and sorts them by score either way', () => {
    const all = shownDisagreements(report.disagreements, '', 'asc');
    expect(all.map((d) => d.score)).toEqual([...all.map((d) => d.score)].sort((a, b) => a - b));
    expect(all).toHaveLength(4);
    const desc = shownDisagreements(report.disagreements, '', 'desc');
    expect(desc[0]!.score).toBeGreaterThan(desc[desc.length - 1]!.score);
    expect(shownDisagreements(report.disagreements, 'object_counting', 'asc').map((d) => [d.ground_truth, d.ours])).toEqual([['4', '2']]);
    // Sorting a copy: the report keeps its order for the download.
    expect(report.disagreements.map((d) => d.question_type)[0]).toBe('object_rel_direction_hard');
  });

  it('says what decided each answer in numbers', () => {
    const byType = new Map(report.disagreements.map((d) => [d.question_type, evidenceSummary(d.evidence)]));
    expect(byType.get('object_counting')).toBe('2 instances in the meta');
    expect(byType.get('object_abs_distance')).toBe('closest points 1.000 m apart (instances #0, #0)');
    expect(byType.get('object_rel_distance')).toBe('chair 0.85 m, bin 1.00 m, plant 1.13 m, door 1.80 m; margin 0.15 m to the next');
    expect(byType.get('object_rel_direction_hard')).toBe('θ 45.0° → front-left (hard); 45.0° from a bin edge; 0 of 8 corners in another bin');
  });

  it('groups unchecked rows by their reason and keeps one full example', () => {
    const groups = uncheckedGroups(report.unchecked);
    expect(groups.map((g) => [g.ids.length, g.reason])).toEqual([
      [2, 'names "…", which the meta of scene … lacks'],
      [1, 'scene … is not in the meta'],
      [1, 'route_planning questions are written by people; no box rule defines their answer'],
    ]);
    expect(groups[0]!.example).toBe('names "sofa", which the meta of scene room1 lacks');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(3, 'row')).toBe('3 rows');
  });

  it('downloads the CLI --json text under the questions file name', () => {
    expect(reportFileText(report)).toBe(`${JSON.stringify(auditRows(rows, [scene]))}\n`);
    expect(reportFileName('vsibench.jsonl')).toBe('vsibench.audit.json');
    expect(reportFileName('rows.json')).toBe('rows.audit.json');
  });

  it('captions a disagreement drawn in its room, keyed by type and row', () => {
    const rel = report.disagreements.find((d) => d.question_type === 'object_rel_distance')!;
    expect(auditCaption(rel)).toBe(`${rel.question} — released A, ours D (chair) (row #5, room1)`);
    expect(disagreementKey(rel)).toBe('object_rel_distance:5');
    const count = report.disagreements.find((d) => d.question_type === 'object_counting')!;
    expect(auditCaption(count)).toBe('How many chair(s) are in this room? — released 4, ours 2 (row #2, room1)');
    // A direction question's second line (the rule of the bins) stays out of the caption.
    const dir = report.disagreements.find((d) => d.question_type === 'object_rel_direction_hard')!;
    expect(auditCaption(dir)).toBe(`${dir.question.split('\n')[0]} — released A, ours B (front-left) (row #1, room1)`);
  });
});
