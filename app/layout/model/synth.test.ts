// The training-data generator on the hand-laid synthetic room with the shared vocabulary: labels
// point at real rows, every number span reads back as a number, the same seed gives the same data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Random } from '../../sample/random';
import { syntheticRoom } from '../testing/synthetic-room';
import { LayoutTokenizer } from '../tokenizer';
import { INTENTS, MAX_TOKENS, NO_EDIT, REFERENCE_EXTRA, UNIT_CLASSES } from './encode';
import { numberFromText, spanText } from './span-number';
import { synthExample, type SynthExample } from './synth';

const tok = LayoutTokenizer.fromJson(JSON.parse(readFileSync(new URL('../../../native-models/layout/vocab.json', import.meta.url), 'utf8')) as unknown);
const doc = syntheticRoom();

function draw(seed: number, n: number): SynthExample[] {
  const rng = new Random(seed);
  const out: SynthExample[] = [];
  while (out.length < n) {
    const ex = synthExample(doc, tok, rng);
    if (ex) out.push(ex);
  }
  return out;
}

describe('layout instruction generator', () => {
  const examples = draw(3, 300);

  it('labels movable targets and references inside the room (objects, then room / wall / none)', () => {
    const m = doc.objects.length;
    const edits = examples.filter((e) => e.labels.intent !== NO_EDIT);
    expect(edits.length).toBeLessThan(examples.length);
    for (const ex of examples.filter((e) => e.labels.intent === NO_EDIT)) expect(ex.labels).toMatchObject({ target: -100, reference: -100, span: [-100, -100] });
    for (const ex of edits) {
      expect(ex.tokens.length).toBeLessThan(MAX_TOKENS);
      expect(doc.objects[ex.labels.target]!.movable).toBe(true);
      expect(ex.labels.reference).toBeGreaterThanOrEqual(0);
      expect(ex.labels.reference).toBeLessThan(m + REFERENCE_EXTRA.length);
      expect(ex.labels.reference).not.toBe(ex.labels.target);
      expect(ex.labels.reference2).toBeLessThanOrEqual(m);
      for (const s of ex.selection) expect(s).toBe(ex.labels.target);
    }
    expect(new Set(edits.map((e) => INTENTS[e.labels.intent])).size).toBe(INTENTS.length);
  });

  it('marks number spans that read back as numbers, and only where the unit needs one', () => {
    let spans = 0;
    for (const ex of examples) {
      const unit = UNIT_CLASSES[ex.labels.unit]!;
      const [s, e] = ex.labels.span;
      if (ex.labels.intent === NO_EDIT) continue;
      const needs = ['mm', 'cm', 'm', 'ft', 'in', 'deg'].includes(unit);
      expect(s >= 0).toBe(needs);
      if (!needs) continue;
      spans++;
      const tokens = tok.encode(ex.text).tokens;
      const value = numberFromText(spanText(tokens.slice(s, e + 1)));
      expect(value, `${ex.text} → ${tokens.slice(s, e + 1).join(' ')}`).not.toBeNull();
    }
    expect(spans).toBeGreaterThan(30);
  });

  it('is reproducible from its seed and varies with it', () => {
    expect(draw(3, 40).map((e) => e.text)).toEqual(examples.slice(0, 40).map((e) => e.text));
    expect(draw(4, 40).map((e) => e.text)).not.toEqual(examples.slice(0, 40).map((e) => e.text));
  });
});
