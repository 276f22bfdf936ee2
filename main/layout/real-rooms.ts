// Real rooms for the layout eval, bench and real-data tests, read from ../shared/data (never copied):
// the 50 ScanNet++ rooms of the VSI-Bench meta file (boxes only) and ScanNet scene0000_00 (points,
// axis-aligned with the published matrix, since its .txt lacks the line).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScanNetFolder } from '../../app/formats/scannet';
import { layoutFromBoxes } from '../../app/layout/from-boxes';
import { layoutFromPoints } from '../../app/layout/from-points';
import type { LayoutDocument } from '../../app/layout/types';
import { parseVsiMetaText, type BoxScene } from '../../app/qa/vsibench/meta';
import type { PointScene } from '../../app/scene/types';
import { sharedDataDir } from '../launch/paths';

export const metaPath = () => join(sharedDataDir(), 'vsibench', 'scannetpp_meta_info_val.json');
export const SCANNET_ID = 'scene0000_00';
export const scannetDir = () => join(sharedDataDir(), 'scannet');

export const haveMeta = () => existsSync(metaPath());
export const haveScanNet = () => existsSync(join(scannetDir(), SCANNET_ID));

export function metaScenes(): BoxScene[] {
  const path = metaPath();
  return parseVsiMetaText(readFileSync(path, 'utf8'), path);
}

export function metaLayouts(): Map<string, LayoutDocument> {
  return new Map(metaScenes().map((s) => [s.id, layoutFromBoxes(s)]));
}

export function scannetScene(id = SCANNET_ID): PointScene {
  const dir = scannetDir();
  const matrices = JSON.parse(readFileSync(join(dir, 'meta/scans_axis_alignment_matrices.json'), 'utf8')) as Record<string, number[]>;
  const s = readScanNetFolder(
    {
      mesh: new Uint8Array(readFileSync(join(dir, id, `${id}_vh_clean_2.ply`))),
      segs: readFileSync(join(dir, id, `${id}_vh_clean_2.0.010000.segs.json`), 'utf8'),
      aggregation: readFileSync(join(dir, id, `${id}.aggregation.json`), 'utf8'),
      axisAlignment: matrices[id]!,
    },
    { sceneId: id },
  );
  return {
    id,
    name: id,
    source: join(dir, id),
    format: 'scannet',
    upAxis: 'z',
    origin: [0, 0, 0],
    positions: s.mesh.positions,
    colors: s.mesh.colors ?? new Uint8Array(s.mesh.positions.length),
    instanceIds: s.instanceIds,
    instances: s.instances.map((i) => ({ id: i.id, label: i.label })),
  };
}

export function scannetLayout(): { scene: PointScene; doc: LayoutDocument } {
  const scene = scannetScene();
  return { scene, doc: layoutFromPoints(scene) };
}
