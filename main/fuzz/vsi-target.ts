// The VSI-Bench meta reader (box-only scenes, app/scene/boxes/vsi-meta-scan.ts) under fuzz: every
// scene the listing returns is read as a scan; each must be self-consistent (one box per listed
// object, every sample on a box) or the file must be refused with a FormatError.
import { expectConsistent } from '../../app/formats/fuzz.fixture';
import { listVsiMetaScenes, readVsiMetaScene } from '../../app/scene/boxes/vsi-meta-scan';
import { check } from './checks';
import type { FuzzSeed, FuzzTarget } from './types';

const FILE = 'meta.json';
const enc = (v: unknown, indent?: number) => new TextEncoder().encode(JSON.stringify(v, null, indent));

const box = (centroid: number[], size: number[], yaw = 0) => {
  const [c, s] = [Math.cos(yaw), Math.sin(yaw)];
  const span = [size[0]! * Math.abs(c) + size[1]! * Math.abs(s), size[0]! * Math.abs(s) + size[1]! * Math.abs(c), size[2]!];
  return {
    centroid,
    axesLengths: size,
    normalizedAxes: [c, s, 0, -s, c, 0, 0, 0, 1],
    min: centroid.map((v, k) => v - span[k]! / 2),
    max: centroid.map((v, k) => v + span[k]! / 2),
  };
};

/** Two rooms (survey-sized coordinates, a turned table, a flat rug), and a one-object room, compact. */
export const vsiSeeds: FuzzSeed[] = [
  {
    name: 'two rooms, turned table, flat rug (indented)',
    files: {
      [FILE]: enc({
        roomA: {
          dataset: 'scannetpp',
          video_path: 'roomA.mp4',
          room_size: 20.5,
          room_center: [104, 202, 1.3],
          object_counts: { chair: 2, table: 1, rug: 1 },
          object_bbox: {
            chair: [box([103, 202, 0.45], [0.5, 0.5, 0.9]), box([107.5, 204, 0.45], [0.5, 0.5, 0.9])],
            table: [box([105, 203, 0.375], [1.6, 0.8, 0.75], Math.PI / 6)],
            rug: [box([104, 201, 0], [2, 1.5, 0])],
          },
        },
        roomB: { room_size: 9, room_center: [0, 0, 1], object_counts: { lamp: 1 }, object_bbox: { lamp: [box([0, 0, 1], [0.2, 0.2, 0.4])] } },
      }, 2),
    },
  },
  {
    name: 'one room, one shelf (compact)',
    files: { [FILE]: enc({ scene0: { room_size: 4.25, room_center: [1, 1, 1], object_counts: { shelf: 1 }, object_bbox: { shelf: [box([1, 0.2, 1], [1.2, 0.4, 2], Math.PI / 2)] } } }) },
  },
];

export const vsiTarget: FuzzTarget = {
  name: 'vsibench-meta',
  seeds: vsiSeeds,
  run(files) {
    const bytes = files[FILE]!;
    for (const info of listVsiMetaScenes(bytes, FILE)) {
      // `meta.json#<scene>` cannot name a scene whose key is empty; the listing still shows it.
      if (info.name === '') continue;
      const scan = readVsiMetaScene(bytes, FILE, info.name);
      expectConsistent(scan);
      const boxes = scan.boxScene?.boxes ?? [];
      check(boxes.length === info.objectCount, `${boxes.length} boxes for ${info.objectCount} listed objects`);
      check(scan.instanceLabels?.size === boxes.length, 'one label per box');
      for (const id of scan.instances ?? []) check(id >= 0 && id < boxes.length, `sample instance ${id} beyond ${boxes.length} boxes`);
      for (const v of scan.positions) check(Number.isFinite(v), 'non-finite sample position');
    }
  },
};
