// Layout editing in the UI, on the sample room: an impossible instruction refused with its reason; a
// possible one previewed as a ghost with its diff and rule margins and the parser named; Apply stores
// a version and moves the armchair's points; Ctrl+Z takes the version back off the list and the
// points back; Ctrl+Shift+Z redoes it.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from './host-process';
import { decodePng, type DecodedPng } from './png';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const CANVAS_ONLY = '.viewer-panel, .legend, .viewer-status, .sw-vp-overlay { visibility: hidden !important; }';
/** GHOST_COLOR of renderer/viewport/ghost-overlay.ts. */
const GHOST: [number, number, number] = [0x7c, 0xf2, 0xc8];

let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-layout-e2e-'));
  mkdirSync(artifacts, { recursive: true });
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function canvasShot(page: Page, path?: string): Promise<DecodedPng> {
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  return decodePng(await page.getByTestId('viewport-canvas').screenshot({ style: CANVAS_ONLY, ...(path ? { path } : {}) }));
}

/** Pixels within `tol` of the ghost colour in every channel (the see-through ghost blends, so the tolerance is wide). */
function ghostPixels(img: DecodedPng, tol = 40): number {
  let n = 0;
  for (let p = 0; p < img.width * img.height; p++) {
    const o = p * 4;
    if (Math.abs(img.rgba[o]! - GHOST[0]) <= tol && Math.abs(img.rgba[o + 1]! - GHOST[1]) <= tol && Math.abs(img.rgba[o + 2]! - GHOST[2]) <= tol) n++;
  }
  return n;
}

const armchairOnScreen = (page: Page) =>
  page.evaluate(() => {
    const t = (window as any).__scenewrightTest;
    return t.projectInstance(t.instancesByLabel('armchair')[0]) as { x: number; y: number } | null;
  });

async function instruct(page: Page, text: string): Promise<void> {
  await page.getByTestId('layout-input').fill(text);
  await page.getByTestId('layout-input').press('Enter');
}

test('an instruction previewed as a ghost with its diff, applied as a version, undone and redone', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(host.testUrl);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 110_000 });
  await page.getByTestId('side-tab-layout').click();
  await expect(page.getByTestId('layout-input')).toBeFocused();
  await expect(page.getByTestId('layout-version')).toHaveCount(0);
  const plain = await canvasShot(page);

  // Refused, with the reason in numbers; nothing to apply.
  await instruct(page, 'move the armchair 50 cm to the left of the sofa');
  await expect(page.getByTestId('layout-result')).toHaveAttribute('data-status', 'refused', { timeout: 60_000 });
  await expect(page.getByTestId('layout-refusal')).toContainText('no room 50 cm left of the sofa');
  await expect(page.getByTestId('layout-apply')).toHaveCount(0);

  // Previewed: the parser named, the grounding, the diff, the rules, the ghost.
  await instruct(page, 'move the armchair 50 cm to the left of the bed');
  await expect(page.getByTestId('layout-result')).toHaveAttribute('data-status', 'edited', { timeout: 60_000 });
  // The bundled language model answers when confident, else the grammar parser; either is named.
  await expect(page.getByTestId('layout-parser')).toContainText(/language model|grammar parser/);
  await expect(page.getByTestId('layout-grounding')).toContainText('armchair');
  await expect(page.getByTestId('layout-grounding')).toContainText('left of · bed');
  const row = page.getByTestId('layout-diff-row').first();
  await expect(row).toContainText(/armchair #\d+ moved \d+ cm/);
  expect(Number(await row.getAttribute('data-cm'))).toBeGreaterThan(10);
  await expect(page.getByTestId('layout-constraints').first().locator('li')).toHaveCount(5);
  await expect(page.getByTestId('layout-constraints').first()).toContainText('inside room');
  const ghostCount = Number(await page.getByTestId('layout-ghost').getAttribute('data-points'));
  expect(ghostCount).toBeGreaterThan(100);
  const shot = join(artifacts, 'layout-preview.png');
  const ghosted = await canvasShot(page, shot);
  expect(ghostPixels(ghosted)).toBeGreaterThan(ghostPixels(plain) + 50);
  // The file written is that picture, not an empty canvas.
  expect(ghostPixels(decodePng(readFileSync(shot)))).toBe(ghostPixels(ghosted));
  await page.screenshot({ path: join(artifacts, 'layout-preview-panel.png') });

  // Apply: a version on the list, the armchair's points moved, the ghost gone.
  const before = await armchairOnScreen(page);
  await page.getByTestId('layout-apply').click();
  await expect(page.getByTestId('layout-version')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('layout-version').nth(1)).toHaveAttribute('data-current', '1');
  await expect(page.getByTestId('layout-version').nth(1)).toContainText('armchair');
  await expect(page.getByTestId('layout-result')).toHaveCount(0);
  await expect.poll(async () => JSON.stringify(await armchairOnScreen(page)), { timeout: 30_000 }).not.toBe(JSON.stringify(before));
  const applied = await armchairOnScreen(page);
  expect(ghostPixels(await canvasShot(page))).toBeLessThan(ghostPixels(ghosted));

  // Ctrl+Z (outside the text box): the version is gone and the armchair is back.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layout-version')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('layout-version').first()).toContainText('Scan layout');
  await expect(page.getByTestId('layout-version').first()).toHaveAttribute('data-current', '1');
  await expect.poll(async () => JSON.stringify(await armchairOnScreen(page)), { timeout: 30_000 }).toBe(JSON.stringify(before));

  // Ctrl+Shift+Z: the edit again.
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('layout-version')).toHaveCount(2, { timeout: 60_000 });
  await expect.poll(async () => JSON.stringify(await armchairOnScreen(page)), { timeout: 30_000 }).toBe(JSON.stringify(applied));
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
});
