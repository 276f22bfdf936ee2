// Viewer, issue 6 follow-ups on the real UI: cursor picks that draw only the point runs that can
// reach the cursor agree point-for-point with the full-frame id pass under LOD (also with the camera
// among the points); Ctrl-click multi-select with properties, hide and Escape; section planes change
// what is drawn and what can be picked; a box-only scene's wireframes follow hide and isolate.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataDir } from '../main/launch/paths';
import { startHost, type RunningHost } from './host-process';
import { decodePng, type DecodedPng } from './png';

const CANVAS_ONLY = '.viewer-panel, .legend, .viewer-status, .sw-vp-overlay { visibility: hidden !important; }';

let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-viewer-select-'));
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

async function canvasShot(page: Page): Promise<DecodedPng> {
  return decodePng(await page.getByTestId('viewport-canvas').screenshot({ style: CANVAS_ONLY }));
}

function differingShare(a: DecodedPng, b: DecodedPng): number {
  let differ = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    const o = p * 4;
    if (a.rgba[o] !== b.rgba[o] || a.rgba[o + 1] !== b.rgba[o + 1] || a.rgba[o + 2] !== b.rgba[o + 2]) differ++;
  }
  return differ / (a.width * a.height);
}

/** `n` client positions spread evenly over the middle 80% of the canvas. */
async function spread(page: Page, n: number): Promise<Array<{ x: number; y: number }>> {
  const b = (await page.getByTestId('viewport-canvas').boundingBox())!;
  return Array.from({ length: n }, (_, k) => ({
    x: b.x + b.width * (0.1 + 0.8 * ((0.5 + 0.7548776662466927 * (k + 1)) % 1)),
    y: b.y + b.height * (0.1 + 0.8 * ((0.5 + 0.5698402909980532 * (k + 1)) % 1)),
  }));
}

async function onScreenInstance(page: Page, label: string, skip: number[] = []): Promise<{ id: number; x: number; y: number }> {
  const found = await page.evaluate(
    ({ l, skip }) => {
      const ids: number[] = (window as any).__scenewrightTest.instancesByLabel(l);
      for (const id of ids) {
        if (skip.includes(id)) continue;
        const pos = (window as any).__scenewrightViewer.projectInstance(id);
        if (pos) return { id, ...pos };
      }
      return null;
    },
    { l: label, skip },
  );
  expect(found, `an on-screen ${label}`).not.toBeNull();
  return found!;
}

test('cursor picks equal full-frame picks point for point under LOD, from afar and among the points', async ({ page }) => {
  test.setTimeout(300_000);
  await openRoom(page, 'synthetic=3000000');
  // A budget well below the scene so the level of detail is really choosing nodes.
  await page.evaluate(() => (window as any).__scenewrightViewer.setPointBudget(400_000));
  const views = [
    null,
    // Standing in the first room, close to its objects: near points have large sprites.
    { position: [4.5, 1.2, 2.2], target: [4.5, 3.8, 0.3], up: [0, 0, 1], fov: 50, ortho: false },
    { position: [2.0, 2.0, 1.0], target: [3.0, 3.0, 0.9], up: [0, 0, 1], fov: 50, ortho: false },
  ];
  for (const view of views) {
    const positions = await spread(page, 50);
    const r = await page.evaluate(
      ({ view, positions }) => {
        const t = (window as any).__scenewrightViewer;
        if (view) t.setViewpoint(view);
        t.renderNow();
        let same = 0;
        let hits = 0;
        let maxDrawn = 0;
        const mismatches: string[] = [];
        for (const { x, y } of positions) {
          const region = t.pickIndex(x, y);
          maxDrawn = Math.max(maxDrawn, t.pickPointsDrawn());
          const full = t.pickIndex(x, y, { fullFrame: true });
          if (region === full) same++;
          else mismatches.push(`${x.toFixed(0)},${y.toFixed(0)}: ${region} vs ${full}`);
          if (full !== null) hits++;
        }
        return { same, hits, maxDrawn, budget: t.stats().budget, drawn: t.stats().pointsDrawn, mismatches };
      },
      { view, positions },
    );
    const name = view ? `view at ${view.position}` : 'fitted view';
    expect(r.hits, `${name}: picks on points`).toBeGreaterThan(15);
    expect(r.mismatches, `${name}: region pick = full-frame pick`).toEqual([]);
    expect(r.same).toBe(positions.length);
    // The point of the region pass: it draws a small share of what the frame drew.
    expect(r.drawn, `${name}: LOD drew near the budget`).toBeGreaterThan(r.budget / 2);
    expect(r.maxDrawn, `${name}: points drawn by one cursor pick`).toBeLessThan(r.drawn / 5);
  }
});

