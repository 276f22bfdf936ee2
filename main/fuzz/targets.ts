// Every reader under fuzz, each with small valid seeds built by the readers' own test fixtures
// (app/formats/**/*.fixture.ts) and our writers. Real files join as extra seeds (real-seeds.ts).
import { expectConsistent } from '../../app/formats/fuzz.fixture';
import { glbFile, TRIANGLE_BIN, triangleGltf } from '../../app/formats/gltf/testGltf.fixture';
import { readGltf } from '../../app/formats/gltf/readGltf';
import { readLas } from '../../app/formats/las/readLas';
import { lasFile, type LasPoint } from '../../app/formats/las/testLas.fixture';
import { readNpy } from '../../app/formats/npy/readNpy';
import { readPointceptFolder } from '../../app/formats/npy/readPointceptFolder';
import { npyFile } from '../../app/formats/npy/testNpy.fixture';
import { writePointceptFolder } from '../../app/formats/npy/writePointceptFolder';
import { readObj } from '../../app/formats/obj/readObj';
import { readPcd } from '../../app/formats/pcd/readPcd';
import { buildPcd, packRgbFloat, type FixtureField } from '../../app/formats/pcd/testPcd.fixture';
import { readPly } from '../../app/formats/ply/readPly';
import { buildPly, smallMesh } from '../../app/formats/ply/testPly.fixture';
import { writePly } from '../../app/formats/ply/writePly';
import { readS3disRoom } from '../../app/formats/s3dis/readS3disRoom';
import { parseAggregation } from '../../app/formats/scannet/aggregation';
import { readScanNetFolder } from '../../app/formats/scannet/readScanNetFolder';
import { parseSegs } from '../../app/formats/scannet/segs';
import { segGroupsFromInstances, writeAggregationJson } from '../../app/formats/scannet/writeAggregation';
import { check, checkNpy, checkPly, checkScanNet, checkSegGroups } from './checks';
import type { FuzzSeed, FuzzTarget } from './types';
import { vsiTarget } from './vsi-target';

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
const one = (name: string, file: string, bytes: Uint8Array): FuzzSeed => ({ name, files: { [file]: bytes } });
const only = (files: Record<string, Uint8Array>) => Object.entries(files)[0]!;

const xyz = ['x', 'y', 'z'].map((name) => ({ name, type: 'float' }));

function plySeeds(format: 'ascii' | 'binary'): FuzzSeed[] {
  const formats = format === 'ascii' ? (['ascii'] as const) : (['binary_little_endian', 'binary_big_endian'] as const);
  const seeds: FuzzSeed[] = [];
  for (const f of formats) {
    seeds.push(one(`small mesh ${f}`, 'fuzz.ply', smallMesh(f, f === 'ascii' ? { eol: '\r\n' } : {})));
    seeds.push(
      one(`quads, normals, labels ${f}`, 'fuzz.ply', buildPly({
        format: f,
        elements: [
          {
            name: 'vertex',
            props: [...xyz, ...['nx', 'ny', 'nz'].map((name) => ({ name, type: 'float' })), { name: 'label', type: 'ushort' }, { name: 'instance', type: 'int' }],
            rows: Array.from({ length: 6 }, (_, i) => [i, -i, 0.5 * i, 0, 0, 1, i, i % 2 ? -1 : i]),
          },
          { name: 'face', props: [{ name: 'vertex_indices', type: 'uint', list: 'ushort' }], rows: [[[0, 1, 2, 3]], [[3, 4, 5]]] },
          { name: 'edge', props: [{ name: 'vertex1', type: 'int' }, { name: 'vertex2', type: 'int' }], rows: [[0, 1]] },
        ],
      })),
    );
  }
  const positions = Float32Array.from({ length: 15 }, (_, i) => i * 0.37 - 2);
  seeds.push(one(`writePly ${format}`, 'fuzz.ply', writePly(
    { positions, colors: Uint8Array.from({ length: 15 }, (_, i) => i * 17), faces: Uint32Array.from([0, 1, 2, 2, 3, 4]), scalars: { objectId: Int32Array.from([1, 1, 2, 2, -1]) } },
    { format: format === 'ascii' ? 'ascii' : 'binary_little_endian' },
  )));
  return seeds;
}

