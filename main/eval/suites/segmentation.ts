// `npm run eval -- segmentation [scene folder] [--model f.onnx] [--json]`: segmentation quality on a
// real ScanNet scene against its annotation.
//
// Ground truth: the folder is read with readScanNetFolder, axis-aligned with the scene's matrix from
// meta/scans_axis_alignment_matrices.json. Semantic classes are ScanNet-20 (app/segment/scannet20):
// each vertex's raw label id (labels.ply) maps to a nyu40 id through meta/scannetv2-labels.combined.tsv,
// and the nyu40 id to its ScanNet-20 class; nyu40 ids outside ScanNet-20 (and 0, unannotated) are
// ignored, as in the benchmark. Instances are the aggregation's objects whose label maps (same
// table) to a ScanNet-20 class other than wall and floor, the benchmark's 18 instance classes.
//
// Metrics:
// - miou: semantic IoU averaged over the ScanNet-20 classes present in the scene. The geometric
//   fallback predicts only wall and floor; its 'object' points carry no class and count as misses.
// - ap50: instance AP at IoU 0.5, class-agnostic (the fallback's objects have no class), predictions
//   ranked by confidence; floor and wall predictions are left out.
// - click_iou: mean IoU of the click-to-object mask (promptMask) from one click at each instance's
//   most interior point (farthest from its boundary).
// - clicks_to_80: mean number of clicks to reach IoU 0.8, each further click toggling the superpoint
//   holding most of the largest error region, capped at 10 (an instance never reaching 0.8 counts 10).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readScanNetFolder } from '../../../app/formats/scannet';
import type { ScanNetFiles } from '../../../app/formats/scannet';
import type { PointScene } from '../../../app/scene/types';
import { clickPoints, evaluateClicks } from '../../../app/segment/click-eval';
import { averagePrecision, overlaps, semanticIou } from '../../../app/segment/instance-metrics';
import { SCANNET20, SCANNET20_FLOOR, SCANNET20_INSTANCE_CLASSES, SCANNET20_WALL, scannet20FromNyu40 } from '../../../app/segment/scannet20';
import { simulateScan } from '../../../app/sample/scan-sim';
import { result, type BenchResult } from '../../bench/result';
import { sharedDataDir } from '../../launch/paths';
import { segmentScene, type SceneSegmentation } from '../../segment/segment-scene';

export interface SegmentationScores {
  miou: number;
  ap50: number;
  click_iou: number;
  clicks_to_80: number;
}

export default async function segmentation(args: string[]): Promise<BenchResult[]> {
  const json = args.includes('--json');
  const modelAt = args.indexOf('--model');
  const modelPath = modelAt >= 0 ? args[modelAt + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && (modelAt < 0 || i !== modelAt + 1));
  const simRange = /^sim:(\d+)-(\d+)$/.exec(positional[0] ?? '');
  if (simRange) return simulatedSuite(Number(simRange[1]), Number(simRange[2]), modelPath, json);
  const sceneDir = positional[0] ?? join(sharedDataDir(), 'scannet/scene0000_00');
  const { scores, source, details } = await evaluateScanNetScene(sceneDir, modelPath);
  if (json) {
    // Machine-readable: one object, nothing else on stdout.
    process.stdout.write(`${JSON.stringify(scores)}\n`);
    return [];
  }
  const scene = basename(sceneDir);
  const name = `${scene} (${source})`;
  return [
    result('segmentation', name, `semantic mIoU, ScanNet-20 (${details.semanticClasses} classes present)`, 'fraction', scores.miou, null),
    result('segmentation', name, `instance AP@50, class-agnostic (${details.instances} instances)`, 'fraction', scores.ap50, null),
    result('segmentation', name, 'single-click mask IoU', 'fraction', scores.click_iou, null),
    result('segmentation', name, 'clicks to IoU 0.8 (cap 10)', 'clicks', scores.clicks_to_80, null),
  ];
}

