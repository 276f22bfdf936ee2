// The viewer on the real UI: every colour mode draws content (pixels decoded from Playwright's own
// screenshots), the label legend, exact picking, cameras and viewpoints, clipping, hiding, the
// measure tool, screenshots at a chosen size, the shortcut overlay, and a generated 20M-point scene.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from './host-process';
import { colourStats, decodePng, type DecodedPng } from './png';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const BACKGROUND: [number, number, number] = [0x15, 0x17, 0x1b];
/** Hides HTML drawn over the canvas so a screenshot holds only what WebGL drew. */
const CANVAS_ONLY = '.viewer-panel, .legend, .viewer-status, .sw-vp-overlay { visibility: hidden !important; }';

let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-viewer-'));
  mkdirSync(artifacts, { recursive: true });
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openRoom(page: Page, search = ''): Promise<void> {
  const u = new URL(host.testUrl);
  for (const [k, v] of new URLSearchParams(search)) u.searchParams.set(k, v);
  await page.goto(u.toString());
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 110_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
}

async function canvasShot(page: Page, name?: string): Promise<DecodedPng> {
  const png = await page.getByTestId('viewport-canvas').screenshot({ style: CANVAS_ONLY, path: name ? join(artifacts, name) : undefined });
  return decodePng(png);
}

function differingShare(a: DecodedPng, b: DecodedPng): number {
  let differ = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    const o = p * 4;
    if (a.rgba[o] !== b.rgba[o] || a.rgba[o + 1] !== b.rgba[o + 1] || a.rgba[o + 2] !== b.rgba[o + 2]) differ++;
  }
  return differ / (a.width * a.height);
}

/** An on-screen instance of `label`: its id and a client position that picks it. */
async function onScreenInstance(page: Page, label: string): Promise<{ id: number; x: number; y: number }> {
  const found = await page.evaluate((l) => {
    const ids: number[] = (window as any).__scenewrightTest.instancesByLabel(l);
    for (const id of ids) {
      const pos = (window as any).__scenewrightViewer.projectInstance(id);
      if (pos) return { id, ...pos };
    }
    return null;
  }, label);
  expect(found, `an on-screen ${label}`).not.toBeNull();
  return found!;
}

test('every colour mode with data draws content; label mode shows the legend', async ({ page }) => {
  await openRoom(page);
  const select = page.getByTestId('color-mode-select');
  // The sample room has instances and labels but no superpoints or model confidence.
  await expect(select.locator('option[value="superpoint"]')).toBeDisabled();
  await expect(select.locator('option[value="confidence"]')).toBeDisabled();

  const shots: Record<string, DecodedPng> = {};
  for (const mode of ['rgb', 'instance', 'label', 'height']) {
    await select.selectOption(mode);
    await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
    const img = await canvasShot(page, `viewer-${mode}.png`);
    const { distinct, backgroundShare } = colourStats(img, BACKGROUND);
    // Instance and label modes use one flat colour per object; RGB and height vary per point.
    expect(distinct, `${mode}: distinct colours`).toBeGreaterThan(mode === 'instance' || mode === 'label' ? 8 : 40);
    expect(backgroundShare, `${mode}: share of background pixels`).toBeLessThan(0.9);
    shots[mode] = img;
    if (mode === 'label') {
      await expect(page.getByTestId('legend')).toBeVisible();
      const items = await page.getByTestId('legend-item').allTextContents();
      expect(items).toContain('table');
      expect(items).toContain('armchair');
    } else {
      await expect(page.getByTestId('legend')).toHaveCount(0);
    }
  }
  // The modes really colour differently.
  expect(differingShare(shots.rgb!, shots.instance!)).toBeGreaterThan(0.05);
  expect(differingShare(shots.instance!, shots.height!)).toBeGreaterThan(0.05);

  // Eye-dome lighting darkens edges: it changes the image but keeps content.
  await select.selectOption('rgb');
  await page.getByTestId('edl-toggle').check();
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  const edl = await canvasShot(page, 'viewer-rgb-edl.png');
  expect(colourStats(edl, BACKGROUND).distinct).toBeGreaterThan(40);
  expect(differingShare(edl, shots.rgb!)).toBeGreaterThan(0.01);
});

