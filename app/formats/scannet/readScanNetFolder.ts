import { FormatError } from '../errors';
import { readPly } from '../ply/readPly';
import { parseAggregation } from './aggregation';
import { applyAxisAlignment, checkAxisAlignment } from './axisAlignment';
import { parseLabelTable } from './labelTable';
import { parseSegs } from './segs';
import type { LabelTable, ScanNetFiles, ScanNetInstance, ScanNetReadOptions, ScanNetScene, ScanNetSemantic } from './types';

/**
 * Reads one ScanNet scene folder: the mesh, its over-segmentation, the object aggregation and labels,
 * resolving objects to per-vertex instance ids. Any inconsistency is a FormatError naming the file.
 */
export function readScanNetFolder(files: ScanNetFiles, options: ScanNetReadOptions): ScanNetScene {
  const { sceneId } = options;
  const names = {
    mesh: `${sceneId}_vh_clean_2.ply`,
    segs: `${sceneId}_vh_clean_2.0.010000.segs.json`,
    aggregation: `${sceneId}.aggregation.json`,
    labelsPly: `${sceneId}_vh_clean_2.labels.ply`,
    labelTable: 'scannetv2-labels.combined.tsv',
  };
  const mesh = readPly(files.mesh, { fileName: names.mesh });
  const n = mesh.vertexCount;
  const scene: ScanNetScene = { sceneId, mesh, instances: [], instanceIds: new Int32Array(n).fill(-1) };

  const table = files.labelTable !== undefined ? parseLabelTable(files.labelTable, names.labelTable) : undefined;
  if (table) scene.labelTable = table;
  if (files.segs !== undefined) scene.segIndices = parseSegs(files.segs, names.segs, n, sceneId);
  if (files.aggregation !== undefined) {
    if (!scene.segIndices) throw new FormatError({ file: names.aggregation, expected: `${names.segs} alongside, to resolve segment ids to vertices` });
    scene.instances = resolveInstances(files.aggregation, names.aggregation, names.segs, sceneId, scene.segIndices, scene.instanceIds, table);
  }
  if (files.labelsPly !== undefined) scene.semantic = readSemantic(files.labelsPly, names.labelsPly, n, options.labelIds ?? 'raw', table);
  if (files.axisAlignment !== undefined) {
    checkAxisAlignment(files.axisAlignment, `${sceneId} axisAlignment`);
    applyAxisAlignment(files.axisAlignment, mesh.positions, mesh.normals);
    scene.axisAlignment = [...files.axisAlignment];
  }
  return scene;
}

function resolveInstances(
  text: string,
  file: string,
  segsFile: string,
  sceneId: string,
  segIndices: Int32Array,
  instanceIds: Int32Array,
  table: LabelTable | undefined,
): ScanNetInstance[] {
  const groups = parseAggregation(text, file, sceneId);
  // Segment id → objectId. Segment ids are sparse (vertex indices of a seed), so a Map, not an array.
  const present = new Set(segIndices);
  const owner = new Map<number, number>();
  for (const [i, g] of groups.entries()) {
    for (const s of g.segments) {
      if (!present.has(s)) {
        throw new FormatError({ file, expected: `segment ids that exist in ${segsFile}; segGroups[${i}] (objectId ${g.objectId}, "${g.label}") lists ${s}` });
      }
      // A segment claimed twice keeps its first object, so each vertex has one instance.
      if (!owner.has(s)) owner.set(s, g.objectId);
    }
  }
  const counts = new Map<number, number>();
  for (let v = 0; v < segIndices.length; v++) {
    const id = owner.get(segIndices[v]!);
    if (id === undefined) continue;
    instanceIds[v] = id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return groups.map((g) => {
    const inst: ScanNetInstance = { id: g.objectId, label: g.label, segments: g.segments, pointCount: counts.get(g.objectId) ?? 0 };
    const row = table?.byRawCategory.get(g.label);
    if (row) inst.nyu40id = row.nyu40id;
    return inst;
  });
}

function readSemantic(bytes: Uint8Array, file: string, vertexCount: number, kind: 'raw' | 'nyu40', table: LabelTable | undefined): ScanNetSemantic {
  const ply = readPly(bytes, { fileName: file });
  if (ply.vertexCount !== vertexCount) throw new FormatError({ file, expected: `${vertexCount} vertices like the mesh, found ${ply.vertexCount}` });
  const label = ply.vertexScalars.label;
  if (!label) throw new FormatError({ file, expected: 'a vertex property "label"' });
  const ids = Int32Array.from(label);
  if (kind === 'nyu40') return { nyu40: ids };
  const semantic: ScanNetSemantic = { rawIds: ids };
  if (table) {
    // Ids the table does not list (and 0, unannotated) map to 0.
    semantic.nyu40 = ids.map((id) => table.byId.get(id)?.nyu40id ?? 0);
  }
  return semantic;
}