const pcdFields: FixtureField[] = [
  ...['x', 'y', 'z'].map((name): FixtureField => ({ name, type: 'F', size: 4 })),
  { name: 'rgb', type: 'F', size: 4 },
  { name: 'normal_x', type: 'F', size: 4 }, { name: 'normal_y', type: 'F', size: 4 }, { name: 'normal_z', type: 'F', size: 4 },
  { name: 'label', type: 'U', size: 2 },
  { name: 'instance', type: 'I', size: 4 },
];
const pcdRows = Array.from({ length: 6 }, (_, i) => [i * 0.5, -i, i * 2, packRgbFloat(i * 40, 255 - i, 7), 0, 1, 0, i, (i % 3) - 1]);

function pcdSeeds(data: 'ascii' | 'binary' | 'binary_compressed'): FuzzSeed[] {
  const doubles: FixtureField[] = [...['x', 'y', 'z'].map((name): FixtureField => ({ name, type: 'F', size: 8 })), { name: 'intensity', type: 'U', size: 1 }, { name: 'fpfh', type: 'F', size: 4, count: 3 }];
  return [
    one(`xyz rgb normals label instance (${data})`, 'fuzz.pcd', buildPcd({ fields: pcdFields, rows: pcdRows, data })),
    one(`organised 2×2 doubles with a NaN pixel (${data})`, 'fuzz.pcd', buildPcd({
      fields: doubles,
      rows: [[1, 2, 3, 9, 0.1, 0.2, 0.3], [NaN, NaN, NaN, 0, 0, 0, 0], [500000.5, 4e6, 12, 255, 1, 1, 1], [-1, -2, -3, 7, 0, 0, 0]],
      width: 2,
      height: 2,
      data,
    })),
  ];
}

const npySeeds: FuzzSeed[] = [
  one('<f4 4×3', 'fuzz.npy', npyFile({ descr: '<f4', shape: [4, 3], values: Array.from({ length: 12 }, (_, i) => i * 0.5) })),
  one('>i8 3×2 fortran v2', 'fuzz.npy', npyFile({ descr: '>i8', shape: [3, 2], fortran: true, version: 2, values: [1, -2, 3, -4, 5, 6] })),
  one('|b1 (5,) v3', 'fuzz.npy', npyFile({ descr: '|b1', shape: [5], version: 3, values: [1, 0, 1, 1, 0] })),
  one('<u2 2×2×2', 'fuzz.npy', npyFile({ descr: '<u2', shape: [2, 2, 2], values: [0, 1, 2, 3, 65535, 5, 6, 7] })),
];

const pointceptSeeds: FuzzSeed[] = [
  {
    name: 'writePointceptFolder, every attribute',
    files: writePointceptFolder({
      coord: Float32Array.from({ length: 12 }, (_, i) => i * 0.25),
      color: Uint8Array.from({ length: 12 }, (_, i) => i * 20),
      normal: Float32Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? 1 : 0)),
      segment20: Int32Array.from([-1, 0, 5, 19]),
      segment200: Int32Array.from([1, 2, 3, 4]),
      instance: Int32Array.from([-1, 3, 3, 40000]),
    }),
  },
  {
    name: 'fixture coord <f8 + segment <i8 (N,1)',
    files: {
      'scene/coord.npy': npyFile({ descr: '<f8', shape: [3, 3], values: [1, 2, 3, 4, 5, 6, 7, 8, 9] }),
      'scene/color.npy': npyFile({ descr: '<f4', shape: [3, 3], values: [0, 128.4, 255, 300, -1, 7, 1, 2, 3] }),
      'scene/segment.npy': npyFile({ descr: '<i8', shape: [3, 1], values: [0, 1, 2] }),
    },
  },
];

