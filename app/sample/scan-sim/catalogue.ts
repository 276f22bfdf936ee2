// Furniture the scan simulator adds to the sample room's catalogue, so every ScanNet-20 category can
// appear: kitchen runs (base cabinet + counter top + sink), refrigerators, bathrooms (toilet, vanity
// with sink, bathtub with shower curtain), office chairs, conference tables and small "otherfurniture"
// pieces. Sizes are realistic ranges in metres; parts stay inside the drawn box like the base catalogue.
import type { Vec3 } from '../../scene/types';
import { CATALOGUE, type CatalogueEntry } from '../catalogue';
import { box, cylinder, type Part, type Rgb } from '../parts';
import type { Random } from '../random';

/** A second instance that comes with a piece (the counter top on a kitchen cabinet), local frame of the piece. */
export interface Extra {
  label: string;
  parts: Part[];
}

export interface SimEntry extends CatalogueEntry {
  extras?(size: Vec3, rng: Random): Extra[];
}

const WOOD: Rgb[] = [[150, 111, 74], [196, 160, 118], [94, 66, 46], [226, 221, 210]];
const LACQUER: Rgb[] = [[240, 240, 236], [34, 34, 38], [120, 132, 140], [206, 196, 178], [170, 60, 50]];
const STONE: Rgb[] = [[210, 206, 198], [60, 60, 64], [150, 146, 140], [232, 228, 220]];
const CERAMIC: Rgb[] = [[246, 246, 244], [236, 234, 228]];
const STEEL: Rgb[] = [[186, 188, 192], [150, 152, 156]];
const FABRIC: Rgb[] = [[86, 98, 122], [142, 62, 58], [64, 64, 70], [72, 112, 92], [182, 172, 152]];
const PLASTIC: Rgb[] = [[40, 40, 44], [200, 200, 196], [70, 90, 140]];

const baseCabinet: SimEntry = {
  model: 'base_cabinet',
  category: 'cabinet',
  width: [0.8, 2.6],
  depth: [0.56, 0.62],
  height: [0.84, 0.88],
  build([w, d, h], rng) {
    const front = rng.pick(LACQUER);
    const n = Math.max(1, Math.round(w / 0.6));
    const fw = (w - 0.02) / n;
    const parts: Part[] = [box(0, -0.01, 0.1, w, d - 0.04, h - 0.1, front), box(0, -0.04, 0, w, d - 0.1, 0.1, [40, 40, 42])];
    for (let i = 0; i < n; i++) parts.push(box(-w / 2 + 0.01 + (i + 0.5) * fw, d / 2 - 0.03, 0.12, fw - 0.006, 0.02, h - 0.14, front));
    return parts;
  },
  extras([w, d, h], rng) {
    const top = rng.pick(STONE);
    const out: Extra[] = [{ label: 'counter', parts: [box(0, 0, h, w, d, 0.035, top)] }];
    if (w > 1.1 && rng.chance(0.6)) {
      const steel = rng.pick(STEEL);
      const x = rng.range(-w / 2 + 0.35, w / 2 - 0.35);
      const sz = h + 0.035;
      out.push({
        label: 'sink',
        parts: [
          box(x, 0.02, sz, 0.5, 0.42, 0.015, steel),
          box(x, 0.02, sz + 0.015, 0.44, 0.36, 0.004, [110, 112, 116]),
          cylinder(x, -d / 2 + 0.08, sz, 0.02, 0.28, steel),
          box(x, -d / 2 + 0.14, sz + 0.24, 0.03, 0.14, 0.03, steel),
        ],
      });
    }
    return out;
  },
};

const refrigerator: SimEntry = {
  model: 'refrigerator',
  category: 'refrigerator',
  width: [0.6, 0.9],
  depth: [0.62, 0.75],
  height: [1.65, 1.95],
  build([w, d, h], rng) {
    const body = rng.pick([...STEEL, [244, 244, 242], [30, 30, 32]] as Rgb[]);
    const split = h * rng.range(0.3, 0.4);
    return [
      box(0, -0.02, 0, w, d - 0.04, h, body),
      box(0, d / 2 - 0.02, 0.02, w - 0.01, 0.02, split - 0.02, body),
      box(0, d / 2 - 0.02, split + 0.01, w - 0.01, 0.02, h - split - 0.02, body),
      box(w / 2 - 0.06, d / 2 - 0.005, split + 0.1, 0.02, 0.01, 0.4, [60, 60, 64]),
    ];
  },
};

