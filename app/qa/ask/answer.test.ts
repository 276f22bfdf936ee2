import { describe, expect, it } from 'vitest';
import { boxScene } from '../vsibench/testing/box-scene';
import { qaSceneFromBoxes } from '../workbench/objects';
import { answerQuery } from './answer';
import { ask } from './ask';

const scene = qaSceneFromBoxes(
  boxScene(
    {
      bed: [{ center: [0, 0, 0.3], size: [2, 1.6, 0.6] }],
      nightstand: [{ center: [1.4, 0.8, 0.25], size: [0.5, 0.4, 0.5] }],
      lamp: [{ center: [1.4, 0.8, 0.7], size: [0.2, 0.2, 0.4] }],
      door: [{ center: [0, -2.5, 1], size: [0.9, 0.1, 2] }],
      window: [{ center: [0, 2.5, 1.5], size: [1.2, 0.1, 1] }],
      sofa: [{ center: [-2, 1, 0.4], size: [0.9, 2.0, 0.8] }],
      chair: [{ center: [2, -1, 0.45], size: [0.5, 0.5, 0.9] }, { center: [-2, -1.5, 0.45], size: [0.5, 0.5, 0.9] }],
    },
    25,
  ),
);
const id = (c: string) => scene.objects.find((o) => o.category === c)!.id;
const run = (text: string) => {
  const r = ask(text, { objects: scene.objects, selection: [] });
  if (r.kind !== 'query') throw new Error(`${text}: ${r.kind}`);
  return answerQuery(r.query, scene);
};

describe('answering typed questions', () => {
  it('counts, measures, sizes and tests relations with the workbench engine', () => {
    expect(run('how many chairs are there?')).toMatchObject({ kind: 'count', count: 2 });
    expect(run('how far is the sofa from the door?')).toMatchObject({ kind: 'distance', unit: 'm', objects: [id('sofa'), id('door')] });
    const size = run('how big is the bed');
    expect(size.kind === 'size' && size.answers.map((a) => [a.dimension, a.answer])).toEqual([
      ['height', 600],
      ['length', 2000],
      ['width', 1600],
    ]);
    expect(run('is the lamp on the nightstand?')).toMatchObject({ kind: 'relation', relation: 'on', answer: 'yes' });
  });

  it('what is left of the bed if I stand by the door facing the window: the sofa (and a chair), not the right-hand chair', () => {
    const r = run('what is left of the bed if I stand by the door facing the window?');
    expect(r.kind).toBe('find');
    if (r.kind !== 'find') return;
    expect(r.matches.map((m) => m.objects[0])).toEqual([id('sofa'), scene.objects.filter((o) => o.category === 'chair')[1]!.id]);
    expect(r.matches.every((m) => m.margin.unit === 'deg')).toBe(true);
    expect(run('what is on the nightstand')).toMatchObject({ kind: 'find', matches: [{ objects: [id('lamp'), id('nightstand')] }] });
  });
});