const chair = '1.000 2.000 0.500 10 20 30\n1.100 2.000 0.500 11 21 31\n';
const wall = '-3.25 0 1 200 200 200\r\n';
const s3disSeeds: FuzzSeed[] = [
  { name: 'room with two annotations', files: { 'office_1/office_1.txt': enc(wall + chair), 'office_1/Annotations/chair_1.txt': enc(chair), 'office_1/Annotations/wall_1.txt': enc(wall) } },
  { name: 'annotation only', files: { 'Annotations/table_2.txt': enc('0.5 0.5 0.75 90 60 30\n0.6 0.5 0.75 91 61 31\n') } },
];

const objSeeds: FuzzSeed[] = [
  one('quad with groups, colours, normals', 'fuzz.obj', enc([
    '# a room', 'mtllib room.mtl', 'o floor', 'v 0 0 0 1 0 0', 'v 1 0 0 0 1 0', 'v 1 0 1 0 0 1', 'v 0 0 1 0.5 0.5 0.5', 'vt 0 0', 'vn 0 1 0',
    'usemtl wood', 's off', 'f 1/1/1 2/1/1 3/1/1 4/1/1', 'g chair seat', 'v 5 5 5', 'v 6 5 5', 'v 6 6 5', 'f -3 -2 -1', '',
  ].join('\n'))),
  one('points and a polygon, CRLF', 'fuzz.obj', enc('v 1e3 -2.5 3\r\nv 4 5 6 1\r\nv 0 0 0\r\nv 1 1 1\r\nvn 0 0 1\r\nf 1//1 2//1 3//1 4//1\r\np 1\r\n')),
];

// The reader tests' triangle, placed in a node hierarchy (translation and a matrix) for the fuzzer.
const gltfBin = TRIANGLE_BIN;
const gltfJson = (uri?: string) =>
  triangleGltf(
    {
      scene: 0,
      scenes: [{ nodes: [0] }],
      nodes: [{ name: 'room', children: [1], translation: [1, 2, 3] }, { mesh: 0, matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 0, 0, 1] }],
    },
    uri,
  );
const base64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
const gltfSeeds: FuzzSeed[] = [
  one('GLB triangle in a node hierarchy', 'fuzz.glb', glbFile(gltfJson(), gltfBin)),
  one('glTF JSON with a data URI buffer', 'fuzz.gltf', enc(JSON.stringify(gltfJson(`data:application/octet-stream;base64,${base64(gltfBin)}`)))),
];

const lasPoints: LasPoint[] = [
  { xyz: [100, -200, 300], classification: 2, rgb: [65535, 0, 32768] },
  { xyz: [2147483647, 0, -5], classification: 6, rgb: [256, 512, 1024] },
  { xyz: [-2147483648, 7, 7], classification: 31, rgb: [1, 2, 3] },
];
const lasSeeds: FuzzSeed[] = [
  one('LAS 1.2 format 3', 'fuzz.las', lasFile({ minor: 2, format: 3, points: lasPoints, scale: [0.001, 0.001, 0.01], offset: [500000, 4000000, 10] })),
  one('LAS 1.3 format 5 + extra bytes', 'fuzz.las', lasFile({ minor: 3, format: 5, points: lasPoints, extra: 3 })),
  one('LAS 1.4 format 7', 'fuzz.las', lasFile({ minor: 4, format: 7, points: lasPoints })),
  one('LAS 1.2 format 0', 'fuzz.las', lasFile({ minor: 2, format: 0, points: lasPoints })),
];

// A small ScanNet scene: six vertices in three segments, two objects.
const SCENE = 'scene9999_00';
const scanMesh = writePly({ positions: Float32Array.from({ length: 18 }, (_, i) => i % 4), colors: new Uint8Array(18), faces: Uint32Array.from([0, 1, 2, 1, 3, 2, 4, 5, 3]) });
const scanSegIds = Int32Array.from([0, 0, 2, 2, 4, 4]);
const scanSegs = JSON.stringify({ params: { kThresh: '0.0001', segMinVerts: '20' }, sceneId: SCENE, segIndices: [...scanSegIds] });
const scanAggregation = writeAggregationJson({
  sceneId: SCENE,
  segGroups: segGroupsFromInstances({ segIndices: scanSegIds, instanceIds: Int32Array.from([0, 0, 1, 1, 1, -1]), instances: [{ id: 0, label: 'chair' }, { id: 1, label: 'kitchen cabinets' }] }),
});

