// The furniture catalogue: for each model, realistic size ranges (metres) and a builder that turns a
// drawn size into primitive parts. Builders keep every part inside [-w/2,w/2]×[-d/2,d/2]×[0,h], so the
// drawn size is the object's ground-truth box.
import type { Vec3 } from '../scene/types';
import { box, cylinder, type Part, type Rgb } from './parts';
import type { Random } from './random';

export type Range = readonly [number, number];

export interface CatalogueEntry {
  /** Unique key of this model in the catalogue. */
  model: string;
  /** Instance label the object gets in the scene. */
  category: string;
  width: Range;
  depth: Range;
  height: Range;
  /** Round footprint items draw one value for width and depth. */
  square?: boolean;
  build(size: Vec3, rng: Random): Part[];
}

// Material palettes: an object picks one colour per role, so two chairs of a set may still differ.
const WOOD: Rgb[] = [[150, 111, 74], [196, 160, 118], [94, 66, 46], [168, 128, 88], [226, 221, 210]];
const FABRIC: Rgb[] = [[86, 98, 122], [142, 62, 58], [182, 172, 152], [72, 112, 92], [64, 64, 70], [196, 150, 80]];
const LINEN: Rgb[] = [[236, 236, 230], [210, 220, 232], [228, 214, 196], [200, 200, 204]];
const METAL: Rgb[] = [[42, 42, 46], [178, 180, 186], [120, 110, 96]];
const LACQUER: Rgb[] = [[240, 240, 236], [34, 34, 38], [120, 132, 140], [206, 196, 178]];
const SHADE: Rgb[] = [[244, 236, 214], [250, 250, 246], [212, 190, 150]];
const BOOKS: Rgb[] = [[160, 40, 40], [40, 70, 140], [220, 200, 120], [50, 110, 60], [230, 230, 225], [90, 60, 110], [200, 110, 40]];

const darker = (c: Rgb, f: number): Rgb => [Math.round(c[0] * f), Math.round(c[1] * f), Math.round(c[2] * f)];

/** Four square legs at the corners of a w×d footprint, inset so they stay inside it. */
function legs(w: number, d: number, h: number, t: number, inset: number, color: Rgb): Part[] {
  const x = w / 2 - inset - t / 2;
  const y = d / 2 - inset - t / 2;
  return [box(-x, -y, 0, t, t, h, color), box(x, -y, 0, t, t, h, color), box(-x, y, 0, t, t, h, color), box(x, y, 0, t, t, h, color)];
}

const bed: CatalogueEntry = {
  model: 'bed',
  category: 'bed',
  width: [0.9, 1.8],
  depth: [1.95, 2.2],
  height: [0.85, 1.15],
  build([w, d, h], rng) {
    const wood = rng.pick(WOOD);
    const sheet = rng.pick(LINEN);
    const duvet = rng.pick([...LINEN, ...FABRIC]);
    const frameH = rng.range(0.22, 0.32);
    const head = 0.06;
    const parts: Part[] = [
      box(0, -d / 2 + head / 2, 0, w, head, h, wood),
      box(0, head / 2, 0, w, d - head, frameH, wood),
      box(0, head / 2, frameH, w - 0.04, d - head - 0.04, 0.2, sheet),
      // The duvet covers the foot two thirds of the mattress.
      box(0, head / 2 + (d - head) / 6, frameH + 0.2, w - 0.02, (2 * (d - head)) / 3 - 0.04, 0.05, duvet),
    ];
    const pillows = w > 1.2 ? 2 : 1;
    const pw = (w - 0.2) / pillows - 0.05;
    for (let i = 0; i < pillows; i++) {
      const x = -w / 2 + 0.1 + (i + 0.5) * ((w - 0.2) / pillows);
      parts.push(box(x, -d / 2 + head + 0.3, frameH + 0.2, pw, 0.42, 0.12, sheet));
    }
    return parts;
  },
};

const nightstand: CatalogueEntry = {
  model: 'nightstand',
  category: 'nightstand',
  width: [0.4, 0.55],
  depth: [0.35, 0.45],
  height: [0.45, 0.6],
  build([w, d, h], rng) {
    const wood = rng.pick(WOOD);
    const front = rng.pick(LACQUER);
    return [box(0, -0.01, 0, w, d - 0.02, h, wood), box(0, d / 2 - 0.01, 0.06, w - 0.04, 0.02, h - 0.1, front)];
  },
};

const wardrobe: CatalogueEntry = {
  model: 'wardrobe',
  category: 'wardrobe',
  width: [0.8, 1.6],
  depth: [0.55, 0.63],
  height: [1.8, 2.2],
  build([w, d, h], rng) {
    const body = rng.pick(WOOD);
    const door = rng.chance(0.5) ? body : rng.pick(LACQUER);
    const doors = w > 1.2 ? 3 : 2;
    const parts: Part[] = [box(0, -0.01, 0, w, d - 0.02, h, body)];
    const dw = (w - 0.02) / doors;
    for (let i = 0; i < doors; i++) parts.push(box(-w / 2 + 0.01 + (i + 0.5) * dw, d / 2 - 0.01, 0.08, dw - 0.006, 0.02, h - 0.1, door));
    return parts;
  },
};

