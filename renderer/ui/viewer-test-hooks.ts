// Viewer hooks for the Playwright journeys (only with ?e2e=1): frame stats, exact picks, viewpoints,
// and `?synthetic=N` to replace the scene with N generated points made in the page.
import type { FrameStats, PickedPoint, SectionPlane, Viewpoint, Viewport } from '../viewport/viewport';
import { measureFrames, measurePicks, type FrameSamples, type PickSamples } from './viewer-bench';

export interface ScenewrightViewerHooks {
  stats(): FrameStats;
  pick(clientX: number, clientY: number, options?: { fullFrame?: boolean }): number | null;
  pickPoint(clientX: number, clientY: number): PickedPoint | null;
  /** The picked point's index in the loaded arrays (region pick, or the full-frame id pass). */
  pickIndex(clientX: number, clientY: number, options?: { fullFrame?: boolean }): number | null;
  /** Points the newest cursor pick drew. */
  pickPointsDrawn(): number;
  getSectionPlanes(): SectionPlane[];
  projectInstance(id: number): { x: number; y: number } | null;
  getViewpoint(): Viewpoint;
  setViewpoint(v: Viewpoint): void;
  fitToScene(): void;
  setPointBudget(n: number): void;
  /** Renders synchronously (tests read stats after it). */
  renderNow(): void;
  /** Bytes of JS heap in use (Chromium's performance.memory), or null where unsupported. */
  heapBytes(): number | null;
  /** Wall time of the newest scene's LOD build (octree + pick runs), ms. */
  lodBuildMs(): number;
  /** `npm run bench -- viewer`: LOD on/off (off = one THREE.Points), frame and pick timings. */
  setLodEnabled(on: boolean): void;
  measureFrames(opts: { frames: number; minFrames?: number; maxMs?: number }): FrameSamples;
  measurePicks(opts: { count: number; maxMs?: number; fullFrame?: boolean }): PickSamples;
}

declare global {
  interface Window {
    __scenewrightViewer?: ScenewrightViewerHooks;
  }
}

const params = () => new URLSearchParams(location.search);

export const viewerTestHooksEnabled = () => params().get('e2e') === '1';

/** Points of the synthetic scene requested by the URL (only with ?e2e=1), or 0. */
export function syntheticPointCount(): number {
  if (!viewerTestHooksEnabled()) return 0;
  const n = Number(params().get('synthetic') ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function installViewerHooks(engine: Viewport): () => void {
  const hooks: ScenewrightViewerHooks = {
    stats: () => engine.stats(),
    lodBuildMs: () => engine.lodBuildMs(),
    pick: (x, y, options) => engine.pick(x, y, options),
    pickPoint: (x, y) => engine.pickPoint(x, y),
    pickIndex: (x, y, options) => engine.pickPointIndex(x, y, options)?.pointIndex ?? null,
    pickPointsDrawn: () => engine.pickPointsDrawn(),
    getSectionPlanes: () => engine.getSectionPlanes(),
    projectInstance: (id) => engine.projectInstance(id),
    getViewpoint: () => engine.getViewpoint(),
    setViewpoint: (v) => engine.setViewpoint(v),
    fitToScene: () => engine.fitToScene(),
    setPointBudget: (n) => engine.setPointBudget(n),
    renderNow: () => engine.renderNow(),
    heapBytes: () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
    setLodEnabled: (on) => engine.setLodEnabled(on),
    measureFrames: (opts) => measureFrames(engine, opts),
    measurePicks: (opts) => measurePicks(engine, opts),
  };
  window.__scenewrightViewer = hooks;
  return () => {
    if (window.__scenewrightViewer === hooks) delete window.__scenewrightViewer;
  };
}