/** Vertex count a segs seed is checked against, by seed name (real seeds register theirs). */
export const SEGS_VERTEX_COUNT = new Map<string, number>([['small scene segs', 6]]);

const segsSeeds: FuzzSeed[] = [one('small scene segs', 'scene.segs.json', enc(scanSegs))];
const aggregationSeeds: FuzzSeed[] = [
  one('small scene aggregation (writeAggregationJson)', 'scene.aggregation.json', enc(scanAggregation)),
  one('compact aggregation', 'scene.aggregation.json', enc(JSON.stringify({ sceneId: SCENE, segGroups: [{ id: 0, objectId: 5, segments: [4, 0], label: 'a "b"' }] }))),
];
const scanNetFolderSeeds: FuzzSeed[] = [{ name: 'small scene folder', files: { segs: enc(scanSegs), aggregation: enc(scanAggregation) } }];

/** Every reader target; `extra` adds seeds (real files) by target name. */
export function fuzzTargets(extra: Record<string, FuzzSeed[]> = {}): FuzzTarget[] {
  const targets: FuzzTarget[] = [
    { name: 'ply-ascii', seeds: plySeeds('ascii'), run: (f) => checkPly(readPly(only(f)[1], { fileName: only(f)[0] })) },
    { name: 'ply-binary', seeds: plySeeds('binary'), run: (f) => checkPly(readPly(only(f)[1], { fileName: only(f)[0] })) },
    ...(['ascii', 'binary', 'binary_compressed'] as const).map((d): FuzzTarget => ({
      name: `pcd-${d}`,
      seeds: pcdSeeds(d),
      run: (f) => expectConsistent(readPcd(only(f)[1], { fileName: only(f)[0] })),
    })),
    { name: 'npy', seeds: npySeeds, run: (f) => checkNpy(readNpy(only(f)[1], { fileName: only(f)[0] })) },
    { name: 'pointcept-folder', seeds: pointceptSeeds, run: (f) => expectConsistent(readPointceptFolder(f)) },
    { name: 's3dis-room', seeds: s3disSeeds, run: (f) => expectConsistent(readS3disRoom(f)) },
    { name: 'obj', seeds: objSeeds, run: (f) => expectConsistent(readObj(only(f)[1], { fileName: only(f)[0] })) },
    { name: 'gltf-glb', seeds: gltfSeeds, run: (f) => expectConsistent(readGltf(only(f)[1], { fileName: only(f)[0] })) },
    { name: 'las', seeds: lasSeeds, run: (f) => expectConsistent(readLas(only(f)[1], { fileName: only(f)[0] })) },
    {
      name: 'scannet-segs',
      seeds: segsSeeds,
      run: (f, seed) => {
        const n = SEGS_VERTEX_COUNT.get(seed.name) ?? 0;
        const ids = parseSegs(text(only(f)[1]), only(f)[0], n);
        check(ids.length === n && ids.every((v) => v >= 0), 'segIndices');
      },
    },
    { name: 'scannet-aggregation', seeds: aggregationSeeds, run: (f) => checkSegGroups(parseAggregation(text(only(f)[1]), only(f)[0])) },
    {
      // segs and aggregation resolved against a mesh: per-vertex instance ids and counts must agree.
      name: 'scannet-folder',
      seeds: scanNetFolderSeeds,
      run: (f) => checkScanNet(readScanNetFolder({ mesh: scanMesh, segs: text(f.segs!), aggregation: text(f.aggregation!) }, { sceneId: SCENE })),
    },
    { ...vsiTarget, seeds: [...vsiTarget.seeds] },
  ];
  for (const t of targets) t.seeds.push(...(extra[t.name] ?? []));
  return targets;
}
