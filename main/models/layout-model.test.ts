// The committed layout language model (native-models/layout/layout.onnx) run by onnxruntime-node in
// its worker: declared shapes, readings of generated instructions (the generator's own labels, never
// the paraphrase sets), and the typed errors and grammar fallback for a missing or broken file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app/contract/errors';
import { DIRECTION_CLASSES, encodeObjects, INTENTS, NO_EDIT, QUESTION_BASE, QUESTION_TYPES, RELATION_CLASSES, RELATION_HEAD } from '../../app/layout/model/encode';
import { synthExample, type SynthExample } from '../../app/layout/model/synth';
import { syntheticRoom } from '../../app/layout/testing/synthetic-room';
import { Random } from '../../app/sample/random';
import { answerLayoutInstruction, bundledLayoutModelPath, closeSharedLayoutModels } from '../layout/layout-model-store';
import { loadLayoutTokenizer } from '../layout/synth-instructions';
import { loadLayoutModel, type LayoutLanguageModel } from './layout-model';
import { linearSegmentationModel } from './linear-model.fixture';

const tok = loadLayoutTokenizer();
const dir = mkdtempSync(join(tmpdir(), 'sw-layout-model-'));
const quiet = () => {};
const opened: LayoutLanguageModel[] = [];
afterAll(async () => {
  for (const m of opened) await m.close();
  await closeSharedLayoutModels();
});

describe('layout language model (bundled ONNX, onnxruntime-node)', () => {
  const doc = syntheticRoom();

  it('declares tokens [T], names [M, 4], objects [M, 20] and answers every head at the right length', async () => {
    const model = await loadLayoutModel(bundledLayoutModelPath(), tok, { log: quiet });
    opened.push(model);
    expect(model.provider).toBe('cpu');
    const enc = tok.encode('move the chair 50 cm to the left of the sofa');
    const objs = encodeObjects(tok, doc);
    const out = await model.run(enc.ids, objs.names, objs.features, objs.ids.length);
    expect(out.intent.length).toBe(QUESTION_BASE + QUESTION_TYPES.length);
    expect(out.relation.length).toBe(RELATION_HEAD.length);
    expect(out.target.length).toBe(doc.objects.length);
    expect(out.reference.length).toBe(doc.objects.length + 3);
    expect(out.reference2.length).toBe(doc.objects.length + 1);
    expect(out.span_start.length).toBe(enc.ids.length);
    for (const v of out.target) expect(Number.isFinite(v)).toBe(true);
  });

  it('reads generated instructions on a room it never trained on as the generator labelled them', async () => {
    const model = opened[0] ?? (await loadLayoutModel(bundledLayoutModelPath(), tok, { log: quiet }));
    const rng = new Random(2024);
    const examples: SynthExample[] = [];
    while (examples.length < 40) {
      const ex = synthExample(doc, tok, rng);
      if (ex && ex.selection.length === 0 && ex.labels.intent !== NO_EDIT) examples.push(ex);
    }
    let intent = 0;
    let target = 0;
    let relation = 0;
    for (const ex of examples) {
      const { reading } = await model.read(doc, ex.text);
      if (INTENTS[ex.labels.intent] === reading.intent) intent++;
      if (doc.objects[ex.labels.target]!.id === reading.target) target++;
      const want = RELATION_CLASSES[ex.labels.relation]!;
      const dir = DIRECTION_CLASSES[ex.labels.direction]!;
      if ((reading.relation ?? 'none') === want && (reading.direction ?? 'none') === dir) relation++;
    }
    expect(intent / examples.length).toBeGreaterThanOrEqual(0.85);
    expect(target / examples.length).toBeGreaterThanOrEqual(0.8);
    expect(relation / examples.length).toBeGreaterThanOrEqual(0.7);
  });

  it('reads text that asks for no edit as none, and the grammar then says it did not understand', async () => {
    const model = opened[0] ?? (await loadLayoutModel(bundledLayoutModelPath(), tok, { log: quiet }));
    for (const text of ['make the room nicer', 'how far is the sofa from the desk?']) {
      const { reading } = await model.read(doc, text);
      expect(reading.noEdit, text).toBeGreaterThan(0.5);
    }
    for (const text of ['make the room nicer', 'how far is the sofa from the desk?', 'thanks']) {
      const a = await answerLayoutInstruction(null, doc, text, { selection: [] });
      expect(a.edit.status, text).toBe('not_understood');
    }
  });

  it('answers a plain instruction through the host path with the parser and reason named', async () => {
    const a = await answerLayoutInstruction(null, doc, 'put the lamp on the bookshelf', { selection: [] });
    expect(a.reading).not.toBeNull();
    expect(a.edit.status).toBe('edited');
    if ('grounding' in a.edit) expect(a.edit.grounding).toMatchObject({ relation: 'on_top_of', target: { id: 5 }, reference: { id: 7 } });
    expect(a.reason).toMatch(a.edit.parser === 'model' ? /language model answered/ : /grammar parser answered/);
  });
});

describe('layout model file errors', () => {
  it('a missing file is not_found, naming it', async () => {
    const path = join(dir, 'absent.onnx');
    await expect(loadLayoutModel(path, tok, { log: quiet })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining(path) });
  });

  it('a corrupt file is bad_file, naming it', async () => {
    const path = join(dir, 'corrupt.onnx');
    writeFileSync(path, Buffer.from('this is not an onnx protobuf at all'));
    const err = await loadLayoutModel(path, tok, { log: quiet }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'bad_file', message: expect.stringContaining(path) });
  });

  it('a valid ONNX model with other inputs is bad_file saying what was expected', async () => {
    const path = join(dir, 'linear.onnx');
    writeFileSync(path, linearSegmentationModel(20, 4, 1).bytes);
    await expect(loadLayoutModel(path, tok, { log: quiet })).rejects.toMatchObject({ code: 'bad_file', message: expect.stringMatching(/expected 3 inputs \(tokens, names, objects\)/) });
  });

  it('without a loadable model the grammar parser answers and the reason says why', async () => {
    const doc = syntheticRoom();
    const path = join(dir, 'corrupt.onnx');
    const a = await answerLayoutInstruction(null, doc, 'put the lamp on the bookshelf', { selection: [] }, { modelPath: path });
    expect(a.edit.parser).toBe('grammar');
    expect(a.edit.status).toBe('edited');
    expect(a.reason).toMatch(/could not be loaded .*bad_file|could not be loaded .*not a valid ONNX model/);
    const missing = await answerLayoutInstruction(null, doc, 'put the lamp on the bookshelf', { selection: [] }, { modelPath: join(dir, 'nope.onnx') });
    expect(missing.edit.parser).toBe('grammar');
    expect(missing.reason).toMatch(/layout model not found/);
    const grammar = await answerLayoutInstruction(null, doc, 'put the lamp on the bookshelf', { selection: [] }, { parser: 'grammar' });
    expect(grammar).toMatchObject({ reading: null, edit: { parser: 'grammar' } });
  });
});
