// `scenewright segment <file or folder>`: instances of a scan, from the segmentation model given with
// --model when present, else the model shipped in native-models/segmentation, else (or with --fallback)
// the geometric fallback; says which answered. No database needed.
import { basename, resolve } from 'node:path';
import { loadScene } from '../../../app/scene/load';
import { sceneNameOf } from '../../import/import-scene';
import { readSceneInput } from '../../import/read-input';
import { segmentScene } from '../../segment/segment-scene';
import { parseCommandLine, UsageError } from '../args';
import type { RunCommand } from '../command';
import { createProgressBar } from '../progress-bar';
import { parseUpAxis } from './up-axis-flag';

const FLAGS = {
  model: { type: 'string' },
  fallback: { type: 'boolean' },
  'up-axis': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const run: RunCommand = async (argv, io) => {
  const { values, positionals } = parseCommandLine(argv, FLAGS);
  if (positionals.length !== 1) throw new UsageError('segment expects one scene file or folder');
  const upAxis = parseUpAxis(values['up-axis']);
  const path = resolve(positionals[0]!);
  const read = await readSceneInput(path);
  const { scene, scan } = loadScene(read.input, { id: 'segment', name: sceneNameOf(path), source: path, ...(upAxis ? { upAxis } : {}) });
  const bar = createProgressBar(io);
  const started = performance.now();
  const result = await segmentScene(
    { scene, ...(scan.faces ? { faces: scan.faces } : {}), ...(scan.superpoints ? { superpoints: scan.superpoints } : {}) },
    {
      ...(values.model ? { modelPath: resolve(values.model) } : {}),
      // --fallback: the geometric rules only, even when a model is installed.
      ...(values.fallback ? { bundledModel: false as const } : {}),
      onProgress: (p) => bar.update(p.label, p.done, p.total),
      modelOptions: { log: (m) => io.err(`${m}\n`) },
    },
  );
  bar.finish();
  const report = {
    file: path,
    source: result.source,
    reason: result.reason,
    ...(result.provider ? { provider: result.provider } : {}),
    points: scene.positions.length / 3,
    superpoints: result.superpointCount,
    instances: result.instances.map((i) => ({ id: i.id, label: i.label, pointCount: i.pointCount, confidence: Number(i.confidence.toFixed(4)) })),
    ms: Math.round(performance.now() - started),
  };
  if (values.json) {
    io.out(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const byLabel = new Map<string, number>();
  for (const i of report.instances) byLabel.set(i.label, (byLabel.get(i.label) ?? 0) + 1);
  io.out(
    `${basename(path)}: ${report.instances.length} instances (${[...byLabel].map(([l, n]) => `${l} ×${n}`).join(', ')}) from ${report.superpoints} superpoints in ${report.ms} ms\n` +
      `answered by: ${result.source === 'model' ? `model (${result.reason})` : result.reason}\n`,
  );
  return 0;
};
