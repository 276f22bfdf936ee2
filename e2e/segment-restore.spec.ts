// An unaccepted segmentation survives the host going away: segment the sample room, click an object
// and relabel it, stop the host, start a new one on the same data directory, and the Segment panel
// shows the same draft (same objects, the edited one included) with a status line saying so.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host-process';

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
}

const rows = (page: Page) => page.getByTestId('instance-list').locator('li').allTextContents();

test('an unaccepted segmentation draft comes back after a host restart', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-e2e-segdraft-'));
  let host = await startHost(dataDir);
  try {
    await open(page, host.testUrl);
    const table = await page.evaluate(() => {
      const t = (window as any).__scenewrightTest;
      for (const id of t.instancesByLabel('table') as number[]) {
        const p = t.projectInstance(id);
        if (p) return p as { x: number; y: number };
      }
      return null;
    });
    expect(table, 'an on-screen table').not.toBeNull();

    await page.getByTestId('segment-button').click();
    await expect(page.getByTestId('segment-count')).toBeVisible({ timeout: 90_000 });
    await page.mouse.click(table!.x, table!.y);
    await expect.poll(async () => (await page.getByTestId('segment-selection').getAttribute('data-selected')) ?? '').not.toBe('');
    const edited = Number(await page.getByTestId('segment-selection').getAttribute('data-selected'));
    await page.getByTestId('segment-label').selectOption('otherfurniture');
    await page.getByTestId('segment-relabel').click();
    await expect(page.getByTestId(`instance-row-${edited}`)).toContainText('otherfurniture');
    const count = await page.getByTestId('segment-count').textContent();
    const before = await rows(page);

    await host.stop();
    host = await startHost(dataDir);
    await open(page, host.testUrl);
    await expect(page.getByTestId('segment-count')).toHaveText(count!, { timeout: 90_000 });
    await expect(page.getByTestId('status-bar')).toContainText('Restored the unaccepted segmentation');
    await expect(page.getByTestId('segment-origin')).toContainText('not stored yet');
    await expect(page.getByTestId(`instance-row-${edited}`)).toContainText('otherfurniture');
    expect(await rows(page)).toEqual(before);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
