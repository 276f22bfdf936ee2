// The superpoint transformer (native-models/segmentation) as a SegmentationModel: checks the file's
// declared inputs and outputs against what the host will feed, builds the neighbour lists with the
// same code the training data used (app/segment/superpoint-neighbours) and runs one scene.
//   inputs   features [N, FEATURE_COUNT], neighbours [N, K], clicks [C]   (float32; ids as floats)
//   outputs  logits [N, classes], affinity [N, K], prompt [N]
import { AppError } from '../../app/contract/errors';
import { FEATURE_COUNT } from '../../app/segment/features';
import { superpointNeighbours } from '../../app/segment/superpoint-neighbours';
import type { ProviderFallback } from './execution-provider';
import type { OrtSession } from './ort-session';
import type { IoSpec } from './ort-worker';
import type { ModelAnalysis, SegmentationModel } from './segmentation-model';

const shapeOf = (s: IoSpec) => `${s.type} [${s.shape.join(', ')}]`;
const isDynamic = (d: number | string | undefined) => typeof d === 'string' || (typeof d === 'number' && d < 0);

export async function transformerModel(path: string, session: OrtSession, fallbacks: ProviderFallback[], fail: (what: string) => Promise<never>): Promise<SegmentationModel> {
  const find = (list: IoSpec[], name: string) => list.find((x) => x.name === name);
  const features = find(session.inputs, 'features');
  const neighbours = find(session.inputs, 'neighbours')!;
  const clicks = find(session.inputs, 'clicks')!;
  const logits = find(session.outputs, 'logits');
  const affinity = find(session.outputs, 'affinity');
  const prompt = find(session.outputs, 'prompt');
  if (!features || features.type !== 'float32' || features.shape.length !== 2 || features.shape[1] !== FEATURE_COUNT || !isDynamic(features.shape[0])) {
    return fail(`input "features" is ${features ? shapeOf(features) : 'missing'}; expected float32 [N, ${FEATURE_COUNT}] with a dynamic N`);
  }
  const k = neighbours.shape[1];
  if (neighbours.type !== 'float32' || neighbours.shape.length !== 2 || typeof k !== 'number' || k < 1 || !isDynamic(neighbours.shape[0])) {
    return fail(`input "neighbours" is ${shapeOf(neighbours)}; expected float32 [N, K] with a fixed K`);
  }
  if (clicks.type !== 'float32' || clicks.shape.length !== 1) return fail(`input "clicks" is ${shapeOf(clicks)}; expected float32 [C]`);
  if (!logits || logits.type !== 'float32' || logits.shape.length !== 2 || typeof logits.shape[1] !== 'number') return fail(`output "logits" is ${logits ? shapeOf(logits) : 'missing'}; expected float32 [N, classes]`);
  if (!affinity || affinity.type !== 'float32' || affinity.shape.length !== 2 || affinity.shape[1] !== k) return fail(`output "affinity" is ${affinity ? shapeOf(affinity) : 'missing'}; expected float32 [N, ${k}]`);
  if (!prompt || prompt.type !== 'float32' || prompt.shape.length !== 1) return fail(`output "prompt" is ${prompt ? shapeOf(prompt) : 'missing'}; expected float32 [N]`);
  const classes = logits.shape[1];

  const analyse = async (data: Float32Array, count: number, clicked: readonly number[] = []): Promise<ModelAnalysis> => {
    if (data.length !== count * FEATURE_COUNT) throw new RangeError(`analyse: ${data.length} values for ${count} superpoints × ${FEATURE_COUNT} features`);
    if (count < 1) throw new RangeError('analyse: a scene needs at least one superpoint');
    for (const c of clicked) if (!(Number.isInteger(c) && c >= 0 && c < count)) throw new RangeError(`analyse: clicked superpoint ${c} is not in 0..${count - 1}`);
    const nbr = superpointNeighbours({ count, features: data }, k);
    // Without clicks the prompt head still needs one; its output is then dropped.
    const clickFeed = Float32Array.from(clicked.length ? clicked : [0]);
    const out = await session.run({
      features: { data, dims: [count, FEATURE_COUNT] },
      neighbours: { data: Float32Array.from(nbr), dims: [count, k] },
      clicks: { data: clickFeed, dims: [clickFeed.length] },
    });
    const l = out.logits;
    const a = out.affinity;
    const p = out.prompt;
    if (!l || l.dims[0] !== count || l.dims[1] !== classes || !a || a.dims[0] !== count || !p || p.dims[0] !== count) {
      throw new AppError('bad_file', `segmentation model ${path} answered logits [${l?.dims.join(', ')}], affinity [${a?.dims.join(', ')}], prompt [${p?.dims.join(', ')}] for ${count} superpoints`, { path });
    }
    return { logits: l.data, neighbours: nbr, affinity: a.data, prompt: clicked.length ? p.data : null };
  };
  return {
    path,
    provider: session.provider,
    fallbacks,
    input: features,
    output: logits,
    classes,
    kind: 'superpoint-transformer',
    neighbourCount: k,
    predict: async (data, count) => (await analyse(data, count)).logits,
    analyse,
    close: () => session.close(),
  };
}
