// A pick reads a few pixels, so it draws the id pass into a small window around the cursor (a
// view-offset camera over the same LOD nodes) instead of the whole frame. It stays exact because
// the window keeps a margin as wide as the largest point sprite: GL drops a point whose centre is
// outside the viewport, so every point that can cover the read pixels has its centre inside the
// window, as it has inside the full frame. When sprites could be too large (the camera among the
// points), the caller falls back to the full frame.

/** Largest window side (buffer pixels) worth drawing; beyond it the full frame is drawn. */
export const MAX_PICK_WINDOW = 257;

export interface PickWindow {
  /** Bottom-left corner and size in drawing-buffer pixels, inside the buffer. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The window around buffer pixel (px, py) that holds every point centre whose sprite can reach
 * the read square of `radius`; clamped to the buffer (points centred off-screen are not drawn in
 * the full frame either). Null when `maxSpritePx` makes it larger than MAX_PICK_WINDOW.
 */
export function pickWindow(px: number, py: number, radius: number, maxSpritePx: number, bufferWidth: number, bufferHeight: number): PickWindow | null {
  if (!Number.isFinite(maxSpritePx)) return null;
  const reach = radius + Math.ceil(maxSpritePx / 2) + 1;
  if (2 * reach + 1 > MAX_PICK_WINDOW) return null;
  const x0 = Math.max(0, px - reach);
  const y0 = Math.max(0, py - reach);
  const x1 = Math.min(bufferWidth - 1, px + reach);
  const y1 = Math.min(bufferHeight - 1, py + reach);
  if (x1 < x0 || y1 < y0) return null;
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Largest sprite (pixels) a perspective view draws for points at least `nearestDistance` from the
 * camera: the shader sizes by view depth, and inside the frustum depth ≥ distance / k where
 * k = sqrt(1 + tan²(half vertical fov) + tan²(half horizontal fov)).
 */
export function maxPerspectiveSprite(worldSize: number, scale: number, nearestDistance: number, near: number, tanHalfV: number, aspect: number, maxPointSize: number): number {
  const tanHalfH = tanHalfV * aspect;
  const k = Math.sqrt(1 + tanHalfV * tanHalfV + tanHalfH * tanHalfH);
  const depth = Math.max(near, nearestDistance / k);
  return Math.min(maxPointSize, Math.max(1, (worldSize * scale) / depth));
}
