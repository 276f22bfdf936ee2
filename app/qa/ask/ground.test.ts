import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../scene/types';
import type { QaObject } from '../workbench/objects';
import { ask } from './ask';
import { colorName } from './color';
import type { AskContext } from './ground';

let next = 1;
function o(category: string, center: Vec3, size: Vec3 = [0.5, 0.5, 0.5], color?: Vec3): QaObject {
  const half = size.map((s) => s / 2);
  return {
    id: next++,
    category,
    box: { center, size, axes: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] },
    centroid: center,
    min: center.map((c, k) => c - half[k]!) as Vec3,
    max: center.map((c, k) => c + half[k]!) as Vec3,
    ...(color ? { color } : {}),
  };
}

const sofa = o('couch', [-2, 0, 0.4], [2, 0.9, 0.8], [120, 80, 40]);
const tv = o('tv', [2, 0, 1], [1.2, 0.1, 0.7], [10, 10, 10]);
const smallTable = o('table', [0, 1, 0.4], [0.5, 0.5, 0.4], [140, 90, 50]);
const bigTable = o('table', [0, -1, 0.4], [1.6, 0.9, 0.75], [240, 240, 240]);
const window_ = o('window', [0, 3, 1.5], [1.2, 0.1, 1]);
const door = o('door', [0, -3, 1], [0.9, 0.1, 2]);
const chairA = o('chair', [1, 2.5, 0.45], [0.5, 0.5, 0.9], [200, 30, 30]);
const chairB = o('chair', [1, -2.5, 0.45], [0.5, 0.5, 0.9], [30, 30, 200]);
const lamp = o('table lamp', [0, 1, 0.8], [0.2, 0.2, 0.4]);
const objects = [sofa, tv, smallTable, bigTable, window_, door, chairA, chairB, lamp];
const ctx = (extra: Partial<AskContext> = {}): AskContext => ({ objects, selection: [], ...extra });

describe('grounding by category', () => {
  it('finds a unique object through synonyms', () => {
    expect(ask('how far is the sofa from the tv?', ctx())).toEqual({ kind: 'query', query: { kind: 'distance', a: sofa.id, b: tv.id } });
    expect(ask('How far is the couch from the television?', ctx())).toEqual({ kind: 'query', query: { kind: 'distance', a: sofa.id, b: tv.id } });
  });

  it('never guesses between two matches: ambiguous, with the candidates and the phrase', () => {
    expect(ask('how big is the table?', ctx())).toEqual({ kind: 'ambiguous', phrase: 'the table', candidates: [smallTable.id, bigTable.id], reason: '2 objects match "the table"' });
    expect(ask('how far is the chair from the door', ctx())).toMatchObject({ kind: 'ambiguous', phrase: 'the chair', candidates: [chairA.id, chairB.id] });
  });

  it('counts without grounding, and reports an unknown category as not found', () => {
    expect(ask('how many chairs are there?', ctx())).toEqual({ kind: 'query', query: { kind: 'count', category: 'chair', phrase: 'chairs' } });
    expect(ask('how far is the piano from the tv', ctx())).toMatchObject({ kind: 'not_found', phrase: 'the piano' });
  });

  it('matches a head noun when no category is exactly named ("lamp" → table lamp)', () => {
    expect(ask('is the lamp on the small table?', ctx())).toEqual({ kind: 'query', query: { kind: 'relation', relation: 'on', a: lamp.id, b: smallTable.id } });
  });
});

