// Bytes in, PointScene out: detect, read, convert. Also the report `scenewright info <path>` prints.
import type { PointScene } from '../types';
import { detectFormat } from './detect';
import { toCompactScene, toPointScene, type CompactScene } from './to-point-scene';
import type { LoadedScan, ReadContext, SceneInput, SceneReport, ToSceneOptions } from './types';

export interface LoadedSceneResult {
  scene: PointScene;
  scan: LoadedScan;
  report: SceneReport;
}

/** Throws FormatError (code bad_file) naming the file and position when the input does not parse. */
export function loadScene(input: SceneInput, options: ToSceneOptions, context?: ReadContext): LoadedSceneResult {
  return convertScan(readScan(input, context), options);
}

/** The parse half of loadScene: detect the format and run its reader. */
export const readScan = (input: SceneInput, context?: ReadContext): LoadedScan => detectFormat(input).read(input, context);

/** The convert half of loadScene, for callers that drop the input bytes in between (the import worker). */
export function convertScan(scan: LoadedScan, options: ToSceneOptions): LoadedSceneResult {
  const { scene, bbox, sourceUpAxis } = toPointScene(scan, options);
  return { scene, scan, report: reportOf(scan, scene, bbox, sourceUpAxis) };
}

/** convertScan giving a CompactScene (no −1 instance-id array when the scan has no ids): the import worker's. */
export function convertScanCompact(scan: LoadedScan, options: ToSceneOptions): Omit<LoadedSceneResult, 'scene'> & { scene: CompactScene } {
  const { scene, bbox, sourceUpAxis } = toCompactScene(scan, options);
  return { scene, scan, report: reportOf(scan, scene, bbox, sourceUpAxis) };
}

function reportOf(scan: LoadedScan, scene: CompactScene, bbox: SceneReport['bbox'], sourceUpAxis: SceneReport['sourceUpAxis']): SceneReport {
  const byLabel = new Map<string, number>();
  for (const i of scene.instances) byLabel.set(i.label, (byLabel.get(i.label) ?? 0) + 1);
  const labels = [...byLabel.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return {
    format: scan.format,
    pointCount: scene.positions.length / 3,
    faceCount: scan.faceCount ?? (scan.faces ? scan.faces.length / 3 : 0),
    superpointCount: scan.superpoints ? new Set(scan.superpoints).size : 0,
    instanceCount: scene.instances.length,
    labels,
    bbox,
    origin: scene.origin,
    upAxis: scene.upAxis,
    sourceUpAxis,
    ...(scan.boxScene ? { room: { size: scan.boxScene.roomSize, center: scan.boxScene.roomCenter, boxCount: scan.boxScene.boxes.length } } : {}),
  };
}
