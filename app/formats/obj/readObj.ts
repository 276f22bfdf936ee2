// Wavefront OBJ: v (optionally with r g b in 0..1), vn, vt, f (polygons fan-triangulated), o/g groups.
// Other statements (mtllib, usemtl, s, l, p, …) are skipped.
import { FormatError } from '../errors';
import type { ScanData, ScanReadOptions } from '../scan-data';
import { parseNumber, textLines, tokens } from '../text-lines';
import { parseCorner } from './faceRefs';

/**
 * Parses an OBJ file into ScanData (y-up). Vertex colours become 0..255. OBJ normals belong to face
 * corners; each vertex takes the normal of the first corner that gives it one. When the file has
 * o/g groups, each vertex is assigned to the group of the first face that uses it (`instances`, -1 for
 * vertices no face uses) and `instanceLabels` holds the group names.
 * Throws FormatError with the line of any problem.
 */
export function readObj(bytes: Uint8Array, options: ScanReadOptions = {}): ScanData {
  const file = options.fileName ?? 'obj';
  const lines = textLines(bytes);
  const pos: number[] = [];
  const col: number[] = [];
  let anyColor = false;
  const vn: number[] = [];
  let vtCount = 0;
  const faces: number[] = [];
  const faceGroup: number[] = [];
  const cornerNormal: number[] = []; // pairs: vertex index, normal index
  const groups: string[] = [];
  let group = -1;

  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    const t = tokens(line);
    const key = t[0];
    if (key === undefined || key.startsWith('#')) continue;
    const fail = (expected: string): never => {
      throw new FormatError({ file, line: lines.lineNo, expected });
    };
    const num = (i: number, what: string): number => {
      const v = parseNumber(t[i]!);
      if (v === undefined || !Number.isFinite(v)) fail(`a finite ${what}, found "${t[i]}"`);
      return v!;
    };
    if (key === 'v') {
      const n = t.length - 1;
      if (n !== 3 && n !== 4 && n !== 6) fail(`"v x y z", "v x y z w" or "v x y z r g b", found ${n} values`);
      pos.push(num(1, 'x'), num(2, 'y'), num(3, 'z'));
      if (n === 6) {
        anyColor = true;
        for (let c = 4; c <= 6; c++) col.push(Math.round(Math.min(1, Math.max(0, num(c, 'colour'))) * 255));
      } else {
        col.push(0, 0, 0);
      }
    } else if (key === 'vn') {
      if (t.length !== 4) fail(`"vn x y z", found ${t.length - 1} values`);
      vn.push(num(1, 'normal x'), num(2, 'normal y'), num(3, 'normal z'));
    } else if (key === 'vt') {
      vtCount++;
    } else if (key === 'f') {
      if (t.length < 4) fail(`a face of at least 3 corners, found ${t.length - 1}`);
      const vCount = pos.length / 3;
      const corners: number[] = [];
      for (let i = 1; i < t.length; i++) {
        const c = parseCorner(t[i]!, vCount, vtCount, vn.length / 3);
        if (typeof c === 'string') return fail(c);
        corners.push(c.v);
        if (c.vn >= 0) cornerNormal.push(c.v, c.vn);
      }
      for (let i = 1; i + 1 < corners.length; i++) {
        faces.push(corners[0]!, corners[i]!, corners[i + 1]!);
        faceGroup.push(group);
      }
    } else if (key === 'o' || key === 'g') {
      groups.push(t.slice(1).join(' ') || `${key === 'o' ? 'object' : 'group'}_${groups.length}`);
      group = groups.length - 1;
    }
  }

  const n = pos.length / 3;
  const data: ScanData = { format: 'obj', positions: Float64Array.from(pos), upAxis: 'y' };
  if (anyColor) data.colors = Uint8Array.from(col);
  if (faces.length) data.faces = Uint32Array.from(faces);
  if (cornerNormal.length) {
    const normals = new Float32Array(n * 3);
    const done = new Uint8Array(n);
    for (let k = 0; k < cornerNormal.length; k += 2) {
      const v = cornerNormal[k]!;
      if (done[v]) continue;
      done[v] = 1;
      const m = cornerNormal[k + 1]! * 3;
      normals[3 * v] = vn[m]!;
      normals[3 * v + 1] = vn[m + 1]!;
      normals[3 * v + 2] = vn[m + 2]!;
    }
    data.normals = normals;
  }
  if (groups.length) {
    const instances = new Int32Array(n).fill(-1);
    const seen = new Uint8Array(n);
    for (let f = 0; f < faceGroup.length; f++) {
      for (let c = 0; c < 3; c++) {
        const v = faces[3 * f + c]!;
        if (seen[v]) continue;
        seen[v] = 1;
        instances[v] = faceGroup[f]!;
      }
    }
    data.instances = instances;
    data.instanceLabels = new Map(groups.map((g, i) => [i, g]));
  }
  return data;
}
