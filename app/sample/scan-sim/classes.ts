// Instance labels of simulated rooms and their ScanNet-20 class, following ScanNet's own label table
// (scannetv2-labels.combined.tsv): an armchair is a chair, a coffee table a table, a wardrobe
// "otherfurniture", a nightstand / lamp / tv / plant fall outside ScanNet-20 and are ignored (-1).
import { SCANNET20 } from '../../segment/scannet20';

const CLASS_OF_LABEL: Record<string, string | null> = {
  wall: 'wall',
  floor: 'floor',
  ceiling: null,
  door: 'door',
  window: 'window',
  bed: 'bed',
  chair: 'chair',
  armchair: 'chair',
  sofa: 'sofa',
  table: 'table',
  coffee_table: 'table',
  desk: 'desk',
  bookshelf: 'bookshelf',
  cabinet: 'cabinet',
  picture: 'picture',
  counter: 'counter',
  curtain: 'curtain',
  refrigerator: 'refrigerator',
  'shower curtain': 'shower curtain',
  toilet: 'toilet',
  sink: 'sink',
  bathtub: 'bathtub',
  wardrobe: 'otherfurniture',
  'trash can': 'otherfurniture',
  ottoman: 'otherfurniture',
  nightstand: null,
  lamp: null,
  tv: null,
  plant: null,
  whiteboard: null,
  box: null,
  monitor: null,
  towel: null,
};

const INDEX = new Map(SCANNET20.map((c, i) => [c.name, i]));

/** ScanNet-20 class index of a simulator label; -1 for labels the benchmark ignores. Throws on an unknown label. */
export function scannet20OfLabel(label: string): number {
  if (!(label in CLASS_OF_LABEL)) throw new RangeError(`scan simulator: no ScanNet-20 mapping for label "${label}"`);
  const name = CLASS_OF_LABEL[label];
  return name ? INDEX.get(name)! : -1;
}

export const SIM_LABELS: readonly string[] = Object.keys(CLASS_OF_LABEL);
