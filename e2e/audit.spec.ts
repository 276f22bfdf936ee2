// The Audit tab against the real host: upload a questions JSONL written here from the real VSI-Bench
// meta (../shared/data/vsibench) and the meta itself, run the audit, read the per-type table, find the
// row whose ground truth was altered among the disagreements with its evidence, download the report;
// open the altered row's room from the list (the box scene loads, the evidence is drawn with a caption,
// Escape clears it, Enter on the row draws it again) and the distance row's closest-point line; then
// a broken questions file given by host path comes back as an error naming the file and row.
import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../main/launch/paths';
import { startHost } from './host-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
const metaPath = join(sharedDataDir(), 'vsibench', 'scannetpp_meta_info_val.json');

interface MetaScene {
  room_size: number;
  object_counts: Record<string, number>;
  object_bbox: Record<string, unknown[]>;
}

const counting = (category: string) => `How many ${category}(s) are in this room?`;
const distance = (o1: string, o2: string) => `Measuring from the closest point of each object, what is the distance between the ${o1} and the ${o2} (in meters)?`;
const ROOM = 'What is the size of this room (in square meters)? \nIf multiple rooms are shown, estimate the size of the combined space.';
const row = (id: number, scene: string, type: string, question: string, truth: string) => ({ id, dataset: 'scannetpp', scene_name: scene, question_type: type, question, ground_truth: truth, options: null });

