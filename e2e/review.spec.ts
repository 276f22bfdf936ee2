// The review journey: open the sample room, generate questions, accept the first with A, reject the
// next with R, move with J/K, edit an answer with E, accept everything of one type, undo that batch
// with Ctrl+Z, and read the counts in the statistics.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from './host-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

const progress = async (page: Page) => {
  const m = /(\d+) \/ (\d+) reviewed/.exec((await page.getByTestId('review-progress').textContent()) ?? '');
  return { reviewed: Number(m![1]), total: Number(m![2]) };
};
const current = (page: Page) => page.locator('[data-testid="review-item"][aria-selected="true"]');
const currentId = (page: Page) => current(page).getAttribute('data-id');

test('generate, review with the keyboard, accept a type, see the statistics', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sw-e2e-review-'));
  mkdirSync(artifacts, { recursive: true });
  const host = await startHost(dataDir);
  try {
    await page.goto(host.testUrl);
    await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });

    await page.getByTestId('side-tab-review').click();
    await expect(page.getByTestId('review-progress')).toHaveText('0 / 0 reviewed');
    await page.getByTestId('generate-questions').click();
    await expect(page.getByTestId('generate-summary')).toContainText('Added', { timeout: 60_000 });
    const items = page.getByTestId('review-item');
    await expect.poll(async () => (await progress(page)).total).toBeGreaterThan(10);
    const total = (await progress(page)).total;
    await expect(items).toHaveCount(total);
    await expect(page.getByTestId('stats-panel')).toHaveAttribute('data-total', String(total));

    // A on the first: it leaves the queue and counts as reviewed; R on the next.
    await items.first().click();
    const first = await currentId(page);
    const acceptedKind = await current(page).getAttribute('data-kind');
    await page.keyboard.press('a');
    await expect(page.getByTestId('review-progress')).toHaveText(`1 / ${total} reviewed`);
    await expect(page.locator(`[data-testid="review-item"][data-id="${first}"]`)).toHaveCount(0);
    const second = await currentId(page);
    expect(second).not.toBe(first);
    const rejectedKind = await current(page).getAttribute('data-kind');
    await page.keyboard.press('r');
    await expect(page.getByTestId('review-progress')).toHaveText(`2 / ${total} reviewed`);
    await expect(items).toHaveCount(total - 2);

    // J / K move the highlight.
    const top = await currentId(page);
    await page.keyboard.press('j');
    await expect.poll(() => currentId(page)).not.toBe(top);
    const below = await currentId(page);
    await page.keyboard.press('k');
    await expect.poll(() => currentId(page)).toBe(top);
    await page.keyboard.press('j');
    await expect.poll(() => currentId(page)).toBe(below);

    // E edits the answer in place; Enter saves it (a new revision), the item stays a draft.
    await page.keyboard.press('e');
    const edit = page.getByTestId('review-answer-edit');
    await expect(edit).toBeFocused();
    await edit.fill('42');
    await edit.press('Enter');
    await expect(page.locator(`[data-testid="review-item"][data-id="${below}"] [data-testid="review-answer"]`)).toContainText('42');
    await expect(page.getByTestId('review-progress')).toHaveText(`2 / ${total} reviewed`);

    // Accept all shown for one type.
    const type = (await items.first().getAttribute('data-kind'))!;
    await page.getByTestId('review-type').selectOption(type);
    await expect(page.locator('[data-testid="review-item"]:not([data-kind="' + type + '"])')).toHaveCount(0);
    const ofType = await items.count();
    expect(ofType).toBeGreaterThan(0);
    await page.getByTestId('accept-all').click();
    await expect(items).toHaveCount(0);
    await expect(page.getByTestId('review-progress')).toHaveText(`${2 + ofType} / ${total} reviewed`);
    const bar = page.locator(`[data-testid="stats-per-type"] g[data-label="${type}"] text`).last();
    // verified ✓, drafts, rejected ✗ of the type: the batch, plus the single A and R if they were of it.
    await expect(bar).toHaveText(`${ofType + (acceptedKind === type ? 1 : 0)}✓ 0 ${rejectedKind === type ? 1 : 0}✗`);
    await page.screenshot({ path: join(artifacts, 'review-queue.png') });

    // The batch is one undo step: Ctrl+Z brings every item of it back to the queue.
    await page.keyboard.press('Control+z');
    await expect(items).toHaveCount(ofType);
    await expect(page.getByTestId('review-progress')).toHaveText(`2 / ${total} reviewed`);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
