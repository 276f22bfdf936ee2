// `npm run bench -- layout-model`: instruction → preview through the language model (encode, ONNX run in
// the worker, read, ground, solve), the path the host takes, on the real 65-object ScanNet++ room of the
// `layout` suite; p50 / p95 over its instructions. Peer: the grammar parser's path (parse, ground, solve)
// on the same instructions, so the ratio is what reading with the model costs over reading with the grammar.
import { editByInstruction } from '../../../app/layout/instruction/edit';
import { editFromReading } from '../../../app/layout/model/answer';
import { bundledLayoutModelPath, closeSharedLayoutModels, sharedLayoutModel } from '../../layout/layout-model-store';
import { haveMeta, metaLayouts } from '../../layout/real-rooms';
import { result, timeIt, type BenchResult } from '../result';
import { instructions, ROOM } from './layout';

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export default async function layoutModel(args: string[]): Promise<BenchResult[]> {
  if (!haveMeta()) {
    process.stderr.write('layout-model bench: ../shared/data/vsibench/scannetpp_meta_info_val.json is missing; nothing to measure\n');
    return [];
  }
  const runs = args.includes('--quick') ? 3 : 15;
  const doc = metaLayouts().get(ROOM)!;
  const list = instructions(doc);
  const model = await sharedLayoutModel(bundledLayoutModelPath());
  const ours: number[] = [];
  const peer: number[] = [];
  for (const { text, selection } of list) {
    await model.read(doc, text, selection); // warm-up
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const run = await model.read(doc, text, selection);
      editFromReading(doc, text, { selection }, run.reading);
      ours.push(performance.now() - t0);
    }
    peer.push(...timeIt(() => editByInstruction(doc, text, { selection }), { minRuns: runs, minMs: 50 }).samples);
  }
  await closeSharedLayoutModels();
  ours.sort((a, b) => a - b);
  peer.sort((a, b) => a - b);
  const label = `${doc.objects.length}-object room ${ROOM}, ${list.length} instructions, language model (CPU, worker thread)`;
  const name = 'grammar parser path (parse, ground, solve)';
  return [
    result('layout-model', label, 'instruction → preview p50', 'ms', pct(ours, 0.5), { value: pct(peer, 0.5), name, better: 'lower' }),
    result('layout-model', label, 'instruction → preview p95', 'ms', pct(ours, 0.95), { value: pct(peer, 0.95), name, better: 'lower' }),
  ];
}
