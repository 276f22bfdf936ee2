// Asking in the UI, on the sample room: a typed distance question answered with the same distance the
// measure tool gives and drawn in the view; an ambiguous "the chair" answered by clicking one of the
// highlighted chairs; a click-built left/right question drawn with its angle sector; saving with the
// viewpoint, editing the saved answer, and the `/` shortcut.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from './host-process';
import { decodePng, type DecodedPng } from './png';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
/** Hides HTML over the canvas (panels, labels) so a screenshot holds only what WebGL drew. */
const CANVAS_ONLY = '.viewer-panel, .legend, .viewer-status, .sw-vp-overlay { visibility: hidden !important; }';
/** Evidence colours of renderer/viewport/evidence-overlay.ts (line, A box, B box, candidate, fan yes / no). */
const CYAN: RGB = [0x39, 0xe6, 0xff];
const CANDIDATE: RGB = [0xff, 0x4f, 0xd8];
type RGB = [number, number, number];

let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-ask-'));
  mkdirSync(artifacts, { recursive: true });
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function canvasShot(page: Page, name?: string): Promise<DecodedPng> {
  await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
  return decodePng(await page.getByTestId('viewport-canvas').screenshot({ style: CANVAS_ONLY, ...(name ? { path: join(artifacts, name) } : {}) }));
}

/** Pixels within `tol` of a colour in every channel. */
function pixelsNear(img: DecodedPng, [r, g, b]: RGB, tol = 24): number {
  let n = 0;
  for (let p = 0; p < img.width * img.height; p++) {
    const o = p * 4;
    if (Math.abs(img.rgba[o]! - r) <= tol && Math.abs(img.rgba[o + 1]! - g) <= tol && Math.abs(img.rgba[o + 2]! - b) <= tol) n++;
  }
  return n;
}

function differingShare(a: DecodedPng, b: DecodedPng): number {
  let differ = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    const o = p * 4;
    if (a.rgba[o] !== b.rgba[o] || a.rgba[o + 1] !== b.rgba[o + 1] || a.rgba[o + 2] !== b.rgba[o + 2]) differ++;
  }
  return differ / (a.width * a.height);
}

/** Clicks an on-screen instance among `ids` (the first that projects), returning its id. */
async function clickOneOf(page: Page, ids: number[]): Promise<number> {
  const hit = await page.evaluate((list) => {
    for (const id of list) {
      const pos = (window as any).__scenewrightTest.projectInstance(id);
      if (pos) return { id, ...pos };
    }
    return null;
  }, ids);
  expect(hit, `one of ${ids.join(', ')} on screen`).not.toBeNull();
  await page.mouse.click(hit!.x, hit!.y);
  return hit!.id;
}

const idsOf = (page: Page, label: string) => page.evaluate((l) => (window as any).__scenewrightTest.instancesByLabel(l) as number[], label);

async function ask(page: Page, text: string): Promise<void> {
  await page.getByTestId('ask-input').fill(text);
  await page.getByTestId('ask-input').press('Enter');
}