test('a click picks the instance under it, also in the top view; hidden instances are not picked', async ({ page }) => {
  await openRoom(page);
  const table = await onScreenInstance(page, 'table');
  await page.mouse.click(table.x, table.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([table.id]);
  // The exact point under the cursor lies on that table.
  const hit = await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pickPoint(x, y), table);
  expect(hit.instance).toBe(table.id);

  // Fit to the selection, with its oriented box drawn.
  await page.keyboard.press('Shift+F');
  await page.keyboard.press('b');
  await page.keyboard.press('b');

  const fitted = await page.evaluate((id) => (window as any).__scenewrightViewer.projectInstance(id), table.id);
  expect(fitted).not.toBeNull();
  expect(await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y), fitted)).toBe(table.id);

  // Hide the selection: the same pixel no longer picks it; show all brings it back.
  await page.locator('summary', { hasText: 'Show' }).click();
  await page.getByTestId('hide-selected').click();
  expect(await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y), fitted)).not.toBe(table.id);
  await page.getByTestId('show-all').click();
  expect(await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y), fitted)).toBe(table.id);

  // Top-down orthographic view: still exact.
  await page.keyboard.press('Escape');
  await page.getByTestId('camera-top').click();
  await page.keyboard.press('f');
  const view = await page.evaluate(() => (window as any).__scenewrightViewer.getViewpoint());
  expect(view.ortho).toBe(true);
  const fromTop = await onScreenInstance(page, 'table');
  await page.mouse.click(fromTop.x, fromTop.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([fromTop.id]);
});

test('viewpoints round-trip as JSON; clip above the floor empties the view', async ({ page }) => {
  await openRoom(page);
  const v0 = await page.evaluate(() => (window as any).__scenewrightViewer.getViewpoint());
  expect(Object.keys(v0).sort()).toEqual(['fov', 'ortho', 'position', 'target', 'up']);
  const moved = { ...v0, position: [v0.position[0] + 1, v0.position[1] - 2, v0.position[2] + 0.5] };
  const back = await page.evaluate((v) => {
    const t = (window as any).__scenewrightViewer;
    t.setViewpoint(JSON.parse(JSON.stringify(v)));
    return t.getViewpoint();
  }, moved);
  back.position.forEach((c: number, i: number) => expect(c).toBeCloseTo(moved.position[i], 4));
  back.target.forEach((c: number, i: number) => expect(c).toBeCloseTo(v0.target[i], 4));

  await page.keyboard.press('f');
  const full = colourStats(await canvasShot(page), BACKGROUND);
  await page.locator('summary', { hasText: 'Clip' }).click();
  await page.getByTestId('clip-above').fill('0');
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  const clipped = colourStats(await canvasShot(page, 'viewer-clip-floor.png'), BACKGROUND);
  expect(clipped.backgroundShare).toBeGreaterThan(full.backgroundShare);
  await page.getByTestId('clip-above').fill('0.6');
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  await canvasShot(page, 'viewer-clip-ceiling.png');
});

test('measure a point-to-point distance in metres; screenshot at a chosen size; shortcut overlay', async ({ page }) => {
  await openRoom(page);
  const a = await onScreenInstance(page, 'table');
  const b = await onScreenInstance(page, 'armchair');
  await page.getByTestId('measure-distance').click();
  await page.mouse.click(a.x, a.y);
  await page.mouse.click(b.x, b.y);
  const text = (await page.getByTestId('measure-result').textContent()) ?? '';
  const shown = Number(/([0-9.]+) m/.exec(text)?.[1]);
  const [pa, pb] = await page.evaluate(
    ([p, q]) => [(window as any).__scenewrightViewer.pickPoint(p!.x, p!.y).position, (window as any).__scenewrightViewer.pickPoint(q!.x, q!.y).position],
    [a, b],
  );
  const exact = Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]);
  expect(exact).toBeGreaterThan(0.1);
  expect(Math.abs(shown - exact)).toBeLessThan(0.006);
  await expect(page.getByTestId('measure-tool-label')).toContainText(' m');
  // Measuring does not select.
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([]);

  await page.getByTestId('screenshot-size').selectOption({ label: '1024×1024' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('screenshot-button').click()]);
  const file = await download.path();
  const png = decodePng(readFileSync(file));
  expect([png.width, png.height]).toEqual([1024, 1024]);
  expect(colourStats(png, BACKGROUND).distinct).toBeGreaterThan(40);

  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcuts-overlay');
  await expect(overlay).toBeVisible();
  for (const key of ['Shift+F', 'W A S D, Q E', 'Ctrl+Z (⌘Z)', '?']) await expect(overlay.getByText(key, { exact: true })).toBeVisible();
  await page.keyboard.press('?');
  await expect(overlay).toHaveCount(0);
});

