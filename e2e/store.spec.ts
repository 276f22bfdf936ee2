// Saved work in the annotation store: verify and reject in the Saved list, undo the reject with
// Ctrl+Z, restart the app, and redo it with Ctrl+Shift+Z — the undo history lives in the database.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

async function clickInstance(page: Page, label: string): Promise<void> {
  const pos = await page.evaluate((l) => {
    const t = (window as any).__scenewrightTest;
    for (const id of t.instancesByLabel(l) as number[]) {
      const p = t.projectInstance(id);
      if (p) return p;
    }
    return null;
  }, label);
  expect(pos, `an on-screen ${label}`).not.toBeNull();
  await page.mouse.click(pos!.x, pos!.y);
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
}

/** Measures a → b and saves it with the S key; the list grows by one. */
async function measureAndSave(page: Page, a: string, b: string, expected: number) {
  await page.keyboard.press('Escape');
  await clickInstance(page, a);
  await expect(page.getByTestId('selection-a')).toContainText(a);
  await clickInstance(page, b);
  await expect(page.getByTestId('distance-value')).toContainText(' m');
  await page.keyboard.press('s');
  await expect(page.getByTestId('saved-item')).toHaveCount(expected);
}

const item = (page: Page, id: string) => page.locator(`[data-testid="saved-item"][data-id="${id}"]`);

test('verify and reject saved items, undo the reject, restart, redo it', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-e2e-store-'));
  mkdirSync(artifacts, { recursive: true });
  let host = await startHost(dataDir);
  try {
    await open(page, host.testUrl);
    await measureAndSave(page, 'armchair', 'table', 1);
    await measureAndSave(page, 'table', 'armchair', 2);
    // Newest first: the second save leads the list.
    const [second, first] = await page.getByTestId('saved-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));

    // Verify one: it was saved verified, so reject it and verify it again (two revisions kept).
    await item(page, first!).getByTestId('set-rejected').click();
    await expect(item(page, first!)).toHaveAttribute('data-status', 'rejected');
    await item(page, first!).getByTestId('set-verified').click();
    await expect(item(page, first!)).toHaveAttribute('data-status', 'verified');
    // Reject the other.
    await item(page, second!).getByTestId('set-rejected').click();
    await expect(item(page, second!)).toHaveAttribute('data-status', 'rejected');
    await expect(item(page, second!).getByTestId('item-status')).toContainText('rev 2');

    // Ctrl+Z undoes the newest change: the reject.
    await page.keyboard.press('Control+z');
    await expect(item(page, second!)).toHaveAttribute('data-status', 'verified');
    await expect(item(page, first!)).toHaveAttribute('data-status', 'verified');
    await page.screenshot({ path: join(artifacts, 'store-undone.png') });

    // Restart on the same data folder: the redo side of the history is still there.
    await host.stop();
    host = await startHost(dataDir);
    await open(page, host.testUrl);
    await expect(page.getByTestId('saved-item')).toHaveCount(2);
    await expect(item(page, second!)).toHaveAttribute('data-status', 'verified');
    await page.keyboard.press('Control+Shift+z');
    await expect(item(page, second!)).toHaveAttribute('data-status', 'rejected');
    await expect(item(page, first!)).toHaveAttribute('data-status', 'verified');
    // Redo wrote a new revision (reject, undo, redo: revisions 2, 3, 4), nothing was overwritten.
    await expect(item(page, second!).getByTestId('item-status')).toContainText('rev 4');
    await page.screenshot({ path: join(artifacts, 'store-redone-after-restart.png') });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
