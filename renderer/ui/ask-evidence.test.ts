import { describe, expect, it } from 'vitest';
import type { AskAnswer, InstanceInfo } from '../../app/contract';
import { boxEdges, fanArc } from '../viewport/evidence-overlay';
import { askQaItem, candidatesView, clarifyPrompt, evidenceView, parseEditedAnswer, qaKindOf, savedEvidence } from './ask-evidence';

const answer: AskAnswer = {
  kind: 'answer',
  question: 'Is the sofa to the left of the bed?',
  query: { type: 'left', relation: 'left', roles: { target: 3, reference: 4 }, view: 'camera' },
  text: 'yes',
  value: 'yes',
  unit: '',
  evidence: {
    segments: [],
    boxes: [
      { instanceId: 3, role: 'target', center: [0, 0, 0], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [1, 1, 1] },
      { instanceId: 4, role: 'reference', center: [2, 0, 0], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [1, 1, 1] },
    ],
    fan: { observer: [0, -5, 1], reference: [2, 0, 0], target: [0, 0, 0], theta: 21.8, bin: [0, 180], holds: true, margin: 21.8 },
    criteria: [],
    margin: { value: 21.8, unit: 'deg', boundary: 'edge of the left bin [0°, 180°)' },
  },
  instanceIds: [3, 4],
};

describe('ask answers in the UI', () => {
  it('tones boxes by role and names them', () => {
    const v = evidenceView(answer.evidence, (id) => `obj #${id}`);
    expect(v.boxes.map((b) => [b.tone, b.label])).toEqual([
      ['a', 'obj #3'],
      ['b', 'obj #4'],
    ]);
    expect(v.fan).toEqual(answer.evidence.fan);
  });

  it('saves the structured query, the words typed, the evidence and the viewpoint; reads the evidence back', () => {
    const viewpoint = { position: [0, -5, 1] as [number, number, number], target: [0, 0, 0] as [number, number, number], up: [0, 0, 1] as [number, number, number] };
    const item = askQaItem('sample', answer, { text: 'is the sofa left of the bed', viewpoint });
    expect(item).toMatchObject({ kind: 'relation', answer: 'yes', instanceIds: [3, 4], viewpoint, query: { type: 'left', asked: 'is the sofa left of the bed' } });
    expect(savedEvidence(item)).toEqual(answer.evidence);
    expect(savedEvidence({ evidence: { pointA: [0, 0, 0] } })).toBeNull();
    expect(qaKindOf('centre_distance')).toBe('distance');
    expect(qaKindOf('between')).toBe('relation');
  });

  it('candidates become magenta boxes over their bounds; prompts read as questions', () => {
    const inst: InstanceInfo = { id: 9, label: 'chair', pointCount: 5, bbox: { min: [0, 0, 0], max: [1, 2, 3] }, centroid: [0.5, 1, 1.5] };
    expect(candidatesView([9, 99], [inst]).boxes).toEqual([{ center: [0.5, 1, 1.5], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [1, 2, 3], tone: 'candidate', label: 'chair #9' }]);
    expect(clarifyPrompt('the chair')).toBe('Which chair? Click it in the view.');
    expect(clarifyPrompt('this')).toMatch(/by “this”/);
    expect(clarifyPrompt('object C')).toBe('Which object is object C? Click it in the view.');
  });

  it('edited answers keep their type', () => {
    expect(parseEditedAnswer('1.25 m', 1.3)).toBe(1.25);
    expect(parseEditedAnswer('far', 1.3)).toBeNull();
    expect(parseEditedAnswer(' no ', 'yes')).toBe('no');
    expect(parseEditedAnswer('   ', 'yes')).toBeNull();
  });

  it('draws twelve box edges and a fan arc that spans its sector', () => {
    const edges = boxEdges({ center: [0, 0, 0], axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], size: [2, 2, 2] });
    expect(edges.length).toBe(24);
    for (let i = 0; i < edges.length; i += 2) expect(Math.hypot(...edges[i]!.map((v, k) => v - edges[i + 1]![k]!))).toBeCloseTo(2, 9);
    // Facing +y from the origin: the left bin [0, 180) sweeps from +y through -x to -y.
    const arc = fanArc({ observer: [0, 0, 0], reference: [0, 1, 0], target: [-1, 0, 0], theta: 90, bin: [0, 180], holds: true, margin: 90 }, 2, 0.1, 4);
    expect(arc[0]![0]).toBeCloseTo(0, 9);
    expect(arc[0]![1]).toBeCloseTo(2, 9);
    expect(arc[2]![0]).toBeCloseTo(-2, 9);
    expect(arc[4]![1]).toBeCloseTo(-2, 9);
    expect(arc.every((p) => p[2] === 0.1)).toBe(true);
  });
});
