// The first user journey: open the sample room, click an armchair and a table, see the closest-point
// distance, save it, restart the app, and find the saved item still listed.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

async function clickInstance(page: Page, label: string): Promise<number> {
  const { id, pos } = await page.evaluate((l) => {
    const t = (window as any).__scenewrightTest;
    const ids: number[] = t.instancesByLabel(l);
    for (const id of ids) {
      const pos = t.projectInstance(id);
      if (pos) return { id, pos };
    }
    return { id: -1, pos: null };
  }, label);
  expect(pos, `an on-screen ${label}`).not.toBeNull();
  await page.mouse.click(pos!.x, pos!.y);
  return id;
}

test('measure armchair to table, save, restart, still saved', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-e2e-'));
  mkdirSync(artifacts, { recursive: true });
  let host = await startHost(dataDir);
  try {
    await page.goto(host.testUrl);
    await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByTestId('error-banner')).toHaveCount(0);

    const armchair = await clickInstance(page, 'armchair');
    await expect(page.getByTestId('selection-a')).toContainText('armchair');
    const table = await clickInstance(page, 'table');
    await expect(page.getByTestId('selection-b')).toContainText('table');
    expect(await page.evaluate(() => (window as any).__scenewrightTest.selection())).toEqual([armchair, table]);

    const distanceText = page.getByTestId('distance-value');
    await expect(distanceText).toContainText(' m');
    const shown = Number(/([0-9.]+)\s*m/.exec((await distanceText.textContent()) ?? '')![1]);
    const exact: number = await page.evaluate(() => (window as any).__scenewrightTest.lastDistance());
    expect(exact).toBeGreaterThan(0);
    expect(Math.abs(shown - exact)).toBeLessThan(0.01);
    await page.screenshot({ path: join(artifacts, 'journey-measure.png') });

    await page.getByTestId('save-button').click();
    await expect(page.getByTestId('saved-item')).toHaveCount(1);
    await expect(page.getByTestId('saved-item').first()).toContainText('armchair');

    // Close the app and start it again on the same data directory.
    await host.stop();
    host = await startHost(dataDir);
    await page.goto(host.testUrl);
    await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByTestId('saved-item')).toHaveCount(1);
    await expect(page.getByTestId('saved-item').first()).toContainText(shown.toFixed(2));
    await page.screenshot({ path: join(artifacts, 'journey-after-restart.png') });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
