// Self-consistency of what a reader returned under fuzzing: lengths agree, indices stay in range.
// Plain Errors: a breach is a harness failure, never a FormatError.
import type { NpyArray } from '../../app/formats/npy/types';
import type { PlyData } from '../../app/formats/ply/types';
import type { SegGroup } from '../../app/formats/scannet/aggregation';
import type { ScanNetScene } from '../../app/formats/scannet/types';

export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`inconsistent result: ${what}`);
}

export function checkPly(d: PlyData): void {
  const n = d.vertexCount;
  check(d.positions.length === n * 3, `positions ${d.positions.length} for ${n} vertices`);
  check(!d.colors || d.colors.length === n * 3, 'colors length');
  check(!d.normals || d.normals.length === n * 3, 'normals length');
  for (const [k, a] of Object.entries(d.vertexScalars)) check(a.length === n, `vertex scalar ${k} length ${a.length}`);
  if (d.faces) {
    check(d.faces.length % 3 === 0, 'faces not triangles');
    for (const v of d.faces) check(v < n, `face index ${v} beyond ${n} vertices`);
  }
}

export function checkNpy(a: NpyArray): void {
  check(a.data.length === a.shape.reduce((x, y) => x * y, 1), `${a.data.length} elements for shape (${a.shape.join(', ')})`);
}

export function checkSegGroups(groups: SegGroup[]): void {
  const ids = new Set<number>();
  for (const g of groups) {
    check(Number.isInteger(g.objectId) && g.objectId >= 0 && !ids.has(g.objectId), `objectId ${g.objectId}`);
    ids.add(g.objectId);
    check(typeof g.label === 'string' && g.segments.every((s) => Number.isInteger(s)), `group ${g.objectId}`);
  }
}

export function checkScanNet(s: ScanNetScene): void {
  checkPly(s.mesh);
  const n = s.mesh.vertexCount;
  check(s.instanceIds.length === n, 'instanceIds length');
  check(!s.segIndices || s.segIndices.length === n, 'segIndices length');
  const counts = new Map(s.instances.map((i) => [i.id, 0]));
  for (const id of s.instanceIds) {
    if (id < 0) continue;
    check(counts.has(id), `vertex instance ${id} not among the instances`);
    counts.set(id, counts.get(id)! + 1);
  }
  for (const i of s.instances) check(counts.get(i.id) === i.pointCount, `instance ${i.id} pointCount ${i.pointCount}`);
}