/** `fallback`: score the geometric fallback even when a model is installed. */
export async function evaluateScanNetScene(sceneDir: string, modelPath?: string, options: { fallback?: boolean; affinityThreshold?: number } = {}) {
  const sceneId = basename(sceneDir);
  const meta = join(sceneDir, '..', 'meta');
  const file = (name: string) => join(sceneDir, name);
  const files: ScanNetFiles = {
    mesh: new Uint8Array(readFileSync(file(`${sceneId}_vh_clean_2.ply`))),
    segs: readFileSync(file(`${sceneId}_vh_clean_2.0.010000.segs.json`), 'utf8'),
    aggregation: readFileSync(file(`${sceneId}.aggregation.json`), 'utf8'),
    labelsPly: new Uint8Array(readFileSync(file(`${sceneId}_vh_clean_2.labels.ply`))),
    labelTable: readFileSync(join(meta, 'scannetv2-labels.combined.tsv'), 'utf8'),
  };
  const matrices = JSON.parse(readFileSync(join(meta, 'scans_axis_alignment_matrices.json'), 'utf8')) as Record<string, number[]>;
  if (matrices[sceneId]) files.axisAlignment = matrices[sceneId];
  const scan = readScanNetFolder(files, { sceneId });
  const { mesh } = scan;
  if (!mesh.faces) throw new Error(`${sceneId}: expected a mesh with faces`);
  const n = mesh.vertexCount;

  const semanticTruth = Int32Array.from(scan.semantic?.nyu40 ?? new Int32Array(n), scannet20FromNyu40);
  const instanceClass = new Map(scan.instances.map((i) => [i.id, i.nyu40id === undefined ? -1 : scannet20FromNyu40(i.nyu40id)]));
  const targets = scan.instances.filter((i) => {
    const c = instanceClass.get(i.id)!;
    return c >= 0 && c !== SCANNET20_WALL && c !== SCANNET20_FLOOR && i.pointCount > 0;
  });
  // Instance truth restricted to the evaluated instances; others are "none".
  const targetIds = new Set(targets.map((t) => t.id));
  const instanceTruth = scan.instanceIds.map((id) => (targetIds.has(id) ? id : -1));

  const scene: PointScene = {
    id: sceneId,
    name: sceneId,
    source: sceneDir,
    format: 'scannet',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: mesh.positions,
    colors: mesh.colors ?? new Uint8Array(3 * n).fill(160),
    instanceIds: scan.instanceIds,
    instances: scan.instances.map((i) => ({ id: i.id, label: i.label })),
  };
  const seg = await segmentScene({ scene, faces: mesh.faces }, { ...(modelPath ? { modelPath } : {}), ...(options.fallback ? { bundledModel: false as const } : {}), ...(options.affinityThreshold !== undefined ? { affinityThreshold: options.affinityThreshold } : {}) });
  const { scores, semantic, clicks } = await scoreSegmentation({ positions: mesh.positions, faces: mesh.faces, seg, semanticTruth, instanceTruth, targets: [...targetIds] });
  const semanticClasses = new Set(semanticTruth.filter((c) => c >= 0)).size;
  return { scores, source: seg.source, details: { semanticClasses, instances: targetIds.size, perClass: semantic.perClass, clicks: clicks.perInstance } };
}

export interface ScoreInput {
  positions: Float32Array;
  faces?: Uint32Array;
  seg: SceneSegmentation;
  /** ScanNet-20 class per point, -1 ignored. */
  semanticTruth: Int32Array;
  /** Evaluated instance id per point, -1 none. */
  instanceTruth: Int32Array;
  targets: number[];
}

