// Import journey: open a generated PLY by path, drop another onto the viewport, switch back to the
// sample room, and see a broken file reported by name in the error banner.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host-process';

/** An ASCII PLY of an n×n grid of points, two instances (left and right half), written by hand. */
function gridPly(n: number, z: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rows.push(`${(i * 0.1).toFixed(2)} ${(j * 0.1).toFixed(2)} ${z} 200 80 40 ${i < n / 2 ? 1 : 2}`);
  const header = ['ply', 'format ascii 1.0', `element vertex ${n * n}`, 'property float x', 'property float y', 'property float z', 'property uchar red', 'property uchar green', 'property uchar blue', 'property int instance', 'end_header'];
  return `${[...header, ...rows].join('\n')}\n`;
}

async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/octet-stream' }));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent('[data-testid="drop-target"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="drop-target"]', 'drop', { dataTransfer });
}

test('import a PLY by path and by drag-and-drop, switch scenes, see a bad file named', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-e2e-import-'));
  const host = await startHost(join(dir, 'data'));
  try {
    await page.goto(host.testUrl);
    await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
    const sampleName = (await page.getByTestId('scene-name').textContent())!;

    // By path: the Open… field works in the web UI and in Electron alike.
    const byPath = join(dir, 'corner desk.ply');
    writeFileSync(byPath, gridPly(30, 0.5));
    await page.getByTestId('import-path').fill(byPath);
    await page.getByTestId('import-button').click();
    await expect(page.getByTestId('scene-name')).toHaveText('corner desk');
    await expect(page.getByTestId('point-count')).toHaveText('900 points');
    await expect(page.getByTestId('status-bar')).toContainText('2 instances');
    await expect(page.getByTestId('error-banner')).toHaveCount(0);

    // By drag-and-drop: the bytes go through /api/upload, then importScene.
    await dropFile(page, 'dropped.ply', gridPly(20, 1.5));
    await expect(page.getByTestId('scene-name')).toHaveText('dropped');
    await expect(page.getByTestId('point-count')).toHaveText('400 points');
    await expect(page.getByTestId('progress')).toHaveCount(0);

    // The switcher lists the sample room first, then the imports; picking one opens it.
    const options = page.getByTestId('scene-switcher').locator('option');
    await expect(options).toHaveCount(3);
    await expect(options.first()).toContainText(sampleName);
    await page.getByTestId('scene-switcher').selectOption({ label: (await options.nth(1).textContent())! });
    await expect(page.getByTestId('scene-name')).not.toHaveText('dropped');

    // A truncated file: the banner names it, nothing is added to the list.
    const broken = join(dir, 'broken.ply');
    writeFileSync(broken, gridPly(10, 0).slice(0, 400));
    await page.getByTestId('import-path').fill(broken);
    await page.getByTestId('import-button').click();
    await expect(page.getByTestId('error-banner')).toContainText('broken.ply');
    await expect(options).toHaveCount(3);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