const desk: CatalogueEntry = {
  model: 'desk',
  category: 'desk',
  width: [1.0, 1.6],
  depth: [0.6, 0.8],
  height: [0.72, 0.77],
  build([w, d, h], rng) {
    const top = rng.pick(WOOD);
    const frame = rng.pick(METAL);
    const parts = [box(0, 0, h - 0.03, w, d, 0.03, top), ...legs(w, d, h - 0.03, 0.04, 0.02, frame)];
    // A drawer block under one side.
    const side = rng.chance(0.5) ? -1 : 1;
    parts.push(box(side * (w / 2 - 0.25), 0, h - 0.18, 0.4, d - 0.1, 0.15, rng.pick(LACQUER)));
    return parts;
  },
};

const chair: CatalogueEntry = {
  model: 'chair',
  category: 'chair',
  width: [0.42, 0.5],
  depth: [0.46, 0.55],
  height: [0.8, 0.95],
  build([w, d, h], rng) {
    const wood = rng.pick(WOOD);
    const seat = rng.chance(0.5) ? wood : rng.pick(FABRIC);
    const seatZ = 0.44;
    return [
      ...legs(w, d, seatZ, 0.035, 0.01, wood),
      box(0, 0, seatZ, w, d, 0.05, seat),
      box(0, -d / 2 + 0.02, seatZ + 0.05, w - 0.02, 0.04, h - seatZ - 0.05, wood),
    ];
  },
};

const table: CatalogueEntry = {
  model: 'dining_table',
  category: 'table',
  width: [1.2, 1.8],
  depth: [0.75, 0.95],
  height: [0.72, 0.77],
  build([w, d, h], rng) {
    const wood = rng.pick(WOOD);
    const legColor = rng.chance(0.6) ? wood : rng.pick(METAL);
    return [box(0, 0, h - 0.04, w, d, 0.04, wood), box(0, 0, h - 0.12, w - 0.16, d - 0.16, 0.08, darker(wood, 0.85)), ...legs(w, d, h - 0.04, 0.06, 0.05, legColor)];
  },
};

/** Sofas and armchairs share one shape: a base, a back, two arms and seat cushions. */
function upholstered(size: Vec3, rng: Random, cushions: number): Part[] {
  const [w, d, h] = size;
  const fabric = rng.pick(FABRIC);
  const cushion = rng.chance(0.7) ? fabric : rng.pick(FABRIC);
  const arm = Math.min(0.2, w * 0.18);
  const back = 0.2;
  const baseH = 0.38;
  const parts: Part[] = [
    box(0, 0, 0.05, w, d, baseH - 0.05, fabric),
    ...legs(w, d, 0.05, 0.05, 0.03, rng.pick(METAL)),
    box(0, -d / 2 + back / 2, baseH, w - 2 * arm, back, h - baseH, fabric),
    box(-w / 2 + arm / 2, 0, baseH, arm, d, 0.22, fabric),
    box(w / 2 - arm / 2, 0, baseH, arm, d, 0.22, fabric),
  ];
  const cw = (w - 2 * arm) / cushions;
  for (let i = 0; i < cushions; i++) parts.push(box(-w / 2 + arm + (i + 0.5) * cw, back / 2, baseH, cw - 0.02, d - back - 0.02, 0.12, cushion));
  return parts;
}

const sofa: CatalogueEntry = {
  model: 'sofa',
  category: 'sofa',
  width: [1.6, 2.3],
  depth: [0.85, 1.0],
  height: [0.75, 0.9],
  build(size, rng) {
    return upholstered(size, rng, size[0] > 2 ? 3 : 2);
  },
};

const armchair: CatalogueEntry = {
  model: 'armchair',
  category: 'armchair',
  width: [0.7, 0.95],
  depth: [0.75, 0.95],
  height: [0.75, 1.0],
  build(size, rng) {
    return upholstered(size, rng, 1);
  },
};

const coffeeTable: CatalogueEntry = {
  model: 'coffee_table',
  category: 'coffee_table',
  width: [0.8, 1.2],
  depth: [0.45, 0.7],
  height: [0.38, 0.48],
  build([w, d, h], rng) {
    const wood = rng.pick(WOOD);
    return [box(0, 0, h - 0.035, w, d, 0.035, wood), box(0, 0, 0.1, w - 0.1, d - 0.1, 0.02, wood), ...legs(w, d, h - 0.035, 0.04, 0.02, darker(wood, 0.8))];
  },
};

