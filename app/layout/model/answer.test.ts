// The model / grammar arbitration (answer.ts) on the hand-laid room, with the real grammar and solver
// and a model reading written out (the rule is what is under test, not the network).
import { describe, expect, it } from 'vitest';
import { syntheticRoom } from '../testing/synthetic-room';
import { answerInstruction, MODEL_CONFIDENCE, MODEL_FALLBACK_CONFIDENCE } from './answer';
import type { ModelReading } from './decode';

const doc = syntheticRoom();
const SOFA = 1, CHAIR = 6;
const reading = (confidence: number): ModelReading => ({
  intent: 'place',
  target: CHAIR,
  relation: 'next_to',
  reference: { kind: 'object', id: SOFA },
  reference2: null,
  direction: null,
  frame: 'object',
  unit: 'none',
  numberText: null,
  amount: null,
  degrees: null,
  probabilities: { intent: confidence },
  confidence,
  noEdit: 0.01,
});
const answer = (text: string, confidence: number) => answerInstruction(doc, text, { selection: [] }, { reading: reading(confidence), ms: 0 });

describe('which reader answers', () => {
  // The grammar has no verb for this phrasing: not understood.
  const odd = 'could the chair keep the sofa company';

  it('a sure model answers', () => {
    const a = answer('put the chair next to the sofa', MODEL_CONFIDENCE + 0.1);
    expect(a.edit.parser).toBe('model');
    expect(a.reason).toMatch(/^the language model answered/);
  });

  it('an unsure model gives way to a grammar that grounds the instruction', () => {
    const a = answer('put the chair next to the sofa', MODEL_CONFIDENCE - 0.1);
    expect(a.edit.parser).toBe('grammar');
    expect('grounding' in a.edit).toBe(true);
    expect(a.reason).toMatch(/was unsure .*; the grammar parser answered$/);
  });

  it('where the grammar cannot ground it, a model above the fallback threshold answers', () => {
    const a = answer(odd, (MODEL_CONFIDENCE + MODEL_FALLBACK_CONFIDENCE) / 2);
    expect(a.edit.parser).toBe('model');
    expect(a.edit.status).toBe('edited');
    expect(a.reason).toMatch(/^the grammar parser could not ground it \(not_understood\); the language model answered/);
  });

  it('below the fallback threshold the grammar\'s non-answer stands', () => {
    const a = answer(odd, MODEL_FALLBACK_CONFIDENCE - 0.1);
    expect(a.edit.parser).toBe('grammar');
    expect(a.edit.status).toBe('not_understood');
    expect(a.reason).toMatch(/was unsure \(confidence 0\.20 < 0\.3\); the grammar parser answered$/);
  });

  it('a model reading whose target the text does not name never answers, however sure', () => {
    const a = answerInstruction(doc, 'could the lamp keep the sofa company', { selection: [] }, { reading: reading(0.95), ms: 0 });
    expect(a.edit.parser).toBe('grammar');
    expect(a.reason).toMatch(/picked an object the instruction does not name/);
  });
});
