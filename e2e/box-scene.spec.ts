// Import journeys added with box-only scenes and the pickers: a VSI-Bench meta scene opened by
// `meta.json#<scene>` in the Open field draws its boxes and picks them; a ScanNet-style folder given
// to the folder picker is uploaded file by file and opens; Ctrl+O opens the browser's file picker.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../main/launch/paths';
import { startHost, type RunningHost } from './host-process';
import { colourStats, decodePng } from './png';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const META = join(sharedDataDir(), 'vsibench', 'scannetpp_meta_info_val.json');
const SCENE = '7b6477cb95';
const BACKGROUND: [number, number, number] = [0x15, 0x17, 0x1b];
const CANVAS_ONLY = '.viewer-panel, .legend, .viewer-status, .sw-vp-overlay { visibility: hidden !important; }';

let host: RunningHost;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-e2e-boxes-'));
  mkdirSync(artifacts, { recursive: true });
  host = await startHost(join(dir, 'data'));
});
test.afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openApp(page: Page): Promise<void> {
  await page.goto(host.testUrl);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
}

/** An on-screen instance of `label` and a client position that picks it. */
async function onScreen(page: Page, label: string): Promise<{ id: number; x: number; y: number }> {
  const found = await page.evaluate((l) => {
    const t = (window as any).__scenewrightTest;
    for (const id of t.instancesByLabel(l) as number[]) {
      const pos = t.projectInstance(id);
      if (pos) return { id, ...pos };
    }
    return null;
  }, label);
  expect(found, `an on-screen ${label}`).not.toBeNull();
  return found!;
}

test('a VSI-Bench meta scene opens as boxes that draw and pick', async ({ page }) => {
  const meta = JSON.parse(readFileSync(META, 'utf8'))[SCENE] as { object_bbox: Record<string, unknown[]> };
  const boxCount = Object.values(meta.object_bbox).reduce((n, l) => n + l.length, 0);
  await openApp(page);
  await page.getByTestId('import-path').fill(`${META}#${SCENE}`);
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('scene-name')).toHaveText(SCENE, { timeout: 60_000 });
  await expect(page.getByTestId('status-bar')).toContainText(`${boxCount} instances`);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  // One label per box over the view, named by category.
  await expect(page.locator('[data-testid^="box-label-"]')).toHaveCount(boxCount);
  await expect(page.locator('[data-testid^="box-label-"]', { hasText: 'whiteboard' })).toHaveCount(2);

  // The boxes fill the fitted view with shaded faces and wireframes, not background.
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  // Labels never overlap: crowded ones are nudged or hidden, and most still show.
  const rects = await page.locator('[data-testid^="box-label-"]').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).style.display !== 'none').map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
  );
  expect(rects.length).toBeGreaterThan(boxCount / 3);
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const [a, b] = [rects[i]!, rects[j]!];
      expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `labels ${i} and ${j} overlap`).toBe(false);
    }
  const shot = decodePng(await page.getByTestId('viewport-canvas').screenshot({ style: CANVAS_ONLY, path: join(artifacts, 'box-scene.png') }));
  const { distinct, backgroundShare } = colourStats(shot, BACKGROUND);
  expect(distinct).toBeGreaterThan(20);
  expect(backgroundShare).toBeLessThan(0.9);
  expect(backgroundShare).toBeGreaterThan(0.05);

  // Clicking a box selects that instance; a second box gives the distance.
  const table = await onScreen(page, 'table');
  await page.mouse.click(table.x, table.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([table.id]);
  await expect(page.getByTestId('viewport-tag-a')).toHaveText('table');
  const door = await onScreen(page, 'door');
  await page.mouse.click(door.x, door.y);
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([table.id, door.id]);
  await expect.poll(() => page.evaluate(() => (window as any).__scenewrightTest.lastDistance())).toBeGreaterThan(0);
  await page.screenshot({ path: join(artifacts, 'box-scene-selected.png') });
});

test('a scene folder given to the folder picker uploads and opens; Ctrl+O opens the file picker', async ({ page }) => {
  // A ScanNet-style folder: 8 vertices, two segments, two labelled objects.
  const scene = 'scene0999_00';
  const folder = join(dir, 'picked', scene);
  mkdirSync(folder, { recursive: true });
  const verts = [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 3, 0, 0, 4, 0, 0, 3, 1, 0, 4, 1, 0];
  const rows = Array.from({ length: 8 }, (_, i) => `${verts[i * 3]} ${verts[i * 3 + 1]} ${verts[i * 3 + 2]} 200 100 50`);
  const header = ['ply', 'format ascii 1.0', 'element vertex 8', 'property float x', 'property float y', 'property float z', 'property uchar red', 'property uchar green', 'property uchar blue', 'end_header'];
  writeFileSync(join(folder, `${scene}_vh_clean_2.ply`), `${[...header, ...rows].join('\n')}\n`);
  writeFileSync(join(folder, `${scene}_vh_clean_2.0.010000.segs.json`), JSON.stringify({ sceneId: scene, segIndices: [0, 0, 0, 0, 1, 1, 1, 1] }));
  writeFileSync(
    join(folder, `${scene}.aggregation.json`),
    JSON.stringify({ sceneId: scene, segGroups: [{ id: 0, objectId: 0, segments: [0], label: 'chair' }, { id: 1, objectId: 1, segments: [1], label: 'table' }] }),
  );

  await openApp(page);
  await page.getByTestId('open-folder-input').setInputFiles(folder);
  await expect(page.getByTestId('scene-name')).toHaveText(scene, { timeout: 60_000 });
  await expect(page.getByTestId('point-count')).toHaveText('8 points');
  await expect(page.getByTestId('status-bar')).toContainText('2 instances');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);

  // Ctrl+O: the browser's file picker (the web bridge has no host dialog); the picked file imports.
  const ply = join(dir, 'picked by key.ply');
  writeFileSync(ply, `${['ply', 'format ascii 1.0', 'element vertex 3', 'property float x', 'property float y', 'property float z', 'end_header', '0 0 0', '1 0 0', '0 1 0'].join('\n')}\n`);
  await page.getByTestId('viewport-canvas').click({ position: { x: 5, y: 5 } });
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(ply);
  await expect(page.getByTestId('scene-name')).toHaveText('picked by key', { timeout: 60_000 });
  await expect(page.getByTestId('point-count')).toHaveText('3 points');
});