test('a generated 20M-point scene opens, draws within the budget and picks exactly', async ({ page }) => {
  test.setTimeout(480_000);
  const started = Date.now();
  const N = 20_000_000;
  await openRoom(page, `synthetic=${N}`);
  test.info().annotations.push({ type: 'load', description: `${N} points generated, organised and drawn in ${Date.now() - started} ms` });
  const stats = await page.evaluate(() => {
    const t = (window as any).__scenewrightViewer;
    t.renderNow();
    return t.stats();
  });
  expect(stats.pointCount).toBe(N);
  expect(stats.pointsDrawn).toBeGreaterThan(0);
  expect(stats.pointsDrawn).toBeLessThanOrEqual(stats.budget);
  await expect(page.getByTestId('points-drawn')).toContainText('20,000,000');
  const img = await canvasShot(page, 'viewer-synthetic-20m.png');
  expect(colourStats(img, BACKGROUND).backgroundShare).toBeLessThan(0.95);

  // Stand in the first room and pick its third object (ids are room * 4 + k) through a real click.
  const target = await page.evaluate(() => {
    const t = (window as any).__scenewrightViewer;
    t.setViewpoint({ position: [4.5, 1.2, 2.2], target: [4.5, 3.8, 0.3], up: [0, 0, 1], fov: 50, ortho: false });
    const pos = t.projectInstance(2);
    return pos && { id: 2, ...pos };
  });
  expect(target).not.toBeNull();
  await page.mouse.click(target!.x, target!.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([target!.id]);

  // Memory bound: the JS heap (Chromium counts typed-array stores in it) stays under 40 bytes per
  // point. The arrays themselves take 31 (positions 12, colours 3, displayed RGBA 4, ids 4,
  // superpoints 4, confidence 4): no second copy of the cloud survives loading.
  const heap = await page.evaluate(() => (window as any).__scenewrightViewer.heapBytes());
  expect(heap).not.toBeNull();
  expect(heap).toBeLessThan(N * 40);
  await canvasShot(page, 'viewer-synthetic-20m-room.png');
});

test('window picks match full-frame picks; scene tree hides and locks; properties; saved views persist; superpoints on demand', async ({ page }) => {
  test.setTimeout(300_000);
  await openRoom(page);

  // A pick draws only a window around the cursor: it must agree with the full-frame id pass.
  for (const camera of ['orbit', 'top']) {
    if (camera === 'top') {
      await page.getByTestId('camera-top').click();
      await page.keyboard.press('f');
    }
    const box = (await page.getByTestId('viewport-canvas').boundingBox())!;
    const agreement = await page.evaluate(
      (b) => {
        const t = (window as any).__scenewrightViewer;
        let same = 0;
        let hits = 0;
        const n = 60;
        for (let k = 0; k < n; k++) {
          const x = b.x + b.width * (0.1 + 0.8 * ((0.5 + 0.7548776662466927 * (k + 1)) % 1));
          const y = b.y + b.height * (0.1 + 0.8 * ((0.5 + 0.5698402909980532 * (k + 1)) % 1));
          const w = t.pick(x, y);
          const f = t.pick(x, y, { fullFrame: true });
          if (w === f) same++;
          if (f !== null) hits++;
        }
        return { same, hits, n };
      },
      box,
    );
    expect(agreement.hits, `${camera}: picks that hit points`).toBeGreaterThan(10);
    expect(agreement.same, `${camera}: window pick = full-frame pick`).toBe(agreement.n);
  }
  await page.getByTestId('camera-orbit').click();
  await page.keyboard.press('f');

  // Hover highlight: resting the pointer on the table marks its row.
  const table = await onScreenInstance(page, 'table');
  await page.mouse.move(table.x, table.y);
  await expect(page.getByTestId(`instance-item-${table.id}`)).toHaveClass(/hovered/);

  // Properties of the selection, measured from the points.
  await page.mouse.click(table.x, table.y);
  const props = page.getByTestId(`properties-${table.id}`);
  await expect(props.getByTestId('prop-label')).toContainText(`table #${table.id}`);
  const info = await page.evaluate((id) => (window as any).__scenewrightTest.instancesByLabel('table').includes(id), table.id);
  expect(info).toBe(true);
  const rowPoints = (await page.getByTestId(`instance-row-${table.id}`).locator('.points').textContent())!;
  await expect(props.getByTestId('prop-points')).toHaveText(rowPoints);
  const aabb: number[] = JSON.parse((await props.getByTestId('prop-aabb').getAttribute('data-value'))!);
  const obb: number[] = JSON.parse((await props.getByTestId('prop-obb').getAttribute('data-value'))!);
  expect(aabb.every((s) => s > 0.05 && s < 5)).toBe(true);
  // An oriented box is never larger in footprint than the axis-aligned one; heights agree.
  expect(obb[0]! * obb[1]!).toBeLessThanOrEqual(aabb[0]! * aabb[1]! + 1e-6);
  expect(obb[2]!).toBeCloseTo(aabb[2]!, 5);
  await page.keyboard.press('Escape');

  // Scene tree: the eye hides (not picked), the lock keeps it drawn but unpickable and unselectable.
  await page.getByTestId(`instance-visible-${table.id}`).click();
  expect(await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y), table)).not.toBe(table.id);
  await page.getByTestId(`instance-visible-${table.id}`).click();
  expect(await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y), table)).toBe(table.id);
  await page.getByTestId(`instance-lock-${table.id}`).click();
  await expect(page.getByTestId(`instance-row-${table.id}`)).toBeDisabled();
  await page.mouse.click(table.x, table.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).not.toContain(table.id);
  await page.getByTestId(`instance-lock-${table.id}`).click();
  await page.mouse.click(table.x, table.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([table.id]);

  // A measured distance is saved with the camera it was measured from.
  const chair = await onScreenInstance(page, 'armchair');
  await page.mouse.click(chair.x, chair.y);
  await expect(page.getByTestId('save-button')).toBeEnabled();
  const savedBefore = await page.getByTestId('saved-item').count();
  await page.getByTestId('save-button').click();
  await expect(page.getByTestId('saved-item')).toHaveCount(savedBefore + 1);
  await expect(page.getByTestId('saved-item').first()).toHaveAttribute('data-viewpoint', '1');
  await page.keyboard.press('Escape');

  // Named views are stored by the host and survive a reload.
  const name = `desk view ${Date.now()}`;
  const saved = await page.evaluate(() => (window as any).__scenewrightViewer.getViewpoint());
  await page.locator('summary', { hasText: 'Views' }).click();
  await page.getByTestId('view-name').fill(name);
  await page.getByTestId('save-view').click();
  await expect(page.getByTestId('saved-view').filter({ hasText: name })).toHaveCount(1);
  // A real reload (going to the same URL would only change the fragment).
  await page.reload();
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 110_000 });
  await page.evaluate(() => (window as any).__scenewrightViewer.setViewpoint({ position: [9, 9, 9], target: [0, 0, 0], up: [0, 0, 1], fov: 50, ortho: false }));
  await page.locator('summary', { hasText: 'Views' }).click();
  await page.getByTestId('saved-view').filter({ hasText: name }).click();
  const back = await page.evaluate(() => (window as any).__scenewrightViewer.getViewpoint());
  back.position.forEach((c: number, i: number) => expect(c).toBeCloseTo(saved.position[i], 3));
  back.target.forEach((c: number, i: number) => expect(c).toBeCloseTo(saved.target[i], 3));
  await page.getByTestId('delete-view').last().click();
  await expect(page.getByTestId('saved-view').filter({ hasText: name })).toHaveCount(0);

  // The superpoint mode can be asked for without data: the host computes them, the view keeps its camera.
  const select = page.getByTestId('color-mode-select');
  const before = await page.evaluate(() => (window as any).__scenewrightViewer.getViewpoint());
  const instanceShot = await (async () => {
    await select.selectOption('instance');
    await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
    return canvasShot(page);
  })();
  await expect(select.locator('option[value="superpoint"]')).toBeDisabled();
  await page.getByTestId('compute-superpoints').click();
  await expect(select).toHaveValue('superpoint', { timeout: 180_000 });
  await expect(select.locator('option[value="superpoint"]')).toBeEnabled();
  await expect(page.getByTestId('compute-superpoints')).toHaveCount(0);
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  const sp = await canvasShot(page, 'viewer-superpoint.png');
  // Superpoints split objects and walls into many more coloured parts than instances do.
  expect(colourStats(sp, BACKGROUND).distinct).toBeGreaterThan(colourStats(instanceShot, BACKGROUND).distinct);
  expect(differingShare(sp, instanceShot)).toBeGreaterThan(0.05);
  const after = await page.evaluate(() => (window as any).__scenewrightViewer.getViewpoint());
  after.position.forEach((c: number, i: number) => expect(c).toBeCloseTo(before.position[i], 4));
});
