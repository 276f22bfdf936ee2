// auditDataset through the real host's dispatcher on the released VSI-Bench rows and meta
// (../shared/data/vsibench): the UI's report is the CLI's `qa audit --json` output, and bad input
// comes back as typed errors naming the file and the row.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SOURCE_LIMIT, type AuditDatasetResult, type RpcResult } from '../../app/contract';
import { run as qaCommand } from '../cli/commands/qa';
import { sharedDataDir } from '../launch/paths';
import { createHost, type Host } from './create-host';

const dir = join(sharedDataDir(), 'vsibench');
const rowsPath = join(dir, 'vsibench_scannetpp_rows.jsonl');
const metaPath = join(dir, 'scannetpp_meta_info_val.json');

let dataDir: string;
let host: Host;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-audit-'));
  host = await createHost({ dataDir, transport: 'in-process' });
});

afterAll(async () => {
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function cliJson(questions: string, meta: string): Promise<string> {
  let out = '';
  const code = await qaCommand(['audit', '--format', 'vsibench', questions, '--meta', meta, '--json'], { out: (t) => void (out += t), err: () => {} });
  expect(code).toBe(0);
  return out;
}

const errorOf = (r: RpcResult) => {
  expect(r.ok).toBe(false);
  return r.ok ? null! : r.error;
};

describe('auditDataset on the released VSI-Bench ScanNet++ rows', () => {
  it('answers with the same report the CLI prints with --json, for host paths and for uploaded text', async () => {
    const cli = await cliJson(rowsPath, metaPath);
    const byPath = await host.client.auditDataset({ questions: { path: rowsPath }, meta: { path: metaPath } });
    expect(`${JSON.stringify(byPath.report)}\n`).toBe(cli);
    expect(byPath.questions).toEqual({ name: 'vsibench_scannetpp_rows.jsonl', rows: 1458 });
    // The meta's host path comes back (resolved) so the Audit tab can open its rooms as `path#scene`.
    expect(byPath.meta).toEqual({ name: 'scannetpp_meta_info_val.json', scenes: 50, path: resolve(metaPath) });
    // Every released row is either scored or listed as unchecked with its reason.
    expect(byPath.report.overall.n + byPath.report.unchecked.length).toBe(1458);
    expect(byPath.report.disagreements.length).toBeGreaterThan(0);

    const byText = await host.client.auditDataset({
      questions: { name: 'rows.jsonl', text: readFileSync(rowsPath, 'utf8') },
      meta: { name: 'meta.json', text: readFileSync(metaPath, 'utf8') },
    });
    expect(byText.report).toEqual(byPath.report);
    expect(byText.questions.name).toBe('rows.jsonl');
    expect(byText.meta).toEqual({ name: 'meta.json', scenes: 50 });
  });

  it('keeps each disagreement with the evidence that decided our answer', async () => {
    const { report } = (await host.client.auditDataset({ questions: { path: rowsPath }, meta: { path: metaPath } })) as AuditDatasetResult;
    for (const d of report.disagreements) {
      expect(d.ours).not.toBe(d.ground_truth);
      const kind = d.evidence.kind;
      if (d.question_type === 'object_abs_distance') {
        expect(kind).toBe('distance');
        if (d.evidence.kind === 'distance') expect((Math.round(d.evidence.distance * 10) / 10).toFixed(1)).toBe(d.ours);
      }
      if (d.question_type === 'object_counting' && d.evidence.kind === 'count') expect(String(d.evidence.count)).toBe(d.ours);
    }
  });

  describe('typed errors', () => {
    let tmp: string;
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'sw-audit-bad-'));
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it('a row without its question names the file and the row', async () => {
      const lines = readFileSync(rowsPath, 'utf8').split('\n').slice(0, 3);
      const broken = JSON.parse(lines[1]!) as Record<string, unknown>;
      delete broken.question;
      const file = join(tmp, 'broken-row.jsonl');
      writeFileSync(file, [lines[0], JSON.stringify(broken), lines[2]].join('\n'));
      const e = errorOf(await host.dispatch('auditDataset', { questions: { path: file }, meta: { path: metaPath } }));
      expect(e.code).toBe('bad_file');
      expect(e.message).toContain(`${file}: row 2: question`);
      expect(e.details).toMatchObject({ source: file, row: 2 });

      // A display name given with the path (a web upload's original name) is what the error names.
      const named = errorOf(await host.dispatch('auditDataset', { questions: { path: file, name: 'mine.jsonl' }, meta: { path: metaPath } }));
      expect(named.message).toMatch(/^mine\.jsonl: row 2: question/);
    });

    it('meta that is not JSON names the file', async () => {
      const e = errorOf(await host.dispatch('auditDataset', { questions: { path: rowsPath }, meta: { name: 'meta.json', text: readFileSync(metaPath, 'utf8').slice(0, 5000) } }));
      expect(e.code).toBe('bad_file');
      expect(e.message).toMatch(/^meta\.json: not JSON/);
    });

    it('a missing file is not_found naming the path; a folder is bad_file', async () => {
      const missing = join(tmp, 'nope.jsonl');
      const e = errorOf(await host.dispatch('auditDataset', { questions: { path: missing }, meta: { path: metaPath } }));
      expect(e.code).toBe('not_found');
      expect(e.message).toContain(missing);
      const folder = errorOf(await host.dispatch('auditDataset', { questions: { path: rowsPath }, meta: { path: tmp } }));
      expect(folder.code).toBe('bad_file');
      expect(folder.message).toContain(`${tmp}: not a file`);
    });

    it('text over the limit is refused by the schema, naming the file', async () => {
      const e = errorOf(await host.dispatch('auditDataset', { questions: { name: 'huge.jsonl', text: 'x'.repeat(AUDIT_SOURCE_LIMIT + 1) }, meta: { path: metaPath } }));
      expect(e.code).toBe('invalid_input');
      expect(JSON.stringify(e.details)).toContain('huge.jsonl: 67108865 characters');
    });
  });
});
