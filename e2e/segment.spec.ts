// Segmentation editing in the real UI: segment the sample room (progress shown), click an object,
// merge two, relabel, accept; the accepted objects persist after a reload, and Ctrl+Z takes them back.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
}

/** Where an object of the sample room shows on screen (before segmenting: its ground-truth instance). */
async function screenPoint(page: Page, label: string): Promise<{ x: number; y: number }> {
  const pos = await page.evaluate((l) => {
    const t = (window as any).__scenewrightTest;
    for (const id of t.instancesByLabel(l) as number[]) {
      const p = t.projectInstance(id);
      if (p) return p;
    }
    return null;
  }, label);
  expect(pos, `an on-screen ${label}`).not.toBeNull();
  return pos!;
}

const selectedIds = async (page: Page) => ((await page.getByTestId('segment-selection').getAttribute('data-selected')) ?? '').split(',').filter(Boolean).map(Number);

test('segment, click, merge, relabel, accept; it persists after a reload and Ctrl+Z undoes it', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-e2e-seg-'));
  mkdirSync(artifacts, { recursive: true });
  const host = await startHost(dataDir);
  try {
    await open(page, host.testUrl);
    const table = await screenPoint(page, 'table');
    const sofa = await screenPoint(page, 'sofa');
    const rowsBefore = await page.getByTestId('instance-list').locator('li').count();

    await page.getByTestId('segment-button').click();
    // The job shows its progress until the draft arrives.
    await expect(page.getByTestId('segment-progress')).toBeVisible();
    await expect(page.getByTestId('segment-count')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('segment-progress')).toHaveCount(0);
    await expect(page.getByTestId('segment-origin')).toContainText('not stored yet');
    // Model output shows its confidence in the list.
    await expect(page.getByTestId('instance-confidence').first()).toContainText('%');

    // Click-to-object: the table becomes a new object and is selected.
    await page.mouse.click(table.x, table.y);
    await expect.poll(() => selectedIds(page)).toHaveLength(1);
    const [tableId] = await selectedIds(page);
    await expect(page.getByTestId(`instance-row-${tableId}`)).toContainText('edited');
    await page.mouse.click(sofa.x, sofa.y);
    await expect.poll(async () => (await selectedIds(page))[0]).not.toBe(tableId);
    const [sofaId] = await selectedIds(page);

    // Select both in the list and merge them (Shift+M).
    await page.getByTestId(`instance-row-${tableId}`).click();
    await expect.poll(() => selectedIds(page)).toEqual([sofaId, tableId]);
    const count = Number(await page.getByTestId('segment-count').textContent());
    await page.keyboard.press('Shift+M');
    await expect(page.getByTestId('segment-count')).toHaveText(String(count - 1));
    await expect.poll(() => selectedIds(page)).toHaveLength(1);

    // Relabel from the label table.
    await page.getByTestId('segment-label').selectOption('otherfurniture');
    await page.getByTestId('segment-relabel').click();
    const [merged] = await selectedIds(page);
    await expect(page.getByTestId(`instance-row-${merged}`)).toContainText('otherfurniture');
    await page.screenshot({ path: join(artifacts, 'segment-edited.png') });

    await page.getByTestId('segment-accept').click();
    await expect(page.getByTestId('segment-button')).toBeVisible();
    await expect(page.getByTestId('instance-list')).toContainText('otherfurniture');
    await expect(page.getByTestId('status-bar')).toContainText('Accepted');

    // A reload opens the scene from the host: the accepted objects are the scene's instances now.
    await open(page, host.testUrl);
    await expect(page.getByTestId('instance-list')).toContainText('otherfurniture');
    await expect(page.getByTestId('segment-button')).toBeVisible();

    // Ctrl+Z undoes the acceptance: the sample room's own objects return.
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('instance-list')).not.toContainText('otherfurniture');
    await expect(page.getByTestId('instance-list').locator('li')).toHaveCount(rowsBefore);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