describe('attributes', () => {
  it('size words pick the clearly smaller or bigger one', () => {
    expect(ask('how big is the small table', ctx())).toEqual({ kind: 'query', query: { kind: 'size', target: smallTable.id, dimension: 'all' } });
    expect(ask('how tall is the large table', ctx())).toEqual({ kind: 'query', query: { kind: 'size', target: bigTable.id, dimension: 'height' } });
    // The two chairs have the same size: "the big chair" cannot decide.
    expect(ask('how tall is the big chair', ctx())).toMatchObject({ kind: 'ambiguous', candidates: [chairA.id, chairB.id] });
  });

  it('colour words filter by the mean colour', () => {
    expect(colorName([200, 30, 30])).toBe('red');
    expect(colorName([30, 30, 200])).toBe('blue');
    expect(colorName([140, 90, 50])).toBe('brown');
    expect(colorName([240, 240, 240])).toBe('white');
    expect(ask('how far is the red chair from the door', ctx())).toEqual({ kind: 'query', query: { kind: 'distance', a: chairA.id, b: door.id } });
    expect(ask('how far is the white table from the door', ctx())).toMatchObject({ query: { a: bigTable.id } });
    expect(ask('how far is the green chair from the door', ctx())).toMatchObject({ kind: 'ambiguous', candidates: [chairA.id, chairB.id] });
  });

  it('"by the window" picks the candidate clearly nearest the anchor', () => {
    expect(ask('how far is the chair by the window from the door?', ctx())).toEqual({ kind: 'query', query: { kind: 'distance', a: chairA.id, b: door.id } });
    expect(ask('how far is the chair near the door from the tv?', ctx())).toMatchObject({ query: { a: chairB.id } });
  });

  it('"the left chair" needs a camera, then takes the left-most', () => {
    expect(ask('how far is the left chair from the sofa', ctx())).toMatchObject({ kind: 'ambiguous', candidates: [chairA.id, chairB.id] });
    const camera = { position: [3, 0, 1.5] as Vec3, forward: [-1, 0, 0] as Vec3 }; // looking towards -x: +y is to the right
    expect(ask('how far is the left chair from the sofa', ctx({ camera }))).toMatchObject({ query: { a: chairB.id } });
    expect(ask('how far is the chair on the right from the sofa', ctx({ camera }))).toMatchObject({ query: { a: chairA.id } });
  });
});

describe('selection words', () => {
  it('this/that/these two take the selection in click order', () => {
    expect(ask('how far is this from that?', ctx({ selection: [tv.id, door.id] }))).toEqual({ kind: 'query', query: { kind: 'distance', a: tv.id, b: door.id } });
    expect(ask('how far apart are these two?', ctx({ selection: [chairA.id, chairB.id] }))).toEqual({ kind: 'query', query: { kind: 'distance', a: chairA.id, b: chairB.id } });
    expect(ask('how big is this?', ctx({ selection: [lamp.id] }))).toEqual({ kind: 'query', query: { kind: 'size', target: lamp.id, dimension: 'all' } });
  });

  it('asks for a click when the selection is missing or does not fit', () => {
    const none = ask('how far apart are these two?', ctx({ selection: [tv.id] }));
    expect(none).toMatchObject({ kind: 'ambiguous', phrase: 'these two' });
    expect(none.kind === 'ambiguous' && none.reason).toMatch(/only 1 object\(s\) are selected/);
    expect(ask('how far is this chair from the door', ctx({ selection: [tv.id] }))).toMatchObject({ kind: 'ambiguous', candidates: [chairA.id, chairB.id], reason: 'the selected object is a tv, not a chair' });
    expect(ask('how far is this chair from the door', ctx({ selection: [chairB.id] }))).toMatchObject({ query: { a: chairB.id, b: door.id } });
  });
});

describe('viewpoints and relations', () => {
  it('grounds the standing and facing objects of a viewpoint', () => {
    expect(ask('what is left of the sofa if I stand by the door facing the window?', ctx())).toEqual({
      kind: 'query',
      query: { kind: 'find', relation: 'left', reference: sofa.id, view: { kind: 'objects', standBy: door.id, facing: window_.id } },
    });
  });

  it('a side with no viewpoint uses the camera, and without one says so', () => {
    expect(ask('is the tv to the left of the sofa?', ctx())).toMatchObject({ kind: 'unsupported' });
    const camera = { position: [0, -3, 1.5] as Vec3, forward: [0, 1, 0] as Vec3 };
    expect(ask('is the tv to the left of the sofa?', ctx({ camera }))).toEqual({ kind: 'query', query: { kind: 'side', side: 'left', target: tv.id, reference: sofa.id, view: { kind: 'camera' } } });
  });

  it('one object named twice is asked back, not measured against itself', () => {
    expect(ask('how far is the tv from the television', ctx())).toMatchObject({ kind: 'ambiguous', phrase: 'the television', candidates: [] });
  });
});