const bookshelf: CatalogueEntry = {
  model: 'bookshelf',
  category: 'bookshelf',
  width: [0.6, 1.0],
  depth: [0.28, 0.38],
  height: [1.6, 2.0],
  build([w, d, h], rng) {
    const wood = rng.pick(WOOD);
    const t = 0.02;
    const parts: Part[] = [
      box(-w / 2 + t / 2, 0, 0, t, d, h, wood),
      box(w / 2 - t / 2, 0, 0, t, d, h, wood),
      box(0, -d / 2 + 0.005, 0, w - 2 * t, 0.01, h, darker(wood, 0.9)),
    ];
    const shelves = Math.max(4, Math.round(h / 0.36));
    const pitch = (h - t) / shelves;
    for (let s = 0; s <= shelves; s++) parts.push(box(0, 0.005, s * pitch, w - 2 * t, d - 0.01, t, wood));
    // Books: runs of thin boxes with their own colours, leaving gaps.
    for (let s = 0; s < shelves; s++) {
      let x = -w / 2 + t + 0.01;
      while (x < w / 2 - t - 0.06) {
        const bw = rng.range(0.02, 0.05);
        if (rng.chance(0.8)) parts.push(box(x + bw / 2, 0, s * pitch + t, bw, d * rng.range(0.6, 0.85), pitch * rng.range(0.55, 0.85), rng.pick(BOOKS)));
        x += bw + 0.002;
      }
    }
    return parts;
  },
};

const cabinet: CatalogueEntry = {
  model: 'sideboard',
  category: 'cabinet',
  width: [1.0, 1.8],
  depth: [0.38, 0.5],
  height: [0.45, 0.75],
  build([w, d, h], rng) {
    const body = rng.pick([...WOOD, ...LACQUER]);
    const fronts = rng.pick(LACQUER);
    const n = w > 1.4 ? 3 : 2;
    const fw = (w - 0.04) / n;
    const parts: Part[] = [box(0, -0.01, 0.06, w, d - 0.02, h - 0.06, body), box(0, -0.01, 0, w - 0.1, d - 0.08, 0.06, darker(body, 0.6))];
    for (let i = 0; i < n; i++) parts.push(box(-w / 2 + 0.02 + (i + 0.5) * fw, d / 2 - 0.01, 0.08, fw - 0.006, 0.02, h - 0.1, fronts));
    return parts;
  },
};

const tv: CatalogueEntry = {
  model: 'tv',
  category: 'tv',
  width: [0.9, 1.45],
  depth: [0.2, 0.26],
  height: [0.58, 0.92],
  build([w, d, h]) {
    const black: Rgb = [22, 22, 26];
    return [box(0, 0, 0, Math.min(0.4, w * 0.4), d, 0.02, [60, 60, 64]), box(0, 0, 0.02, 0.06, 0.04, 0.08, black), box(0, 0, 0.08, w, 0.05, h - 0.08, black)];
  },
};

const floorLamp: CatalogueEntry = {
  model: 'floor_lamp',
  category: 'lamp',
  width: [0.3, 0.45],
  depth: [0.3, 0.45],
  height: [1.4, 1.75],
  square: true,
  build([w, , h], rng) {
    const metal = rng.pick(METAL);
    return [cylinder(0, 0, 0, 0.13, 0.03, metal), cylinder(0, 0, 0.03, 0.012, h - 0.3, metal), cylinder(0, 0, h - 0.3, w / 2, 0.3, rng.pick(SHADE))];
  },
};

const tableLamp: CatalogueEntry = {
  model: 'table_lamp',
  category: 'lamp',
  width: [0.2, 0.3],
  depth: [0.2, 0.3],
  height: [0.35, 0.55],
  square: true,
  build([w, , h], rng) {
    const base = rng.pick([...METAL, ...LACQUER]);
    return [cylinder(0, 0, 0, w * 0.3, h * 0.45, base), cylinder(0, 0, h * 0.45, 0.01, h * 0.2, base), cylinder(0, 0, h * 0.6, w / 2, h * 0.4, rng.pick(SHADE))];
  },
};

const plant: CatalogueEntry = {
  model: 'plant',
  category: 'plant',
  width: [0.3, 0.55],
  depth: [0.3, 0.55],
  height: [0.6, 1.3],
  square: true,
  build([w, , h], rng) {
    const potH = Math.min(0.35, h * 0.3);
    const green: Rgb = rng.pick([[52, 110, 48], [74, 128, 60], [40, 90, 52]]);
    return [
      cylinder(0, 0, 0, w * 0.32, potH, rng.pick([[176, 98, 64], [230, 230, 226], [60, 60, 64]])),
      cylinder(0, 0, potH, w / 2, (h - potH) * 0.6, green),
      cylinder(0, 0, potH + (h - potH) * 0.6, w * 0.3, (h - potH) * 0.4, darker(green, 0.85)),
    ];
  },
};

export const CATALOGUE: readonly CatalogueEntry[] = [
  bed, nightstand, wardrobe, desk, chair, table, sofa, armchair, coffeeTable, bookshelf, cabinet, tv, floorLamp, tableLamp, plant,
];

const byModel = new Map(CATALOGUE.map((e) => [e.model, e]));

export function catalogueEntry(model: string): CatalogueEntry {
  const entry = byModel.get(model);
  if (!entry) throw new RangeError(`unknown catalogue model "${model}"`);
  return entry;
}

/** Draws a size inside the entry's ranges. */
export function drawSize(entry: CatalogueEntry, rng: Random): Vec3 {
  const w = rng.range(entry.width[0], entry.width[1]);
  const d = entry.square ? w : rng.range(entry.depth[0], entry.depth[1]);
  return [w, d, rng.range(entry.height[0], entry.height[1])];
}