/** The four scores of one segmented scene against its truth. Clicks ask the segmentation's own promptMask. */
export async function scoreSegmentation(input: ScoreInput) {
  const { positions, faces, seg, semanticTruth, instanceTruth, targets } = input;
  // Semantic: instance label → ScanNet-20 class ('object' has none).
  const classOfLabel = new Map(SCANNET20.map((c, i) => [c.name, i]));
  const labelClass = seg.instances.map((i) => classOfLabel.get(i.label) ?? -1);
  const semanticPred = seg.instanceIds.map((id) => (id >= 0 ? labelClass[id]! : -1));
  const semantic = semanticIou(semanticPred, semanticTruth, SCANNET20.length);

  const table = overlaps(seg.instanceIds, instanceTruth);
  const predictions = seg.instances.filter((i) => i.label !== 'wall' && i.label !== 'floor').map((i) => ({ id: i.id, confidence: i.confidence }));
  const ap50 = averagePrecision(table, predictions, targets, 0.5);

  // Click-to-object: the segmentation's promptMask (the model's prompt head, or the geometric rule) answers the first click.
  const { superpoints, features } = seg;
  const firstClicks = clickPoints({ positions, truth: instanceTruth, targets, ...(faces ? { faces } : {}) });
  const masks = new Map<number, number[]>();
  for (const [g, point] of firstClicks) masks.set(g, await seg.promptMask([superpoints[point]!]));
  const clicks = evaluateClicks({ positions, superpoints, features, masks, truth: instanceTruth, targets, ...(faces ? { faces } : {}) });
  const scores: SegmentationScores = { miou: semantic.mIoU, ap50, click_iou: clicks.clickIou, clicks_to_80: clicks.clicksToTarget };
  return { scores, semantic, clicks };
}

/**
 * Simulated rooms `from`..`to` (seeds, inclusive), scanned by app/sample/scan-sim and segmented from the
 * point cloud like any imported scan. Seeds from 1,000,000 on are the held-out range: the trainer
 * refuses them. Scores are means over the rooms.
 */
async function simulatedSuite(from: number, to: number, modelPath: string | undefined, json: boolean): Promise<BenchResult[]> {
  if (!(to >= from) || to - from > 10_000) throw new Error(`segmentation eval: bad seed range sim:${from}-${to}`);
  const all: SegmentationScores[] = [];
  let source = '';
  for (let seed = from; seed <= to; seed++) {
    const sim = simulateScan({ seed });
    const instanceTruth = sim.scene.instanceIds.map((id, i) => (SCANNET20_INSTANCE_CLASSES.includes(sim.semantic[i]!) ? id : -1));
    const targets = [...new Set(instanceTruth)].filter((id) => id >= 0);
    const seg = await segmentScene({ scene: sim.scene }, modelPath ? { modelPath } : {});
    source = seg.source;
    const { scores } = await scoreSegmentation({ positions: sim.scene.positions, seg, semanticTruth: sim.semantic, instanceTruth, targets });
    all.push(scores);
    if (!json) process.stderr.write(`sim-${seed} (${sim.roomType}): ${JSON.stringify(scores)}\n`);
  }
  const mean = (key: keyof SegmentationScores) => all.reduce((a, s) => a + (Number.isFinite(s[key]) ? s[key] : 0), 0) / all.length;
  const scores: SegmentationScores = { miou: mean('miou'), ap50: mean('ap50'), click_iou: mean('click_iou'), clicks_to_80: mean('clicks_to_80') };
  if (json) {
    process.stdout.write(`${JSON.stringify(scores)}\n`);
    return [];
  }
  const name = `simulated rooms ${from}-${to} (${source})`;
  return [
    result('segmentation', name, `semantic mIoU, ScanNet-20 (mean of ${all.length} rooms)`, 'fraction', scores.miou, null),
    result('segmentation', name, 'instance AP@50, class-agnostic', 'fraction', scores.ap50, null),
    result('segmentation', name, 'single-click mask IoU', 'fraction', scores.click_iou, null),
    result('segmentation', name, 'clicks to IoU 0.8 (cap 10)', 'clicks', scores.clicks_to_80, null),
  ];
}
