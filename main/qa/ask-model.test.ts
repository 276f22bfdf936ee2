// The committed layout model (native-models/layout/layout.onnx, onnxruntime-node) reading typed
// questions: generated questions on the hand-laid synthetic room (the generator's labels, never the
// hand-written question sets) read back by type and object, and a missing or broken model file
// leaving the question to the parser with the reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUESTION_BASE, QUESTION_TYPES } from '../../app/layout/model/encode';
import { Namer } from '../../app/layout/model/synth';
import { synthQuestion } from '../../app/layout/model/synth-questions';
import { syntheticRoom } from '../../app/layout/testing/synthetic-room';
import { Random } from '../../app/sample/random';
import { bundledLayoutModelPath, closeSharedLayoutModels } from '../layout/layout-model-store';
import { loadLayoutTokenizer } from '../layout/synth-instructions';
import { readQuestionWithModel } from './ask-model';

const tok = loadLayoutTokenizer();
afterAll(() => closeSharedLayoutModels());

describe('typed questions read by the layout model (bundled ONNX, onnxruntime-node)', () => {
  const doc = syntheticRoom();

  it('reads generated questions on a room it never trained on as the generator labelled them', async () => {
    const rng = new Random(77);
    const namer = new Namer(doc, rng);
    let n = 0;
    let type = 0;
    let target = 0;
    while (n < 40) {
      const ex = synthQuestion(doc, tok, rng, namer);
      if (!ex || ex.selection.length > 0) continue;
      n++;
      const { reading } = await readQuestionWithModel(null, doc, ex.text, [], bundledLayoutModelPath());
      expect(reading).not.toBeNull();
      if (reading!.type === QUESTION_TYPES[ex.labels.intent - QUESTION_BASE]) type++;
      const want = doc.objects[ex.labels.target]!;
      if (ex.labels.intent === QUESTION_BASE + QUESTION_TYPES.indexOf('count') ? doc.objects.find((o) => o.id === reading!.target)!.category === want.category : reading!.target === want.id) target++;
      expect(reading!.question).toBeGreaterThan(0);
    }
    expect(type / n).toBeGreaterThan(0.8);
    expect(target / n).toBeGreaterThan(0.6);
  });

  it('gives no reading, with the reason, for a missing or broken model file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-ask-model-'));
    const missing = await readQuestionWithModel(null, doc, 'how far is the sofa from the desk?', [], join(dir, 'none.onnx'));
    expect(missing.reading).toBeNull();
    expect(missing.reason).toMatch(/not found/);
    const broken = join(dir, 'layout.onnx');
    writeFileSync(broken, 'not an onnx file');
    const bad = await readQuestionWithModel(null, doc, 'how far is the sofa from the desk?', [], broken);
    expect(bad.reading).toBeNull();
    expect(bad.reason).toMatch(/could not be used.*not a valid ONNX model/);
  });
});
