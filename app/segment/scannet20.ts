// The ScanNet-20 semantic benchmark classes: 20 of the 40 NYU classes, each named by its nyu40 id.
// Every other nyu40 id (and 0, unannotated) is ignored by the benchmark's metrics, not "wrong".
// A model's logits are over these classes in this order; class index i is SCANNET20[i].

export interface ScanNet20Class {
  name: string;
  nyu40id: number;
}

export const SCANNET20: readonly ScanNet20Class[] = [
  { name: 'wall', nyu40id: 1 },
  { name: 'floor', nyu40id: 2 },
  { name: 'cabinet', nyu40id: 3 },
  { name: 'bed', nyu40id: 4 },
  { name: 'chair', nyu40id: 5 },
  { name: 'sofa', nyu40id: 6 },
  { name: 'table', nyu40id: 7 },
  { name: 'door', nyu40id: 8 },
  { name: 'window', nyu40id: 9 },
  { name: 'bookshelf', nyu40id: 10 },
  { name: 'picture', nyu40id: 11 },
  { name: 'counter', nyu40id: 12 },
  { name: 'desk', nyu40id: 14 },
  { name: 'curtain', nyu40id: 16 },
  { name: 'refrigerator', nyu40id: 24 },
  { name: 'shower curtain', nyu40id: 28 },
  { name: 'toilet', nyu40id: 33 },
  { name: 'sink', nyu40id: 34 },
  { name: 'bathtub', nyu40id: 36 },
  { name: 'otherfurniture', nyu40id: 39 },
];

export const SCANNET20_WALL = 0;
export const SCANNET20_FLOOR = 1;
/** The benchmark's instance classes: ScanNet-20 without wall and floor. */
export const SCANNET20_INSTANCE_CLASSES: readonly number[] = SCANNET20.map((_, i) => i).filter((i) => i !== SCANNET20_WALL && i !== SCANNET20_FLOOR);

const BY_NYU40 = new Map(SCANNET20.map((c, i) => [c.nyu40id, i]));

/** ScanNet-20 class index of a nyu40 id, or -1 where the benchmark ignores it. */
export function scannet20FromNyu40(nyu40id: number): number {
  return BY_NYU40.get(nyu40id) ?? -1;
}