test('Ctrl-click selects several instances: outline, properties sum, hide applies to all, Escape clears', async ({ page }) => {
  test.setTimeout(180_000);
  await openRoom(page);
  const table = await onScreenInstance(page, 'table');
  const chair = await onScreenInstance(page, 'armchair');
  const wall = await onScreenInstance(page, 'wall');
  const selection = () => page.evaluate(() => (window as any).__scenewrightTest.selection() as number[]);

  const before = await canvasShot(page);
  await page.mouse.click(table.x, table.y);
  await page.keyboard.down('Control');
  await page.mouse.click(chair.x, chair.y);
  await page.mouse.click(wall.x, wall.y);
  await page.keyboard.up('Control');
  expect(await selection()).toEqual([table.id, chair.id, wall.id]);
  // The A/B pair is still measured; the third is selected too (its row and its tint).
  await expect(page.getByTestId('distance-value')).not.toHaveAttribute('data-value', '');
  await expect(page.getByTestId(`instance-row-${wall.id}`)).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId(`instance-row-${wall.id}`)).toHaveClass(/sel-more/);
  expect(differingShare(before, await canvasShot(page))).toBeGreaterThan(0.01);

  // Properties: one block per instance, and the count and point sum of the selection.
  const points = async (id: number) => Number((await page.getByTestId(`instance-row-${id}`).locator('.points').textContent())!.replace(/,/g, ''));
  const sum = (await points(table.id)) + (await points(chair.id)) + (await points(wall.id));
  const summary = page.getByTestId('properties-summary');
  await expect(summary).toHaveAttribute('data-count', '3');
  await expect(summary).toHaveAttribute('data-points', String(sum));
  await expect(page.getByTestId(`properties-${wall.id}`)).toHaveCount(1);

  // Ctrl-click on a selected instance takes it out; again puts it back at the end.
  await page.keyboard.down('Control');
  await page.mouse.click(chair.x, chair.y);
  expect(await selection()).toEqual([table.id, wall.id]);
  await page.mouse.click(chair.x, chair.y);
  await page.keyboard.up('Control');
  expect(await selection()).toEqual([table.id, wall.id, chair.id]);
  // Ctrl-click in the scene tree toggles too.
  await page.getByTestId(`instance-row-${wall.id}`).click({ modifiers: ['Control'] });
  expect(await selection()).toEqual([table.id, chair.id]);
  await page.getByTestId(`instance-row-${wall.id}`).click({ modifiers: ['Control'] });
  expect(await selection()).toEqual([table.id, chair.id, wall.id]);

  // H hides all three: none of them can be picked where they were.
  await page.getByTestId('viewport-canvas').hover();
  await page.keyboard.press('h');
  const picks = await page.evaluate((ps) => ps.map(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y)), [table, chair, wall]);
  expect(picks.some((id: number | null) => id === table.id || id === chair.id || id === wall.id)).toBe(false);
  await page.keyboard.press('u');
  expect(await page.evaluate(({ x, y }) => (window as any).__scenewrightViewer.pick(x, y), wall)).toBe(wall.id);

  await page.keyboard.press('Escape');
  expect(await selection()).toEqual([]);
  await expect(page.getByTestId('properties-panel')).toHaveCount(0);
});

