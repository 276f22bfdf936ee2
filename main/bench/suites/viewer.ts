// The viewer in a real browser: the web bridge serves the real UI, Chromium (the same lookup and
// flags as the e2e tests: SwiftShader WebGL unless CHROMIUM_FLAGS says otherwise) opens it with a
// generated scene of N points made in the page (?e2e=1&synthetic=N). Per scene size, in one page:
//   ours: the engine with its octree LOD at the point budget;
//   peer: the same engine, same buffers and shader, drawing the whole cloud as one THREE.Points.
// Metrics: main-thread CPU per frame while orbiting (LOD choice + draw submission), time until the
// frame's pixels exist (includes the GPU; with SwiftShader the GPU is the CPU), points drawn, and
// pick latency (GPU id buffer, p50 / p95).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveWeb } from '../../bridge/serve-web';
import { resolveChromium } from '../../launch/chromium-path';
import { result, type BenchResult } from '../result';

const SUITE = 'viewer';
const PEER = 'one THREE.Points, no LOD';
const PICK_PEER = 'full-frame id pass over one THREE.Points';
/** The e2e configuration's flags: WebGL through SwiftShader, which runs on any machine. */
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface FrameSamples {
  cpuMs: number[];
  completeMs: number[];
  pointsDrawn: number[];
}
interface PickSamples {
  ms: number[];
  hits: number;
}
interface ViewerHooks {
  stats(): { budget: number; pointCount: number };
  setPointBudget(n: number): void;
  setLodEnabled(on: boolean): void;
  measureFrames(opts: { frames: number; minFrames?: number; maxMs?: number }): FrameSamples;
  measurePicks(opts: { count: number; maxMs?: number; fullFrame?: boolean }): PickSamples;
  heapBytes(): number | null;
  lodBuildMs(): number;
}
type HookWindow = { __scenewrightViewer: ViewerHooks };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const percentile = (xs: number[], p: number): number => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
};

function arg(args: string[], name: string): string | undefined {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a?.slice(name.length + 3);
}

export interface ViewerBenchOptions {
  /** Scene sizes in points. */
  sizes: number[];
  frames: number;
  picks: number;
  /** Point budget; default: the one the engine chose for this browser's GPU. */
  budget?: number;
  /** Longest the peer may spend on one metric (it draws every point, seconds per frame at 50M). */
  peerMs: number;
}

export function parseViewerArgs(args: string[]): ViewerBenchOptions {
  const quick = args.includes('--quick');
  const sizes = (arg(args, 'sizes') ?? (quick ? '1,10' : '1,10,50')).split(',').map((s) => Math.round(Number(s) * 1e6));
  if (!sizes.length || sizes.some((n) => !(n > 0))) throw new Error(`viewer bench: --sizes takes millions of points, e.g. --sizes=1,10,50`);
  const num = (name: string, fallback: number) => {
    const v = arg(args, name);
    const n = v === undefined ? fallback : Number(v);
    if (!(n > 0)) throw new Error(`viewer bench: --${name} must be a positive number, got ${v}`);
    return n;
  };
  const budget = arg(args, 'budget');
  return {
    sizes,
    frames: num('frames', quick ? 20 : 60),
    picks: num('picks', quick ? 30 : 100),
    budget: budget === undefined ? undefined : num('budget', 0),
    peerMs: num('peer-seconds', quick ? 8 : 20) * 1000,
  };
}

const millions = (n: number) => `${+(n / 1e6).toFixed(2)}M`;