test('typed and clicked questions: answers drawn, ambiguity settled by a click, saved with the viewpoint', async ({ page }) => {
  // Three asks, six software-rendered screenshots and the first build of the room's objects on a shared 2-core machine.
  test.setTimeout(300_000);
  await page.goto(host.testUrl);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 110_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  const before = await canvasShot(page);

  // `/` from anywhere outside a field puts the cursor in the Ask box.
  await page.locator('body').press('/');
  await expect(page.getByTestId('ask-input')).toBeFocused();

  // 1. A typed distance question: the answer equals what the measure tool finds for the same pair.
  await ask(page, 'How far is the armchair from the table?');
  const result = page.getByTestId('ask-result');
  await expect(result).toHaveAttribute('data-kind', 'answer', { timeout: 60_000 });
  const shown = page.getByTestId('ask-answer');
  await expect(shown).toHaveAttribute('data-type', 'distance');
  const value = Number(await shown.getAttribute('data-value'));
  const exact = Number(await shown.getAttribute('data-exact'));
  await expect(shown).toHaveText(`${value.toFixed(2)} m`);
  // The panel says which reader grounded it: the bundled language model reads this plain question.
  await expect(page.getByTestId('ask-grounded-by')).toHaveAttribute('data-grounded-by', 'model');
  await expect(page.getByTestId('ask-grounded-by')).toHaveText('read by the language model');
  await expect(page.getByTestId('evidence-length')).toHaveText(`${exact.toFixed(2)} m`);
  const drawn = await canvasShot(page, 'ask-distance.png');
  // The cyan closest-point line and the two outlined boxes are on the canvas.
  expect(pixelsNear(drawn, CYAN)).toBeGreaterThan(pixelsNear(before, CYAN) + 20);
  expect(differingShare(before, drawn)).toBeGreaterThan(0.001);

  const [armchair] = await idsOf(page, 'armchair');
  const [table] = await idsOf(page, 'table');
  await clickOneOf(page, [armchair!]);
  await clickOneOf(page, [table!]);
  await expect(page.getByTestId('distance-value')).toContainText(' m');
  const measured: number = await page.evaluate(() => (window as any).__scenewrightTest.lastDistance());
  expect(Math.abs(exact - measured)).toBeLessThan(1e-6);
  expect(value).toBe(Math.round(measured * 100) / 100);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ask-result')).toHaveCount(0);

  // 2. "the chair" fits three chairs: the UI asks for a click and highlights the candidates.
  const chairs = await idsOf(page, 'chair');
  expect(chairs.length).toBe(3);
  const plain = await canvasShot(page);
  await ask(page, 'how far is the chair from the table?');
  await expect(result).toHaveAttribute('data-kind', 'clarify', { timeout: 60_000 });
  await expect(page.getByTestId('ask-clarify')).toHaveText('Which chair? Click it in the view.');
  const candidates = (await page.getByTestId('ask-clarify').getAttribute('data-candidates'))!.split(',').map(Number);
  expect([...candidates].sort()).toEqual([...chairs].sort());
  const highlighted = await canvasShot(page, 'ask-clarify.png');
  expect(pixelsNear(highlighted, CANDIDATE)).toBeGreaterThan(pixelsNear(plain, CANDIDATE) + 20);

  // A click on something else is refused with the reason; a click on a chair answers and re-asks.
  await clickOneOf(page, [table!]);
  await expect(result.locator('.ask-note')).toContainText('not one of the highlighted');
  const chair = await clickOneOf(page, chairs);
  await expect(result).toHaveAttribute('data-kind', 'answer', { timeout: 60_000 });
  expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([]);
  await expect(result.locator('.question')).toContainText('chair');
  await canvasShot(page, 'ask-chair-distance.png');

  // Save: the item is listed with its viewpoint; View returns to it.
  await page.getByTestId('ask-save').click();
  await expect(page.getByTestId('ask-save')).toHaveText('Saved');
  const item = page.getByTestId('saved-item').first();
  await expect(page.getByTestId('saved-item')).toHaveCount(1);
  await expect(item).toHaveAttribute('data-viewpoint', '1');
  await expect(item).toHaveAttribute('data-kind', 'distance');
  await expect(item).toContainText('chair');
  expect(chairs).toContain(chair);
  // View: back to the viewpoint it was asked from, its evidence drawn again.
  await page.getByTestId('ask-discard').click();
  await expect(page.getByTestId('evidence-length')).toHaveCount(0);
  await item.getByTestId('saved-show').click();
  await expect(result).toHaveAttribute('data-kind', 'review');
  await expect(page.getByTestId('evidence-length')).toHaveCount(1);

  // Edit the saved answer: a new revision.
  await item.getByTestId('saved-edit').click();
  await item.getByTestId('saved-edit-input').fill('1.5');
  await item.getByTestId('saved-edit-input').press('Enter');
  await expect(item).toContainText('1.50 m');
  await expect(item).toContainText('rev 2');

  // 3. Click-based: select sofa and bed, ask "left" from this view: the angle sector is drawn.
  await page.keyboard.press('Escape');
  const [sofa] = await idsOf(page, 'sofa');
  const [bed] = await idsOf(page, 'bed');
  await clickOneOf(page, [sofa!]);
  await clickOneOf(page, [bed!]);
  const pair = await canvasShot(page);
  await page.getByTestId('ask-type').selectOption('left');
  await page.getByTestId('ask-type-submit').click();
  await expect(result).toHaveAttribute('data-kind', 'answer', { timeout: 60_000 });
  await expect(page.getByTestId('ask-answer')).toHaveAttribute('data-type', 'left');
  const yes = (await page.getByTestId('ask-answer').getAttribute('data-value')) === 'yes';
  await expect(page.getByTestId('evidence-angle')).toContainText('θ');
  const fan = await canvasShot(page, 'ask-fan.png');
  expect(differingShare(pair, fan)).toBeGreaterThan(0.01);
  // The translucent sector tints the floor green (yes) or red (no): that channel gains over the others.
  const tint = (img: DecodedPng) => {
    let sum = 0;
    for (let p = 0; p < img.width * img.height; p++) sum += img.rgba[p * 4 + (yes ? 1 : 0)]! - img.rgba[p * 4 + 2]!;
    return sum / (img.width * img.height);
  };
  expect(tint(fan)).toBeGreaterThan(tint(pair) + 1);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
});
