// Removing and duplicating objects in the Layout tab, on the sample room: a removal previews its old box,
// applies as a version and takes the armchair out of the scene (points and instance); Ctrl+Z brings it
// back. A duplicate placed next to the bed previews the copy's points as a ghost and applies as a new
// armchair instance with its own points on screen; the version list holds it.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from './host-process';

let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-layout-edits-e2e-'));
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const armchairs = (page: Page) => page.evaluate(() => (window as any).__scenewrightTest.instancesByLabel('armchair') as number[]);
const onScreen = (page: Page, id: number) => page.evaluate((i) => (window as any).__scenewrightTest.projectInstance(i) as { x: number; y: number } | null, id);

async function instruct(page: Page, text: string): Promise<void> {
  await page.getByTestId('layout-input').fill(text);
  await page.getByTestId('layout-input').press('Enter');
}

test('remove and duplicate: previewed, applied as versions, shown in the scene, undone', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(host.testUrl);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 110_000 });
  await page.getByTestId('side-tab-layout').click();
  const [armchair] = await armchairs(page);
  expect(armchair).toBeDefined();
  expect(await onScreen(page, armchair!)).not.toBeNull();

  // Remove: the diff says so, apply takes its points and instance out.
  await instruct(page, 'remove the armchair');
  await expect(page.getByTestId('layout-result')).toHaveAttribute('data-status', 'edited', { timeout: 60_000 });
  await expect(page.getByTestId('layout-diff-row').first()).toContainText('removed');
  await page.getByTestId('layout-apply').click();
  await expect(page.getByTestId('layout-version')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('layout-version').nth(1)).toContainText('remove the armchair');
  await expect.poll(() => armchairs(page), { timeout: 30_000 }).toEqual([]);
  expect(await onScreen(page, armchair!)).toBeNull();

  // Ctrl+Z: back in the scene.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layout-version')).toHaveCount(1, { timeout: 60_000 });
  await expect.poll(() => armchairs(page), { timeout: 30_000 }).toEqual([armchair]);

  // Duplicate next to the bed: a ghost of the copy's points, then a second armchair instance on screen.
  await instruct(page, 'duplicate the armchair and put it next to the bed');
  await expect(page.getByTestId('layout-result')).toHaveAttribute('data-status', 'edited', { timeout: 60_000 });
  await expect(page.getByTestId('layout-diff-row').first()).toContainText('added (copy)');
  expect(Number(await page.getByTestId('layout-ghost').getAttribute('data-points'))).toBeGreaterThan(100);
  await page.getByTestId('layout-apply').click();
  await expect(page.getByTestId('layout-version')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('layout-version').nth(1)).toContainText('copy the armchair');
  await expect.poll(async () => (await armchairs(page)).length, { timeout: 30_000 }).toBe(2);
  const copy = (await armchairs(page)).find((id) => id !== armchair)!;
  const [a, b] = [await onScreen(page, armchair!), await onScreen(page, copy)];
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(5);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
});
