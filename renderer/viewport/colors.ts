// Per-point display colours. Recomputed on the CPU when the mode or selection changes: for ~200k
// points that is a few milliseconds, and it keeps the display shader trivial.
export type ColorMode = 'rgb' | 'instance';

/** Tints for the first and second selected instance (A, B). */
export const SELECTION_TINTS: ReadonlyArray<readonly [number, number, number]> = [
  [255, 150, 20],
  [40, 200, 255],
];
const TINT_WEIGHT = 0.7;
const DIM = 0.55;
const UNASSIGNED: readonly [number, number, number] = [120, 120, 125];

/** A stable, well-spread colour per instance id (golden-angle hue walk). */
export function instanceColor(id: number): [number, number, number] {
  if (id < 0) return [...UNASSIGNED];
  const h = (id * 137.508) % 360;
  const s = 0.65;
  const l = 0.55;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

export function computeDisplayColors(
  base: Uint8Array,
  instanceIds: Int32Array,
  mode: ColorMode,
  selection: readonly number[],
  out: Uint8Array = new Uint8Array(base.length),
): Uint8Array {
  const palette = new Map<number, [number, number, number]>();
  const anySelected = selection.length > 0;
  for (let i = 0; i < instanceIds.length; i++) {
    const id = instanceIds[i]!;
    const o = i * 3;
    let r: number, g: number, b: number;
    if (mode === 'instance') {
      let c = palette.get(id);
      if (!c) palette.set(id, (c = instanceColor(id)));
      [r, g, b] = c;
    } else {
      r = base[o]!;
      g = base[o + 1]!;
      b = base[o + 2]!;
    }
    const slot = anySelected && id >= 0 ? selection.indexOf(id) : -1;
    const tint = slot >= 0 ? SELECTION_TINTS[Math.min(slot, SELECTION_TINTS.length - 1)]! : null;
    if (tint) {
      r = r * (1 - TINT_WEIGHT) + tint[0] * TINT_WEIGHT;
      g = g * (1 - TINT_WEIGHT) + tint[1] * TINT_WEIGHT;
      b = b * (1 - TINT_WEIGHT) + tint[2] * TINT_WEIGHT;
    } else if (anySelected) {
      r *= DIM;
      g *= DIM;
      b *= DIM;
    }
    out[o] = r;
    out[o + 1] = g;
    out[o + 2] = b;
  }
  return out;
}
