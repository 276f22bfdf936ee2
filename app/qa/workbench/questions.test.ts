import { describe, expect, it } from 'vitest';
import { boxScene } from '../vsibench/testing/box-scene';
import { sizeQuestion } from './object-size';
import { qaSceneFromBoxes, type QaObject } from './objects';
import { directionQuestion, distanceQuestion, relationQuestion, sideQuestion } from './questions';

// A 25 m² room: bed, nightstand with a lamp on it, a door and a window, a tv 3 m from the sofa.
const scene = qaSceneFromBoxes(
  boxScene(
    {
      bed: [{ center: [0, 0, 0.3], size: [2, 1.6, 0.6] }],
      nightstand: [{ center: [1.4, 0.8, 0.25], size: [0.5, 0.4, 0.5] }],
      lamp: [{ center: [1.4, 0.8, 0.7], size: [0.2, 0.2, 0.4] }],
      door: [{ center: [0, -2.5, 1], size: [0.9, 0.1, 2] }],
      window: [{ center: [0, 2.5, 1.5], size: [1.2, 0.1, 1] }],
      sofa: [{ center: [-2, 1, 0.4], size: [0.9, 2.0, 0.8] }],
      tv: [{ center: [1.45, 1, 1], size: [0.1, 1.2, 0.7] }],
    },
    25,
  ),
);
const get = (c: string) => scene.objects.find((o) => o.category === c)!;

describe('object size (MultiSPA)', () => {
  it('height = dz, length = max(dx, dy), width = min(dx, dy), in whole mm with the rounding margin', () => {
    const bed = get('bed');
    const h = sizeQuestion(bed, 'height');
    expect([h.question, h.answer, h.unit]).toEqual(['What is the height (in millimeters) of the bed?', 600, 'mm']);
    expect(sizeQuestion(bed, 'length').answer).toBe(2000);
    expect(sizeQuestion(bed, 'width').answer).toBe(1600);
    const odd: QaObject = { ...bed, min: [0, 0, 0], max: [0.12345, 0.5, 0.1] };
    const w = sizeQuestion(odd, 'width');
    expect(w.answer).toBe(123);
    expect(w.margin.value).toBeCloseTo(0.05, 6);
  });
});

describe('distance questions', () => {
  it('gives the closest-point distance with its points, the centre distance, unit and margin', () => {
    const q = distanceQuestion(scene, get('sofa'), get('tv'));
    expect(q.question).toBe('How far is the sofa from the tv?');
    expect(q.answer).toBe(2.95);
    expect(q.unit).toBe('m');
    expect(q.evidence.method).toBe('boxes');
    expect(q.evidence.pointA[0]).toBeCloseTo(-1.55, 9);
    expect(q.evidence.pointB[0]).toBeCloseTo(1.4, 9);
    expect(q.evidence.centreDistance).toBeCloseTo(Math.hypot(3.45, 0, 0.6), 9);
    expect(q.margin.value).toBeCloseTo(0.005, 9);
  });
});

describe('relation questions', () => {
  it('answers on/next to/near/far/under/between with the deciding criterion as the margin', () => {
    const on = relationQuestion(scene, 'on', get('lamp'), get('nightstand'));
    expect([on.question, on.answer]).toEqual(['Is the lamp on the nightstand?', 'yes']);
    expect(on.margin).toMatchObject({ unit: 'm', value: expect.closeTo(0.03, 9) });
    expect(relationQuestion(scene, 'on', get('lamp'), get('bed')).answer).toBe('no');
    expect(relationQuestion(scene, 'under', get('nightstand'), get('lamp')).answer).toBe('yes');
    expect(relationQuestion(scene, 'next_to', get('nightstand'), get('bed')).answer).toBe('yes');
    const far = relationQuestion(scene, 'far', get('door'), get('window'));
    expect([far.question, far.answer]).toEqual(['Is the door far from the window?', 'yes']);
    expect(far.margin.value).toBeCloseTo(4.9 - 2.5, 9);
    expect(relationQuestion(scene, 'near', get('door'), get('window')).answer).toBe('no');
    const between = relationQuestion(scene, 'between', get('bed'), get('door'), get('window'));
    expect([between.question, between.answer, between.objects]).toEqual(['Is the bed between the door and the window?', 'yes', [0, 3, 4]]);
  });
});

describe('directions from a viewpoint', () => {
  const view = { kind: 'objects' as const, standBy: get('door'), facing: get('window') };
  it('left/right of the facing direction or of a reference object, with the angular margin', () => {
    const q = sideQuestion('left', get('sofa'), view)!;
    expect(q.question).toBe('If I am standing by the door and facing the window, is the sofa to my left?');
    expect(q.answer).toBe('yes');
    expect(q.margin.unit).toBe('deg');
    const ofBed = sideQuestion('right', get('tv'), view, get('bed'))!;
    expect(ofBed.question).toBe('If I am standing by the door and facing the window, is the tv to the right of the bed?');
    expect(ofBed.answer).toBe('yes');
    expect(sideQuestion('behind', get('bed'), { kind: 'camera', position: [0, 5, 1], forward: [0, 1, 0] })!.answer).toBe('yes');
  });

  it('names the 90° sector and its distance to the nearest sector edge', () => {
    const q = directionQuestion(get('window'), { kind: 'camera', position: [0, 0, 1], forward: [1, 2, 0] })!;
    expect(q.answer).toBe('front');
    expect(q.evidence.theta).toBeCloseTo(90 - (Math.atan2(2, 1) * 180) / Math.PI, 9);
    expect(q.margin.value).toBeCloseTo(45 - q.evidence.theta, 9);
    expect(directionQuestion(get('tv'), view)!.answer).toBe('front');
    expect(directionQuestion(get('sofa'), { kind: 'camera', position: [0, 1, 1], forward: [0, 1, 0] })!).toMatchObject({ answer: 'left', margin: { value: expect.closeTo(45, 9) } });
  });
});
