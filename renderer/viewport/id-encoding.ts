// Instance ids written as colours for the GPU pick pass. 0 means "no point here", so the value
// stored is id + 2 in 24 bits: unassigned points (-1) stay distinguishable from background and
// still occlude what lies behind them. Ids from -1 up to 2^24 - 3 round-trip.
export const NO_INSTANCE = -1;
const OFFSET = 2;

/** One RGB triple per point, to be used as a normalized Uint8 attribute. */
export function encodePickColors(instanceIds: Int32Array): Uint8Array {
  const out = new Uint8Array(instanceIds.length * 3);
  for (let i = 0; i < instanceIds.length; i++) {
    const v = (instanceIds[i]! + OFFSET) & 0xffffff;
    out[i * 3] = v & 0xff;
    out[i * 3 + 1] = (v >> 8) & 0xff;
    out[i * 3 + 2] = (v >> 16) & 0xff;
  }
  return out;
}

/** Background → null; an unassigned point → NO_INSTANCE; else the instance id. */
export function decodePickPixel(r: number, g: number, b: number): number | null {
  const v = r | (g << 8) | (b << 16);
  return v === 0 ? null : v - OFFSET;
}

/**
 * The pick pass writes point index + 1 as four bytes (little end first); 0 is background.
 * Returns the point index, or null over background.
 */
export function decodeIndexPixel(r: number, g: number, b: number, a: number): number | null {
  const v = (r | (g << 8) | (b << 16)) + a * 2 ** 24;
  return v === 0 ? null : v - 1;
}