async function measureSize(browser: Browser, baseUrl: string, n: number, o: ViewerBenchOptions, log: (s: string) => void): Promise<BenchResult[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let crashed = false;
  page.on('crash', () => (crashed = true));
  try {
    const u = new URL(baseUrl);
    u.search = `?e2e=1&synthetic=${n}`;
    const t0 = Date.now();
    await page.goto(u.toString());
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20 * 60_000 }).catch((err: Error) => {
      throw new Error(crashed ? 'the page crashed while loading (out of memory?)' : `${err.message.split('\n')[0]}${pageErrors.length ? `; page errors: ${pageErrors.join('; ')}` : ''}`);
    });
    const loadMs = Date.now() - t0;
    const banner = await page.getByTestId('error-banner').textContent({ timeout: 1 }).catch(() => null);
    if (banner) throw new Error(`the UI reported: ${banner}`);
    // Each callback runs in the page (serialised), so it names the hooks itself.
    if (o.budget) await page.evaluate((b) => (globalThis as unknown as HookWindow).__scenewrightViewer.setPointBudget(b), o.budget);
    const budget = await page.evaluate(() => (globalThis as unknown as HookWindow).__scenewrightViewer.stats().budget);
    log(`viewer: ${millions(n)} points loaded in ${(loadMs / 1000).toFixed(1)} s; budget ${budget.toLocaleString('en-US')}`);

    const lodFrames = await page.evaluate((f) => (globalThis as unknown as HookWindow).__scenewrightViewer.measureFrames({ frames: f }), o.frames);
    const lodPicks = await page.evaluate((c) => (globalThis as unknown as HookWindow).__scenewrightViewer.measurePicks({ count: c }), o.picks);
    const heap = await page.evaluate(() => (globalThis as unknown as HookWindow).__scenewrightViewer.heapBytes());
    const lodBuildMs = await page.evaluate(() => (globalThis as unknown as HookWindow).__scenewrightViewer.lodBuildMs());
    await page.evaluate(() => (globalThis as unknown as HookWindow).__scenewrightViewer.setLodEnabled(false));
    const peerFrames = await page.evaluate(
      (x) => (globalThis as unknown as HookWindow).__scenewrightViewer.measureFrames({ frames: x.f, minFrames: 5, maxMs: x.ms }),
      { f: o.frames, ms: o.peerMs },
    );
    const peerPicks = await page.evaluate(
      (x) => (globalThis as unknown as HookWindow).__scenewrightViewer.measurePicks({ count: x.c, maxMs: x.ms, fullFrame: true }),
      { c: o.picks, ms: o.peerMs },
    );
    await page.evaluate(() => (globalThis as unknown as HookWindow).__scenewrightViewer.setLodEnabled(true));
    log(`viewer: ${millions(n)}: ${lodFrames.cpuMs.length} LOD frames, ${peerFrames.cpuMs.length} peer frames, ${lodPicks.ms.length}/${peerPicks.ms.length} picks (${lodPicks.hits}/${peerPicks.hits} on points)`);

    const name = `${millions(n)} points, budget ${millions(budget)}`;
    const lower = (value: number) => ({ value, name: PEER, better: 'lower' as const });
    const out: BenchResult[] = [];
    for (const [metric, ours, peer] of [
      ['frame CPU p50', percentile(lodFrames.cpuMs, 0.5), percentile(peerFrames.cpuMs, 0.5)],
      ['frame CPU p95', percentile(lodFrames.cpuMs, 0.95), percentile(peerFrames.cpuMs, 0.95)],
      ['frame complete p50', percentile(lodFrames.completeMs, 0.5), percentile(peerFrames.completeMs, 0.5)],
      ['frame complete p95', percentile(lodFrames.completeMs, 0.95), percentile(peerFrames.completeMs, 0.95)],
    ] as const) {
      out.push(result(SUITE, name, metric, 'ms', ours, lower(peer)));
    }
    for (const p of [0.5, 0.95]) {
      const peer = { value: percentile(peerPicks.ms, p), name: PICK_PEER, better: 'lower' as const };
      out.push(result(SUITE, name, `pick p${p * 100}`, 'ms', percentile(lodPicks.ms, p), peer));
    }
    out.push(result(SUITE, name, 'points drawn p50', 'points', percentile(lodFrames.pointsDrawn, 0.5), lower(percentile(peerFrames.pointsDrawn, 0.5))));
    out.push(result(SUITE, name, 'load (generate + octree + first frame)', 'ms', loadMs, null));
    out.push(result(SUITE, name, 'LOD build (octree + pick runs, in a worker above 1M)', 'ms', lodBuildMs, null));
    if (heap !== null) out.push(result(SUITE, name, 'JS heap after load', 'bytes/point', heap / n, null));
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

export default async function viewer(args: string[]): Promise<BenchResult[]> {
  const o = parseViewerArgs(args);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-bench-viewer-'));
  const session = await serveWeb({ dataDir });
  let browser: Browser | undefined;
  const out: BenchResult[] = [];
  try {
    const found = await resolveChromium();
    const extra = (process.env.CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
    browser = await chromium.launch({ executablePath: found.path, args: extra.length ? extra : CHROMIUM_ARGS, headless: true });
    log(`viewer: Chromium ${browser.version()} (${found.source}: ${found.path})`);
    for (const n of o.sizes) {
      try {
        out.push(...(await measureSize(browser, session.bridge.url, n, o, log)));
      } catch (err) {
        // A size that cannot load (memory) is reported, and the smaller sizes' numbers still count.
        log(`viewer: ${millions(n)} points: not measured: ${err instanceof Error ? err.message : String(err)}`);
        if (!browser.isConnected()) {
          browser = await chromium.launch({ executablePath: found.path, args: extra.length ? extra : CHROMIUM_ARGS, headless: true });
        }
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await session.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
