import { describe, expect, it } from 'vitest';
import { canonicalCategory, singular } from './lexicon';
import { parseQuestion } from './parse';
import type { ObjectRef, ParsedQuery } from './types';

const q = (text: string): ParsedQuery => {
  const r = parseQuestion(text);
  if (r.kind !== 'parsed') throw new Error(`not parsed: ${text} (${r.reason})`);
  return r.query;
};
const cat = (category: string, attributes: unknown[] = []) => expect.objectContaining({ kind: 'category', category, attributes });
const sel = (index: number, category?: string) => expect.objectContaining({ kind: 'selection', index, ...(category ? { category } : {}) });
const catOf = (r: ObjectRef) => (r.kind === 'category' ? r.category : `#${r.index}`);

describe('lexicon', () => {
  it('singularises plurals and maps synonyms to one category', () => {
    expect(['chairs', 'shelves', 'boxes', 'benches', 'libraries', 'glass', 'bus'].map(singular)).toEqual(['chair', 'shelf', 'box', 'bench', 'library', 'glass', 'bus']);
    expect(canonicalCategory('Couches')).toBe('sofa');
    expect(canonicalCategory('television')).toBe('tv');
    expect(canonicalCategory('bedside tables')).toBe('nightstand');
    expect(canonicalCategory('kitchen cabinets')).toBe('kitchen cabinet');
    expect(canonicalCategory('trashcan')).toBe('trash can');
  });
});

describe('counting', () => {
  it.each([
    ['how many chairs are there?', 'chair'],
    ['How many chairs are in this room?', 'chair'],
    ['how many chair(s) are in the room', 'chair(s)'],
    ['How many couches do you see?', 'sofa'],
    ['count the pillows', 'pillow'],
    ['number of kitchen cabinets', 'kitchen cabinet'],
    ['Can you tell me how many trash cans there are in the room?', 'trash can'],
  ])('%s', (text, category) => {
    const r = parseQuestion(text);
    if (category === 'chair(s)') return expect(r.kind).toBe('parsed');
    expect(q(text)).toMatchObject({ kind: 'count', category });
  });
});

describe('distance', () => {
  it.each([
    'how far is the sofa from the tv?',
    'How far is the couch from the television',
    "what's the distance between the sofa and the tv?",
    'distance from the sofa to the TV',
    'How far away is the sofa from the tv?',
    'measure the distance between the sofa and the tv',
    'Could you measure the distance from the sofa to the tv, please?',
    'how close is the sofa to the tv',
  ])('%s', (text) => {
    const d = q(text);
    expect(d).toMatchObject({ kind: 'distance', a: cat('sofa'), b: cat('tv') });
  });

  it('reads selection words: this/that, these two, them', () => {
    expect(q('how far is this from that?')).toMatchObject({ kind: 'distance', a: sel(0), b: sel(1) });
    expect(q('How far apart are these two?')).toMatchObject({ kind: 'distance', a: sel(0), b: sel(1) });
    expect(q('what is the distance between them')).toMatchObject({ kind: 'distance', a: sel(0), b: sel(1) });
    expect(q('how far is this chair from the door')).toMatchObject({ kind: 'distance', a: sel(0, 'chair'), b: cat('door') });
    expect(q('how far apart are the bed and the desk')).toMatchObject({ kind: 'distance', a: cat('bed'), b: cat('desk') });
  });

  it('keeps attributes on each side', () => {
    const d = q('how far is the small brown table by the window from the big lamp?');
    expect(d).toMatchObject({
      kind: 'distance',
      a: cat('table', [{ kind: 'color', color: 'brown' }, { kind: 'size', size: 'small' }, { kind: 'near', anchor: cat('window') }]),
      b: cat('lamp', [{ kind: 'size', size: 'big' }]),
    });
  });
});

describe('size', () => {
  it.each([
    ['how big is the table?', 'all'],
    ['How large is the bed', 'all'],
    ['what is the size of the table', 'all'],
    ['what are the dimensions of the desk', 'all'],
    ['how tall is the bookshelf', 'height'],
    ['what is the height of the fridge?', 'height'],
    ['how long is the sofa', 'length'],
    ['how wide is the door', 'width'],
  ])('%s', (text, dimension) => {
    expect(q(text)).toMatchObject({ kind: 'size', dimension });
  });

  it('takes "this" for the selected object', () => {
    expect(q('how big is this?')).toMatchObject({ kind: 'size', target: sel(0) });
  });
});

