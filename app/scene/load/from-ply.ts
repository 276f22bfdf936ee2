// A single PLY as a LoadedScan. Exporters name per-vertex ids differently, so a few common names
// are recognised for instance and semantic ids.
import { readPly } from '../../formats/ply/readPly';
import type { PlyData, PlyScalarArray } from '../../formats/ply/types';
import type { LoadedScan } from './types';

const INSTANCE_NAMES = ['instance', 'instance_id', 'instanceId', 'objectId', 'object_id'];
const LABEL_NAMES = ['label', 'semantic', 'semantic_id', 'class'];

function firstScalar(ply: PlyData, names: readonly string[]): PlyScalarArray | undefined {
  for (const n of names) if (ply.vertexScalars[n]) return ply.vertexScalars[n];
  return undefined;
}

export function plyToScan(ply: PlyData): LoadedScan {
  const scan: LoadedScan = { format: 'ply', positions: ply.positions, upAxis: 'z', faceCount: ply.faceCount };
  if (ply.colors) scan.colors = ply.colors;
  if (ply.normals) scan.normals = ply.normals;
  if (ply.faces) scan.faces = ply.faces;
  const instances = firstScalar(ply, INSTANCE_NAMES);
  if (instances) scan.instances = Int32Array.from(instances);
  const labels = firstScalar(ply, LABEL_NAMES);
  if (labels) scan.labels = Int32Array.from(labels);
  return scan;
}

export function readPlyScan(bytes: Uint8Array, fileName: string): LoadedScan {
  return plyToScan(readPly(bytes, { fileName }));
}
