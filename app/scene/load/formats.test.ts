// One small real input per table row, through detection and conversion: the readers are wired right.
import { describe, expect, it } from 'vitest';
import { writePly } from '../../formats/ply/writePly';
import { loadScene } from './load-scene';
import type { SceneInput } from './types';

const ids = { id: 's', name: 'n', source: 'src' };
const enc = (s: string) => new TextEncoder().encode(s);
const absolute = (r: ReturnType<typeof loadScene>) => [...r.scene.positions].map((v, i) => v + r.scene.origin[i % 3]!);

/** A version 1.0 .npy of float64 rows, as numpy.save writes it. */
function npy(rows: number[][]): Uint8Array {
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows.length}, ${rows[0]!.length}), }`;
  const pad = 64 - ((10 + dict.length + 1) % 64);
  const header = enc(`\x93NUMPY\x01\x00${String.fromCharCode((dict.length + pad + 1) & 0xff, (dict.length + pad + 1) >> 8)}${dict}${' '.repeat(pad)}\n`);
  // \x93 is not ASCII: TextEncoder would write two bytes for it.
  const head = new Uint8Array(header.length - 1);
  head[0] = 0x93;
  head.set(header.subarray(2), 1);
  const body = new Float64Array(rows.flat());
  const out = new Uint8Array(head.length + body.byteLength);
  out.set(head);
  out.set(new Uint8Array(body.buffer), head.length);
  return out;
}

describe('every format through loadScene', () => {
  it('OBJ: y-up, rotated to z-up', () => {
    const r = loadScene({ kind: 'file', name: 'box.obj', bytes: enc('v 0 0 0\nv 1 2 3\nv 1 0 0\nf 1 2 3\n') }, ids);
    expect(r.report).toMatchObject({ format: 'obj', pointCount: 3, faceCount: 1, sourceUpAxis: 'y', upAxis: 'z' });
    expect(absolute(r)).toEqual([0, 0, 0, 1, -3, 2, 1, 0, 0]);
  });

  it('PCD (ascii) with packed rgb', () => {
    const text = 'VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 2\nHEIGHT 1\nPOINTS 2\nDATA ascii\n1 2 3\n4 5 6\n';
    const r = loadScene({ kind: 'file', name: 'cloud.pcd', bytes: enc(text) }, ids);
    expect(r.report).toMatchObject({ format: 'pcd', pointCount: 2, upAxis: 'z' });
    expect(absolute(r)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('npy N×6 (xyz rgb) and a Pointcept folder', () => {
    const single = loadScene({ kind: 'file', name: 'pts.npy', bytes: npy([[1, 2, 3, 255, 0, 10], [3, 4, 5, 0, 255, 20]]) }, ids);
    expect(single.report).toMatchObject({ format: 'npy', pointCount: 2 });
    expect([...single.scene.colors]).toEqual([255, 0, 10, 0, 255, 20]);
    const folder = loadScene({ kind: 'folder', name: 'scene0001_00', files: { 'coord.npy': npy([[0, 0, 0], [2, 2, 2]]) } }, ids);
    expect(folder.report).toMatchObject({ format: 'pointcept', pointCount: 2, origin: [1, 1, 1] });
  });

  it('S3DIS room folder: one instance per annotation file, named by class', () => {
    const files = {
      'office_1/office_1.txt': enc('0 0 0 1 2 3\n1 1 1 4 5 6\n2 2 2 7 8 9\n'),
      'office_1/Annotations/chair_1.txt': enc('0 0 0 1 2 3\n1 1 1 4 5 6\n'),
      'office_1/Annotations/table_1.txt': enc('2 2 2 7 8 9\n'),
    };
    const r = loadScene({ kind: 'folder', name: 'office_1', files }, ids);
    expect(r.report).toMatchObject({ format: 's3dis', pointCount: 3, instanceCount: 2 });
    expect(r.scene.instances.map((i) => i.label)).toEqual(['chair', 'table']);
  });

  it('ScanNet folder: instances from the aggregation, superpoints from segs, names from the label table', () => {
    const mesh = writePly({ positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 1]), faces: new Uint32Array([0, 1, 2, 1, 2, 3]) });
    const files: Record<string, Uint8Array> = {
      'scene0001_00/scene0001_00_vh_clean_2.ply': mesh,
      'scene0001_00/scene0001_00_vh_clean_2.0.010000.segs.json': enc('{"segIndices":[0,0,7,7]}'),
      'scene0001_00/scene0001_00.aggregation.json': enc('{"segGroups":[{"objectId":0,"label":"kitchen cabinets","segments":[7]}]}'),
      'scannetv2-labels.combined.tsv': enc('id\traw_category\tcategory\tcount\tnyu40id\tnyu40class\n3\tkitchen cabinets\tkitchen cabinet\t1\t3\tcabinet\n'),
    };
    const input: SceneInput = { kind: 'folder', name: 'scans', files };
    const r = loadScene(input, ids);
    expect(r.report).toMatchObject({ format: 'scannet', pointCount: 4, faceCount: 2, superpointCount: 2, instanceCount: 1, labels: [{ label: 'kitchen cabinet', count: 1 }] });
    expect([...r.scene.instanceIds]).toEqual([-1, -1, 0, 0]);
  });
});
