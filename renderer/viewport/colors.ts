// Per-point display colours. Recomputed on the CPU when the mode or selection changes: for ~200k
// points that is a few milliseconds, and it keeps the display shader trivial (and shared with the
// pick pass, which is what keeps picking exact).
export type ColorMode = 'rgb' | 'instance' | 'label' | 'height' | 'superpoint' | 'confidence';
export type Rgb = [number, number, number];

export const COLOR_MODES: readonly ColorMode[] = ['rgb', 'instance', 'label', 'height', 'superpoint', 'confidence'];

export const COLOR_MODE_NAMES: Record<ColorMode, string> = {
  rgb: 'RGB',
  instance: 'Instance',
  label: 'Semantic label',
  height: 'Height',
  superpoint: 'Superpoint',
  confidence: 'Model confidence',
};

/** What the scene carries; a mode whose data is missing is unavailable (disabled in the UI). */
export interface ColorData {
  hasLabels: boolean;
  hasSuperpoints: boolean;
  hasConfidence: boolean;
}

export function availableColorModes(data: ColorData): ColorMode[] {
  return COLOR_MODES.filter(
    (m) => (m !== 'label' || data.hasLabels) && (m !== 'superpoint' || data.hasSuperpoints) && (m !== 'confidence' || data.hasConfidence),
  );
}

/** Tints for the first and second selected instance (A, B), then every further one (multi-select). */
export const SELECTION_TINTS: ReadonlyArray<readonly [number, number, number]> = [
  [255, 150, 20],
  [40, 200, 255],
  [110, 230, 110],
];
const TINT_WEIGHT = 0.7;
const DIM = 0.55;
const UNASSIGNED: Rgb = [120, 120, 125];

function hsl(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** A stable, well-spread colour per instance id (golden-angle hue walk). */
export function instanceColor(id: number): Rgb {
  if (id < 0) return [...UNASSIGNED];
  return hsl((id * 137.508) % 360, 0.65, 0.55);
}

/** A stable colour per semantic label (FNV-1a hash of the name), so a label keeps its colour across scenes. */
export function labelColor(label: string): Rgb {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  const u = (h >>> 0) / 2 ** 32;
  return hsl(u * 360, 0.6 + 0.2 * (((h >>> 8) & 0xff) / 255), 0.5);
}

/** Piecewise-linear ramp through `stops` at t in [0, 1]. */
function ramp(stops: readonly Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

const HEIGHT_STOPS: readonly Rgb[] = [
  [48, 18, 140],
  [30, 120, 220],
  [40, 200, 140],
  [235, 215, 40],
  [230, 60, 30],
];
const CONFIDENCE_STOPS: readonly Rgb[] = [
  [215, 48, 39],
  [250, 210, 60],
  [40, 170, 90],
];

export const heightColor = (t: number): Rgb => ramp(HEIGHT_STOPS, t);
export const confidenceColor = (t: number): Rgb => ramp(CONFIDENCE_STOPS, t);

export interface ColorInputs {
  /** Scan RGB, 0..255 interleaved. */
  base: Uint8Array;
  instanceIds: Int32Array;
  /** xyz interleaved (height mode). */
  positions?: Float32Array;
  /** Which coordinate is up in `positions` (2 for z-up data, 1 for y-up). */
  upIndex?: 1 | 2;
  /** Height range mapped onto the ramp. */
  heightRange?: [number, number];
  /** instance id → semantic label (label mode). */
  labels?: ReadonlyMap<number, string>;
  superpointIds?: Int32Array;
  /** 0..1 per point. */
  confidence?: Float32Array;
}

export function computeDisplayColors(
  src: ColorInputs,
  mode: ColorMode,
  selection: readonly number[],
  out: Uint8Array = new Uint8Array(src.base.length),
  /** Bytes per point in `out` (4 leaves every fourth byte alone, for an RGBA attribute). */
  stride: 3 | 4 = 3,
): Uint8Array {
  const { base, instanceIds } = src;
  const palette = new Map<number, Rgb>();
  const colorOfInstance = (id: number): Rgb => {
    let c = palette.get(id);
    if (!c) {
      const label = mode === 'label' ? src.labels?.get(id) : undefined;
      c = mode === 'label' ? (label === undefined ? [...UNASSIGNED] : labelColor(label)) : instanceColor(id);
      palette.set(id, c);
    }
    return c;
  };
  const up = src.upIndex ?? 2;
  const [h0, h1] = src.heightRange ?? [0, 1];
  const hSpan = h1 - h0 || 1;
  const anySelected = selection.length > 0;
  for (let i = 0; i < instanceIds.length; i++) {
    const id = instanceIds[i]!;
    const o = i * 3;
    let r: number, g: number, b: number;
    if (mode === 'instance' || (mode === 'label' && src.labels)) {
      [r, g, b] = colorOfInstance(id);
    } else if (mode === 'height' && src.positions) {
      [r, g, b] = heightColor((src.positions[o + up]! - h0) / hSpan);
    } else if (mode === 'superpoint' && src.superpointIds) {
      [r, g, b] = instanceColor(src.superpointIds[i]!);
    } else if (mode === 'confidence' && src.confidence) {
      [r, g, b] = confidenceColor(src.confidence[i]!);
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
    const d = i * stride;
    out[d] = r;
    out[d + 1] = g;
    out[d + 2] = b;
  }
  return out;
}