test('section planes cut what is drawn and what can be picked; flip, slide and remove', async ({ page }) => {
  test.setTimeout(180_000);
  await openRoom(page);
  const positions = await spread(page, 60);
  const pickAll = () =>
    page.evaluate((ps) => {
      const t = (window as any).__scenewrightViewer;
      t.renderNow();
      return ps.map(({ x, y }) => t.pickPoint(x, y) as { position: number[]; instance: number } | null);
    }, positions);
  const planes = () => page.evaluate(() => (window as any).__scenewrightViewer.getSectionPlanes() as Array<{ point: number[]; normal: number[] }>);
  const side = (p: { point: number[]; normal: number[] }, x: number[]) => p.normal.reduce((s, n, k) => s + n * (x[k]! - p.point[k]!), 0);

  const original = await pickAll();
  const shotBefore = await canvasShot(page);
  await page.locator('summary', { hasText: 'Clip' }).click();
  await page.getByTestId('section-add-view').click();
  const [plane] = await planes();
  expect(plane).toBeDefined();
  // Every pick now lands on the kept side (never on a cut point), and some picks changed.
  const cut = await pickAll();
  const hits = cut.filter((h) => h !== null);
  expect(hits.length).toBeGreaterThan(10);
  for (const h of hits) expect(side(plane!, h!.position)).toBeLessThanOrEqual(1e-3);
  const changed = cut.filter((h, i) => JSON.stringify(h) !== JSON.stringify(original[i])).length;
  expect(changed).toBeGreaterThan(5);
  expect(original.some((h) => h && side(plane!, h.position) > 0.01)).toBe(true);
  expect(differingShare(shotBefore, await canvasShot(page))).toBeGreaterThan(0.05);

  // Flip: the other half is kept.
  await page.getByTestId('section-flip-0').click();
  const [flipped] = await planes();
  flipped!.normal.forEach((v, k) => expect(v).toBeCloseTo(-plane!.normal[k]!, 9));
  for (const h of (await pickAll()).filter((x) => x !== null)) expect(side(flipped!, h!.position)).toBeLessThanOrEqual(1e-3);

  // A second plane (horizontal) cuts at once with the first; its slider moves it along its normal.
  await page.getByTestId('section-add-z').click();
  expect(await planes()).toHaveLength(2);
  const slider = page.getByTestId('section-offset-1');
  await slider.focus();
  for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowLeft');
  const [, z] = await planes();
  expect(z!.normal).toEqual([0, 0, 1]);
  for (const h of (await pickAll()).filter((x) => x !== null)) {
    expect(side(flipped!, h!.position)).toBeLessThanOrEqual(1e-3);
    expect(side(z!, h!.position)).toBeLessThanOrEqual(1e-3);
  }

  // Removing both brings every original pick back.
  await page.getByTestId('section-remove-1').click();
  await page.getByTestId('section-remove-0').click();
  expect(await planes()).toEqual([]);
  expect(await pickAll()).toEqual(original);
});

test('box-only scene: hide and isolate apply to the wireframes and their labels', async ({ page }) => {
  test.setTimeout(180_000);
  await openRoom(page);
  await page.getByTestId('import-path').fill(`${join(sharedDataDir(), 'vsibench', 'scannetpp_meta_info_val.json')}#7b6477cb95`);
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('scene-name')).toHaveText('7b6477cb95', { timeout: 60_000 });
  const labels = page.locator('[data-testid^="box-label-"]');
  const total = await labels.count();
  expect(total).toBeGreaterThan(3);
  const first = await page.evaluate(() => {
    const v = (window as any).__scenewrightViewer;
    // Any instance with a box on screen.
    for (const el of document.querySelectorAll('[data-testid^="box-label-"]')) {
      const id = Number(el.getAttribute('data-testid')!.slice('box-label-'.length));
      const pos = v.projectInstance(id);
      if (pos) return { id, ...pos };
    }
    return null;
  });
  expect(first).not.toBeNull();
  await page.mouse.click(first!.x, first!.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([first!.id]);
  await page.getByTestId('viewport-canvas').hover();
  await page.keyboard.press('h');
  await expect(page.getByTestId(`box-label-${first!.id}`)).toHaveCount(0);
  await expect(labels).toHaveCount(total - 1);
  await page.keyboard.press('u');
  await expect(labels).toHaveCount(total);
  await page.keyboard.press('i');
  await expect(labels).toHaveCount(1);
  await expect(page.getByTestId(`box-label-${first!.id}`)).toHaveCount(1);
  await page.keyboard.press('u');
  await expect(labels).toHaveCount(total);
});