const toilet: SimEntry = {
  model: 'toilet',
  category: 'toilet',
  width: [0.36, 0.44],
  depth: [0.62, 0.74],
  height: [0.72, 0.82],
  build([w, d, h], rng) {
    const white = rng.pick(CERAMIC);
    const bowlR = w / 2;
    const tankD = 0.18;
    return [
      box(0, -d / 2 + tankD / 2, 0.38, w, tankD, h - 0.38, white),
      box(0, -d / 2 + 0.2, 0, 0.22, 0.3, 0.38, white),
      cylinder(0, d / 2 - bowlR, 0, bowlR * 0.6, 0.2, white),
      cylinder(0, d / 2 - bowlR, 0.2, bowlR, 0.2, white),
      cylinder(0, d / 2 - bowlR, 0.4, bowlR, 0.02, rng.pick([...CERAMIC, [30, 30, 30]] as Rgb[])),
    ];
  },
};

const vanity: SimEntry = {
  model: 'vanity',
  category: 'cabinet',
  width: [0.6, 1.2],
  depth: [0.45, 0.55],
  height: [0.8, 0.86],
  build([w, d, h], rng) {
    const body = rng.pick([...WOOD, ...LACQUER]);
    return [box(0, -0.01, 0, w, d - 0.02, h, body), box(0, d / 2 - 0.01, 0.08, w - 0.04, 0.02, h - 0.12, body)];
  },
  extras([w, d, h], rng) {
    const white = rng.pick(CERAMIC);
    const sw = Math.min(0.55, w - 0.1);
    return [
      {
        label: 'sink',
        parts: [box(0, 0.02, h, sw, d - 0.1, 0.12, white), box(0, 0.04, h + 0.12, sw - 0.08, d - 0.2, 0.004, [200, 200, 200]), cylinder(0, -d / 2 + 0.06, h + 0.12, 0.015, 0.18, rng.pick(STEEL))],
      },
    ];
  },
};

const bathtub: SimEntry = {
  model: 'bathtub',
  category: 'bathtub',
  width: [1.45, 1.75],
  depth: [0.7, 0.8],
  height: [0.5, 0.6],
  build([w, d, h], rng) {
    const white = rng.pick(CERAMIC);
    const t = 0.06;
    return [
      box(0, 0, 0, w, d, 0.08, white),
      box(0, -d / 2 + t / 2, 0, w, t, h, white),
      box(0, d / 2 - t / 2, 0, w, t, h, white),
      box(-w / 2 + t / 2, 0, 0, t, d - 2 * t, h, white),
      box(w / 2 - t / 2, 0, 0, t, d - 2 * t, h, white),
    ];
  },
  extras([w, d, h], rng) {
    if (!rng.chance(0.65)) return [];
    const drawn = w * rng.range(0.3, 0.9);
    const color = rng.pick([[236, 236, 232], [150, 190, 210], [200, 200, 190]] as Rgb[]);
    // Hung from a rod over the tub's front edge, clear of the rim.
    return [{ label: 'shower curtain', parts: [box(-w / 2 + drawn / 2, d / 2 - 0.03, h + 0.08, drawn, 0.02, 1.9 - h - 0.08, color)] }];
  },
};

const officeChair: SimEntry = {
  model: 'office_chair',
  category: 'chair',
  width: [0.55, 0.66],
  depth: [0.55, 0.66],
  height: [0.9, 1.15],
  build([w, d, h], rng) {
    const plastic = rng.pick(PLASTIC);
    const fabric = rng.pick(FABRIC);
    const seatZ = rng.range(0.42, 0.5);
    return [
      box(0, 0, 0.04, w, 0.05, 0.04, plastic),
      box(0, 0, 0.04, 0.05, d, 0.04, plastic),
      cylinder(0, 0, 0.08, 0.025, seatZ - 0.08, [150, 150, 150]),
      box(0, 0.02, seatZ, w * 0.85, d * 0.8, 0.08, fabric),
      box(0, -d / 2 + 0.04, seatZ + 0.12, w * 0.8, 0.06, h - seatZ - 0.12, fabric),
      box(0, -d / 2 + 0.04, seatZ + 0.08, 0.04, 0.04, 0.06, plastic),
    ];
  },
};

