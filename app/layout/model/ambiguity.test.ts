// A reading that names one of several same-category objects without anything in the text that tells
// them apart is ambiguous (grounding never guesses); a selection word, a size word or an anchor settles it.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../build';
import { item } from '../testing/synthetic-room';
import { readingAmbiguity, textNames } from './ambiguity';
import type { ModelReading } from './decode';

const doc = buildDocument('two-plants', 'boxes', [item(1, 'plant', [1, 1, 0.3], [0.3, 0.3, 0.6]), item(2, 'plant', [3, 1, 0.4], [0.5, 0.5, 0.8]), item(3, 'bed', [2, 3, 0.3], [1.6, 2, 0.6]), item(4, 'window', [2, 3.97, 1.5], [1.2, 0.06, 1])], {
  polygon: [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
  ],
  method: 'test',
  floorZ: 0,
  ceilingZ: 2.6,
});
const reading = { intent: 'place', target: 1, relation: 'next_to', reference: { kind: 'object', id: 3 }, reference2: null } as unknown as ModelReading;

describe('readingAmbiguity', () => {
  it('asks back when two plants fit and nothing tells them apart', () => {
    expect(readingAmbiguity(doc, 'move the plant next to the bed', reading, [])).toEqual({ id: 1, category: 'plant', candidates: [1, 2] });
  });
  it('is settled by a size word, an anchor, or a selection word for the selected one', () => {
    expect(readingAmbiguity(doc, 'move the small plant next to the bed', reading, [])).toBeNull();
    expect(readingAmbiguity(doc, 'move the plant by the window next to the bed', reading, [])).toBeNull();
    expect(readingAmbiguity(doc, 'move it next to the bed', reading, [1])).toBeNull();
    expect(readingAmbiguity(doc, 'move it next to the bed', reading, [2])).not.toBeNull();
  });
  it('never questions an object that is the only one of its kind', () => {
    expect(readingAmbiguity(doc, 'put the bed next to the plant', { ...reading, target: 3, reference: { kind: 'object', id: 4 } } as ModelReading, [])).toBeNull();
  });
  it('says whether the text names an object: category, typo, selection word', () => {
    expect(textNames(doc, 'put the plant by the bed', 1, [])).toBe(true);
    expect(textNames(doc, 'put the plnat by the bed', 1, [])).toBe(true);
    expect(textNames(doc, 'thanks', 1, [])).toBe(false);
    expect(textNames(doc, 'move it left', 1, [1])).toBe(true);
    expect(textNames(doc, 'move it left', 1, [])).toBe(false);
  });
});
