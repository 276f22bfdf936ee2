// Writes segmentation training examples as plain .npy files the Python trainer reads
// (native-models/segmentation/data.py): one folder per example with
//   features.npy   float32 [N, FEATURE_COUNT]   (app/segment/features, layout FEATURE_LAYOUT_VERSION)
//   neighbours.npy int32   [N, K]               (app/segment/superpoint-neighbours)
//   semantic.npy   int32   [N]                   ScanNet-20 class, -1 ignored
//   instance.npy   int32   [N]                   instance id, -1 none
//   meta.json      what the example is (source, seed, room type, counts, superpoint method)
// The superpoints and features come from sceneSuperpointFeatures, the call inference makes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeNpy } from '../../app/formats/npy';
import { readScanNetFolder, type ScanNetFiles } from '../../app/formats/scannet';
import { simulateScan, type SimRoomType } from '../../app/sample/scan-sim';
import { FEATURE_COUNT, FEATURE_LAYOUT_VERSION } from '../../app/segment/features';
import { scannet20FromNyu40 } from '../../app/segment/scannet20';
import { sceneSuperpointFeatures, type SceneSuperpointOptions } from '../../app/segment/scene-superpoints';
import { trainingSample, type TrainingSample } from '../../app/segment/training-sample';

export interface ExampleMeta {
  name: string;
  source: string;
  points: number;
  superpoints: number;
  method: string;
  seed?: number;
  roomType?: string;
}

export function writeExample(outDir: string, sample: TrainingSample, meta: ExampleMeta): void {
  const dir = join(outDir, meta.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'features.npy'), writeNpy({ shape: [sample.count, FEATURE_COUNT], data: sample.features }));
  writeFileSync(join(dir, 'neighbours.npy'), writeNpy({ shape: [sample.count, sample.neighbourCount], data: sample.neighbours }));
  writeFileSync(join(dir, 'semantic.npy'), writeNpy({ shape: [sample.count], data: sample.semantic }));
  writeFileSync(join(dir, 'instance.npy'), writeNpy({ shape: [sample.count], data: sample.instance }));
  // meta.json last: the trainer takes a folder with meta.json as complete.
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, featureLayoutVersion: FEATURE_LAYOUT_VERSION }, null, 1));
}

export interface SimulatedExampleOptions {
  rays?: number;
  roomType?: SimRoomType;
}

/** One simulated room → one example named `sim-<seed>`. */
export function simulatedExample(seed: number, options: SimulatedExampleOptions = {}): { sample: TrainingSample; meta: ExampleMeta } {
  const sim = simulateScan({ seed, ...(options.rays ? { rays: options.rays } : {}), ...(options.roomType ? { roomType: options.roomType } : {}) });
  const { positions, colors, instanceIds } = sim.scene;
  const { superpoints, features } = sceneSuperpointFeatures({ positions, colors });
  const sample = trainingSample(features, superpoints.ids, sim.semantic, instanceIds);
  return { sample, meta: { name: `sim-${seed}`, source: sim.scene.source, seed, roomType: sim.roomType, points: positions.length / 3, superpoints: features.count, method: superpoints.method } };
}

/** Superpoint variants a real mesh is exported with: the inference path first, then coarser/finer and point-cloud ones. */
export const SCANNET_VARIANTS: ReadonlyArray<{ suffix: string; options: SceneSuperpointOptions; points?: boolean }> = [
  { suffix: 'mesh', options: {} },
  { suffix: 'mesh-k005', options: { mesh: { kThresh: 0.005 } } },
  { suffix: 'mesh-k02', options: { mesh: { kThresh: 0.02 } } },
  { suffix: 'points', options: {}, points: true },
];

/**
 * A ScanNet scene folder → examples (one per superpoint variant). Semantic labels come from
 * labels.ply through the label table; instances from the aggregation when the folder has one.
 */
export function scanNetExamples(sceneDir: string): Array<{ sample: TrainingSample; meta: ExampleMeta }> {
  const sceneId = basename(sceneDir);
  const meta = join(sceneDir, '..', 'meta');
  const file = (name: string) => join(sceneDir, name);
  const optional = (name: string) => (existsSync(file(name)) ? readFileSync(file(name)) : undefined);
  const files: ScanNetFiles = { mesh: new Uint8Array(readFileSync(file(`${sceneId}_vh_clean_2.ply`))) };
  const segs = optional(`${sceneId}_vh_clean_2.0.010000.segs.json`);
  const aggregation = optional(`${sceneId}.aggregation.json`);
  const labels = optional(`${sceneId}_vh_clean_2.labels.ply`);
  if (segs) files.segs = segs.toString('utf8');
  if (aggregation) files.aggregation = aggregation.toString('utf8');
  if (labels) files.labelsPly = new Uint8Array(labels);
  if (existsSync(join(meta, 'scannetv2-labels.combined.tsv'))) files.labelTable = readFileSync(join(meta, 'scannetv2-labels.combined.tsv'), 'utf8');
  const matricesPath = join(meta, 'scans_axis_alignment_matrices.json');
  if (existsSync(matricesPath)) {
    const matrices = JSON.parse(readFileSync(matricesPath, 'utf8')) as Record<string, number[]>;
    if (matrices[sceneId]) files.axisAlignment = matrices[sceneId];
  }
  // Without an aggregation the labels.ply holds nyu40 ids (scene0470_00); with one, raw ScanNet ids.
  const scan = readScanNetFolder(files, { sceneId, labelIds: aggregation ? 'raw' : 'nyu40' });
  const { mesh } = scan;
  const n = mesh.vertexCount;
  if (!scan.semantic?.nyu40) throw new Error(`${sceneDir}: no semantic labels (labels.ply) to train on`);
  const semantic = Int32Array.from(scan.semantic.nyu40, scannet20FromNyu40);
  const instance = aggregation ? scan.instanceIds : null;
  const colors = mesh.colors ?? new Uint8Array(3 * n).fill(160);
  return SCANNET_VARIANTS.map((v) => {
    const source = v.points ? { positions: mesh.positions, colors } : { positions: mesh.positions, colors, ...(mesh.faces ? { faces: mesh.faces } : {}) };
    const { superpoints, features } = sceneSuperpointFeatures(source, v.options);
    const sample = trainingSample(features, superpoints.ids, semantic, instance);
    return { sample, meta: { name: `${sceneId}-${v.suffix}`, source: sceneDir, points: n, superpoints: features.count, method: `${superpoints.method}${v.suffix.startsWith('mesh-') ? ` ${v.suffix.slice(5)}` : ''}` } };
  });
}