const conferenceTable: SimEntry = {
  model: 'conference_table',
  category: 'table',
  width: [2.2, 3.6],
  depth: [1.0, 1.4],
  height: [0.72, 0.76],
  build([w, d, h], rng) {
    const top = rng.pick([...WOOD, [230, 230, 226]] as Rgb[]);
    const leg = rng.pick(STEEL);
    return [box(0, 0, h - 0.04, w, d, 0.04, top), box(-w / 2 + 0.3, 0, 0, 0.1, d * 0.6, h - 0.04, leg), box(w / 2 - 0.3, 0, 0, 0.1, d * 0.6, h - 0.04, leg)];
  },
};

const ottoman: SimEntry = {
  model: 'ottoman',
  category: 'ottoman',
  width: [0.4, 0.7],
  depth: [0.4, 0.7],
  height: [0.38, 0.46],
  build([w, d, h], rng) {
    const f = rng.pick(FABRIC);
    return rng.chance(0.5) ? [cylinder(0, 0, 0, Math.min(w, d) / 2, h, f)] : [box(0, 0, 0.04, w, d, h - 0.04, f), box(0, 0, 0, w - 0.06, d - 0.06, 0.04, [40, 40, 40])];
  },
};

const trashCan: SimEntry = {
  model: 'trash_can',
  category: 'trash can',
  width: [0.24, 0.36],
  depth: [0.24, 0.36],
  height: [0.3, 0.6],
  square: true,
  build([w, , h], rng) {
    return [cylinder(0, 0, 0, w / 2, h, rng.pick([...PLASTIC, ...STEEL]))];
  },
};

const fileCabinet: SimEntry = {
  model: 'file_cabinet',
  category: 'cabinet',
  width: [0.4, 0.9],
  depth: [0.45, 0.6],
  height: [0.6, 1.3],
  build([w, d, h], rng) {
    const body = rng.pick([...STEEL, ...LACQUER]);
    const drawers = Math.max(2, Math.round(h / 0.32));
    const parts: Part[] = [box(0, -0.01, 0, w, d - 0.02, h, body)];
    for (let i = 0; i < drawers; i++) parts.push(box(0, d / 2 - 0.01, 0.03 + (i * (h - 0.04)) / drawers, w - 0.03, 0.02, (h - 0.04) / drawers - 0.01, body));
    return parts;
  },
};

const clutterBox: SimEntry = {
  model: 'clutter_box',
  category: 'box',
  width: [0.25, 0.6],
  depth: [0.2, 0.45],
  height: [0.15, 0.45],
  build([w, d, h], rng) {
    return [box(0, 0, 0, w, d, h, rng.pick([[176, 140, 96], [150, 120, 80], [220, 220, 214], [60, 60, 64]] as Rgb[]))];
  },
};

const monitor: SimEntry = {
  model: 'monitor',
  category: 'monitor',
  width: [0.45, 0.7],
  depth: [0.18, 0.22],
  height: [0.35, 0.5],
  build([w, d, h]) {
    const black: Rgb = [24, 24, 28];
    return [box(0, 0, 0, 0.22, d, 0.015, black), box(0, -d / 2 + 0.04, 0.015, 0.04, 0.03, 0.12, black), box(0, -d / 2 + 0.03, 0.1, w, 0.03, h - 0.1, black)];
  },
};

export const SIM_CATALOGUE: readonly SimEntry[] = [
  ...CATALOGUE,
  baseCabinet,
  refrigerator,
  toilet,
  vanity,
  bathtub,
  officeChair,
  conferenceTable,
  ottoman,
  trashCan,
  fileCabinet,
  clutterBox,
  monitor,
];

const byModel = new Map(SIM_CATALOGUE.map((e) => [e.model, e]));

export function simEntry(model: string): SimEntry {
  const entry = byModel.get(model);
  if (!entry) throw new RangeError(`scan simulator: unknown catalogue model "${model}"`);
  return entry;
}
