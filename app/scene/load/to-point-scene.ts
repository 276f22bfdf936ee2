// LoadedScan → PointScene: up axis to z, positions recentred to a whole-metre float64 origin,
// grey where the file has no colours, one instance per instance id that has points.
import { recentreBoxScene } from '../boxes/recentre-boxes';
import type { PointScene, SceneInstance } from '../types';
import { recentre } from './recentre';
import type { LoadedScan, ToSceneOptions } from './types';
import { yUpToZUp } from './up-axis';

/** Neutral grey for colourless scans, so the instance colouring and picking still read clearly. */
export const DEFAULT_GREY = 160;

/**
 * A PointScene that leaves out `instanceIds` when no point has an instance: the all −1 array is
 * 4 bytes a point, a quarter of a binary xyz+rgb PLY. The import worker hands this form to the cache
 * writer, which stores no ids for it; readSceneCache gives back the −1 array.
 */
export type CompactScene = Omit<PointScene, 'instanceIds'> & { instanceIds?: Int32Array };

export interface Converted<S = PointScene> {
  scene: S;
  /** Bounds before recentring (after the up-axis rotation), float64. */
  bbox: { min: [number, number, number]; max: [number, number, number] };
  sourceUpAxis: 'z' | 'y';
}

export function toPointScene(scan: LoadedScan, options: ToSceneOptions): Converted {
  const { scene, ...rest } = toCompactScene(scan, options);
  const instanceIds = scene.instanceIds ?? new Int32Array(Math.floor(scene.positions.length / 3)).fill(-1);
  return { ...rest, scene: { ...scene, instanceIds } };
}

/** toPointScene without the −1 instance-id array for scans that have no instance ids. */
export function toCompactScene(scan: LoadedScan, options: ToSceneOptions): Converted<CompactScene> {
  const n = Math.floor(scan.positions.length / 3);
  const sourceUpAxis = options.upAxis ?? scan.upAxis;
  const rotate = sourceUpAxis === 'y';
  // Reusing the scan's arrays keeps a big scan from living twice while it is converted.
  const reuse = options.reuseBuffers === true;
  const zUp = rotate ? yUpToZUp(scan.positions, reuse) : scan.positions;
  const { origin, positions, bbox } = recentre(zUp, reuse && zUp instanceof Float32Array ? zUp : undefined);
  const colors = scan.colors && scan.colors.length === n * 3 ? scan.colors : new Uint8Array(n * 3).fill(DEFAULT_GREY);
  const instanceIds = scan.instances && scan.instances.length === n ? (reuse ? scan.instances : Int32Array.from(scan.instances)) : undefined;
  const scene: CompactScene = {
    id: options.id,
    name: options.name,
    source: options.source,
    format: scan.format,
    upAxis: 'z',
    origin,
    positions,
    colors,
    instanceIds,
    instances: instancesOf(instanceIds, scan),
  };
  if (scan.boxScene) scene.boxScene = recentreBoxScene(scan.boxScene, origin, sourceUpAxis, options.source);
  if (scan.normals && scan.normals.length === n * 3) scene.normals = rotate ? yUpToZUp(scan.normals, reuse) : scan.normals;
  return { scene, bbox, sourceUpAxis };
}

/** Ids present on points, ascending; named by the file, else by their points' most common class. */
function instancesOf(ids: Int32Array | undefined, scan: LoadedScan): SceneInstance[] {
  if (!ids) return [];
  const present = new Set<number>();
  for (const id of ids) if (id >= 0) present.add(id);
  const classes = scan.labels && scan.labels.length === ids.length ? majorityClass(ids, scan.labels) : new Map<number, number>();
  return [...present]
    .sort((a, b) => a - b)
    .map((id) => {
      const named = scan.instanceLabels?.get(id);
      const cls = classes.get(id);
      return { id, label: named ?? (cls === undefined ? `object ${id}` : `class ${cls}`) };
    });
}

function majorityClass(ids: Int32Array, labels: Int32Array): Map<number, number> {
  const votes = new Map<number, Map<number, number>>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0) continue;
    let v = votes.get(id);
    if (!v) votes.set(id, (v = new Map()));
    v.set(labels[i]!, (v.get(labels[i]!) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const [id, v] of votes) out.set(id, [...v.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0]);
  return out;
}