describe('relations', () => {
  it.each([
    ['is the lamp on the nightstand?', 'on', 'lamp', 'nightstand'],
    ['Is the lamp on top of the bedside table', 'on', 'lamp', 'nightstand'],
    ['is the picture above the bed', 'above', 'picture', 'bed'],
    ['is the rug under the table', 'under', 'rug', 'table'],
    ['is the cat underneath the table?', 'under', 'cat', 'table'],
    ['is the box below the shelf', 'below', 'box', 'shelf'],
    ['is the chair next to the desk', 'next_to', 'chair', 'desk'],
    ['is the chair beside the desk', 'next_to', 'chair', 'desk'],
    ['is the chair by the desk', 'next_to', 'chair', 'desk'],
    ['is the plant near the window', 'near', 'plant', 'window'],
    ['is the plant close to the window', 'near', 'plant', 'window'],
    ['is the bin far from the door', 'far', 'trash can', 'door'],
    ['is the cup inside the cabinet', 'inside', 'cup', 'cabinet'],
    ['are the shoes in the closet', 'inside', 'shoe', 'closet'],
  ])('%s', (text, relation, a, b) => {
    const r = q(text);
    expect(r.kind).toBe('relation');
    if (r.kind !== 'relation') return;
    expect([r.relation, catOf(r.a), catOf(r.b)]).toEqual([relation, a, b]);
  });

  it('between takes two references', () => {
    expect(q('is the table between the sofa and the tv?')).toMatchObject({ kind: 'relation', relation: 'between', a: cat('table'), b: cat('sofa'), c: cat('tv') });
  });

  it('an object phrase with "by" stays one object when the relation comes later', () => {
    expect(q('is the lamp by the window on the desk')).toMatchObject({ kind: 'relation', relation: 'on', a: cat('lamp', [{ kind: 'near', anchor: cat('window') }]), b: cat('desk') });
    expect(q('is the lamp on the nightstand by the bed')).toMatchObject({ kind: 'relation', relation: 'on', a: cat('lamp'), b: cat('nightstand', [{ kind: 'near', anchor: cat('bed') }]) });
  });
});

describe('sides and viewpoints', () => {
  it('what is left of the bed if I stand by the door facing the window', () => {
    expect(q('what is left of the bed if I stand by the door facing the window?')).toEqual({
      kind: 'find',
      relation: 'left',
      reference: { kind: 'category', phrase: 'the bed', category: 'bed', attributes: [] },
      view: { kind: 'objects', standBy: { kind: 'category', phrase: 'the door', category: 'door', attributes: [] }, facing: { kind: 'category', phrase: 'the window', category: 'window', attributes: [] } },
    });
  });

  it.each([
    "If I'm standing by the door and facing the window, what is to the left of the bed?",
    'if i am standing by the door, facing the window, what is on the left of the bed',
    'standing by the door facing the window, what is left of the bed?',
    'what is to the left of the bed when I stand at the door and look at the window',
    'From the door facing the window, what is left of the bed?',
  ])('%s', (text) => {
    expect(q(text)).toMatchObject({ kind: 'find', relation: 'left', reference: cat('bed'), view: { kind: 'objects', standBy: cat('door'), facing: cat('window') } });
  });

  it('yes/no sides: of an object, of the observer, and from the camera', () => {
    expect(q('is the sofa to the right of the tv if I stand by the door facing the window')).toMatchObject({ kind: 'side', side: 'right', target: cat('sofa'), reference: cat('tv'), view: { kind: 'objects' } });
    expect(q('is the lamp behind the sofa from here?')).toMatchObject({ kind: 'side', side: 'behind', target: cat('lamp'), reference: cat('sofa'), view: { kind: 'camera' } });
    expect(q('if I stand by the bed facing the door, is the desk to my left?')).toMatchObject({ kind: 'side', side: 'left', target: cat('desk'), view: { kind: 'objects', standBy: cat('bed'), facing: cat('door') } });
    expect(q('is the chair in front of the desk')).toMatchObject({ kind: 'side', side: 'front', target: cat('chair'), reference: cat('desk') });
    expect(q('what is on the table?')).toMatchObject({ kind: 'find', relation: 'on', reference: cat('table') });
    expect(q('how far is the left chair from the door')).toMatchObject({ a: cat('chair', [{ kind: 'side', side: 'left' }]) });
    expect(q('how far is the chair on the right from the door')).toMatchObject({ a: cat('chair', [{ kind: 'side', side: 'right' }]) });
  });
});

describe('what it does not understand', () => {
  it.each(['hello', 'why is the sky blue', '', 'how far'])('%j is unsupported, with a reason', (text) => {
    const r = parseQuestion(text);
    expect(r.kind).toBe('unsupported');
    if (r.kind === 'unsupported') expect(r.reason.length).toBeGreaterThan(5);
  });
});