test('audit a VSI-Bench questions file against its meta from the Audit tab', async ({ page }) => {
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, MetaScene>;
  // The first room with a category counted more than once: its count is a number the boxes fix.
  const [scene, room] = Object.entries(meta).find(([, s]) => Object.values(s.object_counts).some((n) => n >= 2))!;
  const [category, count] = Object.entries(room.object_counts).find(([, n]) => n >= 2)!;
  const area = String(Math.round(room.room_size * 10) / 10);
  const altered = count + 3;
  const rows = [
    row(1, scene, 'object_counting', counting(category), String(count)),
    row(2, scene, 'object_counting', counting(category), String(altered)),
    row(3, scene, 'room_size_estimation', ROOM, area),
    row(4, scene, 'object_counting', counting('unicorn'), '1'),
  ];
  // Two categories with one box each: the distance row, given a released answer far off (MRA 0).
  const [o1, o2] = Object.keys(room.object_counts).filter((c) => room.object_counts[c] === 1);
  expect(o2, 'two single-box categories in the room').toBeDefined();
  rows.push(row(5, scene, 'object_abs_distance', distance(o1!, o2!), '99.0'));
  const work = mkdtempSync(join(tmpdir(), 'sw-e2e-audit-'));
  const questionsFile = join(work, 'small-questions.jsonl');
  writeFileSync(questionsFile, rows.map((r) => JSON.stringify(r)).join('\n'));
  const broken = join(work, 'broken.jsonl');
  writeFileSync(broken, `${JSON.stringify(rows[0])}\n{"id": 9, "dataset": "scannetpp"}\n`);

  const host = await startHost(join(work, 'data'));
  try {
    await page.goto(host.testUrl);
    await expect(page.locator('body[data-ready="1"]')).toHaveCount(1, { timeout: 60_000 });
    await page.getByTestId('side-tab-audit').click();
    await expect(page.getByTestId('audit-panel')).toBeVisible();
    await expect(page.getByTestId('audit-run')).toBeDisabled();

    // The web UI's pickers: both files are uploaded to the host (the meta is over the RPC body cap).
    await page.getByTestId('audit-questions-input').setInputFiles(questionsFile);
    await page.getByTestId('audit-meta-input').setInputFiles(metaPath);
    await expect(page.getByTestId('audit-questions-path')).toHaveValue('small-questions.jsonl');
    await page.getByTestId('audit-run').click();

    await expect(page.getByTestId('audit-files')).toHaveText(`small-questions.jsonl: ${rows.length} rows · scannetpp_meta_info_val.json: 50 rooms`);
    const types = page.getByTestId('audit-types');
    const countRow = types.locator('tr[data-type="object_counting"]');
    await expect(countRow).toHaveAttribute('data-n', '2');
    // Mean of 1 (the agreeing row) and the altered row's MRA, which is below 1.
    const countScore = Number(await countRow.getAttribute('data-score'));
    expect(countScore).toBeGreaterThan(0.5);
    expect(countScore).toBeLessThan(1);
    await expect(countRow.locator('td').nth(2)).toHaveText('MRA');
    const roomRow = types.locator('tr[data-type="room_size_estimation"]');
    await expect(roomRow).toHaveAttribute('data-n', '1');
    await expect(roomRow).toHaveAttribute('data-score', '1');
    await expect(types.locator('tr[data-type="overall"]')).toHaveAttribute('data-n', String(rows.length - 1));

    // The altered row disagrees (and the distance row), with the count the meta's boxes give.
    const items = page.getByTestId('audit-disagreement');
    await expect(items).toHaveCount(rows.length - 3);
    const item = page.locator('[data-testid="audit-disagreement"][data-id="2"]');
    await expect(item).toHaveAttribute('data-id', '2');
    await expect(item.getByTestId('audit-released')).toHaveText(`released ${altered}`);
    await expect(item.getByTestId('audit-ours')).toHaveText(`ours ${count}`);
    await expect(item.getByTestId('audit-evidence')).toHaveText(`${count} instances in the meta`);
    await page.getByTestId('audit-type-filter').selectOption('object_counting');
    await expect(items).toHaveCount(1);

    // The unicorn row is listed as not checked, with its reason.
    const unchecked = page.getByTestId('audit-unchecked');
    await expect(unchecked).toHaveAttribute('data-count', '1');
    await page.getByTestId('audit-type-filter').selectOption('');
    await unchecked.locator('summary').click();
    await expect(unchecked).toContainText('which the meta of scene … lacks');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'audit.png') });

    // The downloaded report is the CLI's --json shape.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-download').click()]);
    expect(download.suggestedFilename()).toBe('small-questions.audit.json');
    const saved = join(work, 'report.json');
    await download.saveAs(saved);
    const report = JSON.parse(readFileSync(saved, 'utf8')) as { per_type: Record<string, { n: number }>; disagreements: Array<{ id: number; scene_name: string; ours: string; evidence: { kind: string; count: number } }>; unchecked: unknown[] };
    expect(report.per_type.object_counting!.n).toBe(2);
    expect(report.disagreements.filter((d) => d.id === 2).map((d) => [d.id, d.ours, d.evidence.kind, d.evidence.count])).toEqual([[2, String(count), 'count', count]]);
    expect(report.disagreements.map((d) => [d.id, d.scene_name])).toEqual(rows.slice(1).filter((r) => r.id === 2 || r.id === 5).map((r) => [r.id, scene]));
    expect(report.unchecked).toHaveLength(1);

    // Open room: the row's room opens as its box-only scene, and the count's evidence is drawn in it:
    // one box per instance of the category, labelled by it, with the caption in the tab.
    await item.getByTestId('audit-open-room').click();
    await expect(page.getByTestId('scene-name')).toHaveText(scene, { timeout: 60_000 });
    await expect(page.getByTestId('status-bar')).toContainText(`${Object.values(room.object_bbox).reduce((n, l) => n + l.length, 0)} instances`);
    const caption = page.getByTestId('audit-shown');
    await expect(caption).toContainText(`released ${altered}, ours ${count}`);
    await expect(caption).toContainText(scene);
    await expect(item).toHaveClass(/\bshown\b/);
    const boxLabels = page.getByTestId('evidence-box-label');
    await expect(boxLabels).toHaveCount(count);
    for (const label of await boxLabels.allTextContents()) expect(label).toBe(category);
    await page.evaluate(() => (window as any).__scenewrightViewer.renderNow());
    await page.screenshot({ path: join(artifacts, 'audit-room.png') });
    // Escape clears the drawing and the caption; Enter on the focused row draws it again.
    await page.keyboard.press('Escape');
    await expect(boxLabels).toHaveCount(0);
    await expect(caption).toHaveCount(0);
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(boxLabels).toHaveCount(count);
    await expect(caption).toContainText(`released ${altered}`);
    // The distance row in the same room: two boxes and the closest-point line at the audit's length.
    {
      const far = page.locator('[data-testid="audit-disagreement"][data-id="5"]');
      const metres = Number(/closest points ([\d.]+) m apart/.exec((await far.getByTestId('audit-evidence').textContent()) ?? '')![1]);
      await far.getByTestId('audit-open-room').click();
      await expect(caption).toContainText('released 99.0');
      await expect(boxLabels).toHaveCount(2);
      expect((await boxLabels.allTextContents()).sort()).toEqual([o1!, o2!].sort());
      await expect(page.getByTestId('evidence-length')).toHaveText(`${metres.toFixed(2)} m`);
      await page.getByTestId('audit-shown-clear').click();
      await expect(page.getByTestId('evidence-length')).toHaveCount(0);
    }
    await expect(page.getByTestId('error-banner')).toHaveCount(0);

    // A typed host path to a broken file: the error names the file and the row; the report stays.
    await page.getByTestId('audit-questions-path').fill(broken);
    await page.getByTestId('audit-run').click();
    await expect(page.getByTestId('audit-error')).toContainText(`${broken}: row 2: scene_name`);
    await expect(items).toHaveCount(rows.length - 3);
  } finally {
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
