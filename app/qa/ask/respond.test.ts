import { describe, expect, it } from 'vitest';
import { AskResult } from '../../contract/ask-schemas';
import { boxScene } from '../vsibench/testing/box-scene';
import { qaSceneFromBoxes } from '../workbench/objects';
import { cameraOf, clickQuery, respond, typedQuery } from './respond';
import { applyClarifications, roleSlots } from './roles';

const scene = qaSceneFromBoxes(
  boxScene(
    {
      bed: [{ center: [0, 0, 0.3], size: [2, 1.6, 0.6] }],
      door: [{ center: [0, -2.5, 1], size: [0.9, 0.1, 2] }],
      window: [{ center: [0, 2.5, 1.5], size: [1.2, 0.1, 1] }],
      sofa: [{ center: [-2, 1, 0.4], size: [0.9, 2.0, 0.8] }],
      chair: [{ center: [2, -1, 0.45], size: [0.5, 0.5, 0.9] }, { center: [-2, -1.5, 0.45], size: [0.5, 0.5, 0.9] }],
    },
    25,
  ),
);
const id = (c: string, k = 0) => scene.objects.filter((o) => o.category === c)[k]!.id;
const info = { scene, labelOf: (i: number) => scene.objects.find((o) => o.id === i)?.category };
const ask = (extra: Partial<Parameters<typeof respond>[0]>) => AskResult.parse(respond({ sceneId: 's', selection: [], ...extra }, info));

describe('typed forms beyond the parser', () => {
  it('centre-to-centre wording turns a distance into a centre distance; "where is" into a direction', () => {
    expect(typedQuery('what is the centre to centre distance between the bed and the door?')).toMatchObject({ extra: 'centre', query: { kind: 'distance' } });
    expect(typedQuery('how far apart are the centers of the sofa and the bed')).toMatchObject({ extra: 'centre', query: { kind: 'distance' } });
    expect(typedQuery('how far is the sofa from the bed')).toMatchObject({ extra: null });
    expect(typedQuery('Where is the sofa from here?')).toMatchObject({ extra: 'direction', query: { target: { kind: 'category', category: 'sofa' } } });
    expect(typedQuery('is the sofa on the bed, measured from the centres')).toEqual({ unsupported: 'centres are measured only for distances' });
  });

  it('a top-down camera faces where the screen\'s up points', () => {
    expect(cameraOf({ position: [1, 2, 10], target: [1, 2, 0], up: [0, 1, 0] }).forward).toEqual([0, 1, 0]);
    expect(cameraOf({ position: [0, -5, 2], target: [0, 0, 0], up: [0, 0, 1] }).forward).toEqual([0, 5, -2]);
  });
});

describe('roles and clarifications', () => {
  it('lists references in grounding order, anchors nested under their role', () => {
    const q = typedQuery('how far is the chair by the window from the door');
    if ('unsupported' in q) throw new Error(q.unsupported);
    expect(roleSlots(q.query).map((s) => [s.role, s.ref.phrase])).toEqual([
      ['a', 'the chair by the window'],
      ['a.near', 'the window'],
      ['b', 'the door'],
    ]);
    const { query, selection } = applyClarifications(q.query, [7], { 'a.near': 42, b: 43 });
    expect(selection).toEqual([7, 42, 43]);
    expect(roleSlots(query).map((s) => [s.role, s.ref.kind])).toEqual([
      ['a', 'category'],
      ['a.near', 'selection'],
      ['b', 'selection'],
    ]);
  });

  it('asks for each ambiguous role in turn; a clicked object of the wrong kind is asked back', () => {
    const first = ask({ text: 'is the chair next to the chair?' });
    expect(first).toMatchObject({ kind: 'clarify', role: 'a', candidates: [id('chair', 0), id('chair', 1)] });
    const second = ask({ text: 'is the chair next to the chair?', clarify: { a: id('chair', 0) } });
    expect(second).toMatchObject({ kind: 'clarify', role: 'b', candidates: [id('chair', 1)] });
    expect(ask({ text: 'is the chair next to the chair?', clarify: { a: id('chair', 0), b: id('chair', 1) } })).toMatchObject({ kind: 'answer', value: 'no' });
    expect(ask({ text: 'is the chair next to the chair?', clarify: { a: id('bed') } })).toMatchObject({ kind: 'clarify', role: 'a', reason: expect.stringMatching(/not a chair/) });
  });
});

describe('answers and their evidence', () => {
  it('click-built: a missing selection is asked for, by role', () => {
    expect(ask({ type: 'distance', selection: [id('bed')] })).toMatchObject({ kind: 'clarify', role: 'b', phrase: 'object B' });
    expect(clickQuery('find', 0)).toHaveProperty('unsupported');
  });

  it('direction from the camera: the sector that holds the object, with its margin', () => {
    // Standing south of the room looking north: the sofa (x = -2) is in front and to the left.
    const r = ask({ type: 'direction', selection: [id('sofa')], viewpoint: { position: [0, -6, 1.5], target: [0, 0, 0.5], up: [0, 0, 1] } });
    expect(r).toMatchObject({ kind: 'answer', value: 'front', query: { type: 'direction', view: 'camera', roles: { target: id('sofa') } } });
    if (r.kind !== 'answer') return;
    expect(r.evidence.fan!.bin).toEqual([315, 45]);
    expect(r.evidence.fan!.theta).toBeCloseTo((Math.atan2(2, 7) * 180) / Math.PI, 6);
    expect(r.evidence.margin!.value).toBeCloseTo(45 - r.evidence.fan!.theta, 6);
  });

  it('between draws the corridor line between the two ends', () => {
    const r = ask({ text: 'is the bed between the door and the window?' });
    expect(r).toMatchObject({ kind: 'answer', value: 'yes', query: { type: 'between', roles: { a: id('bed'), b: id('door'), c: id('window') } } });
    if (r.kind !== 'answer') return;
    expect(r.evidence.segments[0]).toMatchObject({ kind: 'centre', from: [0, -2.5, 1], to: [0, 2.5, 1.5] });
    expect(r.evidence.segments[0]!.length).toBeCloseTo(Math.hypot(5, 0.5), 9);
    expect(r.evidence.criteria.map((c) => c.pass)).toEqual([true, true]);
  });
});
