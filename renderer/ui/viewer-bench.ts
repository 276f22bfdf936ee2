// In-page measurements for `npm run bench -- viewer` (reached through the ?e2e=1 viewer hooks):
// frame times while orbiting the scene, and pick latency at spread-out screen positions. Times are
// taken here, in the page, so the numbers hold no Playwright round trips.
import type { Viewport } from '../viewport/viewport';

export interface FrameSamples {
  /** Main-thread CPU time per frame: LOD choice and draw-call submission (the engine's own count), ms. */
  cpuMs: number[];
  /** Until the frame's pixels exist: the same plus waiting for the GPU (a 1-pixel read-back), ms. */
  completeMs: number[];
  /** Points drawn in each frame. */
  pointsDrawn: number[];
}

export interface PickSamples {
  ms: number[];
  /** Picks that hit a point (the rest fell on background). */
  hits: number;
}

const canvasOf = (): HTMLCanvasElement => {
  const c = document.querySelector<HTMLCanvasElement>('[data-testid="viewport-canvas"]');
  if (!c) throw new Error('viewer bench: no viewport canvas');
  return c;
};

/**
 * Orbits the camera one full turn around its target over `frames` frames (after 3 unmeasured
 * warm-up frames), drawing each synchronously; stops early once `maxMs` have passed and at least
 * `minFrames` were measured. The starting viewpoint is restored.
 */
export function measureFrames(engine: Viewport, opts: { frames: number; minFrames?: number; maxMs?: number }): FrameSamples {
  const gl = canvasOf().getContext('webgl2');
  if (!gl) throw new Error('viewer bench: the canvas has no WebGL2 context');
  const pixel = new Uint8Array(4);
  const start = engine.getViewpoint();
  const [tx, ty] = start.target;
  const dx = start.position[0] - tx;
  const dy = start.position[1] - ty;
  const out: FrameSamples = { cpuMs: [], completeMs: [], pointsDrawn: [] };
  const began = performance.now();
  const warmUp = 3;
  try {
    for (let i = -warmUp; i < opts.frames; i++) {
      const a = (2 * Math.PI * Math.max(0, i)) / opts.frames;
      const c = Math.cos(a);
      const s = Math.sin(a);
      engine.setViewpoint({ ...start, position: [tx + dx * c - dy * s, ty + dx * s + dy * c, start.position[2]] });
      const t0 = performance.now();
      engine.renderNow();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      const t1 = performance.now();
      if (i < 0) continue;
      const stats = engine.stats();
      out.cpuMs.push(stats.frameMs);
      out.completeMs.push(t1 - t0);
      out.pointsDrawn.push(stats.pointsDrawn);
      if (opts.maxMs !== undefined && out.cpuMs.length >= (opts.minFrames ?? 1) && performance.now() - began > opts.maxMs) break;
    }
  } finally {
    engine.setViewpoint(start);
    engine.renderNow();
  }
  return out;
}

/**
 * `count` picks at deterministic positions spread over the middle 80% of the canvas; `fullFrame`
 * draws the id pass over the whole frame (the usual GPU pick) instead of a window at the cursor.
 */
export function measurePicks(engine: Viewport, opts: { count: number; maxMs?: number; fullFrame?: boolean }): PickSamples {
  const rect = canvasOf().getBoundingClientRect();
  const out: PickSamples = { ms: [], hits: 0 };
  const began = performance.now();
  // A 2-D low-discrepancy sequence (golden-ratio steps) so positions cover the view evenly.
  const g1 = 0.7548776662466927;
  const g2 = 0.5698402909980532;
  const fullFrame = !!opts.fullFrame;
  engine.pick(rect.left + rect.width / 2, rect.top + rect.height / 2, { fullFrame }); // warm-up: buffers and shaders
  for (let k = 0; k < opts.count; k++) {
    const u = 0.1 + 0.8 * ((0.5 + g1 * (k + 1)) % 1);
    const v = 0.1 + 0.8 * ((0.5 + g2 * (k + 1)) % 1);
    const t0 = performance.now();
    const id = engine.pick(rect.left + u * rect.width, rect.top + v * rect.height, { fullFrame });
    out.ms.push(performance.now() - t0);
    if (id !== null) out.hits++;
    if (opts.maxMs !== undefined && out.ms.length >= 5 && performance.now() - began > opts.maxMs) break;
  }
  return out;
}
