// A ScanNet scene folder (`<scene>_vh_clean_2.ply` plus segs, aggregation, labels, `<scene>.txt`)
// as a LoadedScan: instances from the aggregation, named through the label table when present,
// positions axis-aligned when `<scene>.txt` carries the matrix.
import { FormatError } from '../../formats/errors';
import { parseSceneTxtAxisAlignment } from '../../formats/scannet/axisAlignment';
import { readScanNetFolder } from '../../formats/scannet/readScanNetFolder';
import type { ScanNetFiles } from '../../formats/scannet/types';
import type { LoadedScan } from './types';

const MESH = /(?:^|\/)([^/]+)_vh_clean_2\.ply$/;
const LABEL_TABLE = 'scannetv2-labels.combined.tsv';

export const isScanNetFolder = (paths: readonly string[]) => paths.some((p) => MESH.test(p));

const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

export function readScanNetScan(files: Record<string, Uint8Array>): LoadedScan {
  const paths = Object.keys(files).sort();
  const meshPath = paths.find((p) => MESH.test(p));
  if (!meshPath) throw new FormatError({ file: 'scene folder', expected: 'a <scene>_vh_clean_2.ply mesh' });
  const sceneId = MESH.exec(meshPath)![1]!;
  const dir = meshPath.slice(0, meshPath.length - `${sceneId}_vh_clean_2.ply`.length);
  const at = (name: string) => files[`${dir}${name}`];
  const input: ScanNetFiles = { mesh: files[meshPath]! };
  const segs = at(`${sceneId}_vh_clean_2.0.010000.segs.json`);
  if (segs) input.segs = text(segs);
  const aggregation = at(`${sceneId}.aggregation.json`) ?? at(`${sceneId}_vh_clean.aggregation.json`);
  if (aggregation) input.aggregation = text(aggregation);
  const labelsPly = at(`${sceneId}_vh_clean_2.labels.ply`);
  if (labelsPly) input.labelsPly = labelsPly;
  const tablePath = paths.find((p) => p === LABEL_TABLE || p.endsWith(`/${LABEL_TABLE}`));
  if (tablePath) input.labelTable = text(files[tablePath]!);
  const sceneTxt = at(`${sceneId}.txt`);
  const alignment = sceneTxt && parseSceneTxtAxisAlignment(text(sceneTxt), `${sceneId}.txt`);
  if (alignment) input.axisAlignment = alignment;

  const scene = readScanNetFolder(input, { sceneId });
  const { mesh } = scene;
  const scan: LoadedScan = { format: 'scannet', positions: mesh.positions, upAxis: 'z', faceCount: mesh.faceCount };
  if (mesh.colors) scan.colors = mesh.colors;
  if (mesh.normals) scan.normals = mesh.normals;
  if (mesh.faces) scan.faces = mesh.faces;
  if (scene.segIndices) scan.superpoints = scene.segIndices;
  if (scene.instances.length > 0) {
    scan.instances = scene.instanceIds;
    // The table's category is the cleaned-up name of the annotator's raw label.
    scan.instanceLabels = new Map(scene.instances.map((i) => [i.id, scene.labelTable?.byRawCategory.get(i.label)?.category || i.label]));
  }
  if (scene.semantic?.nyu40) scan.labels = scene.semantic.nyu40;
  return scan;
}
