// Audit uploads do not pile up: auditDataset removes an uploaded questions file once read and an
// uploaded meta when the audit fails (an audited meta stays: its rooms open from it), never touches
// files outside the upload folder, and a starting host removes uploads older than a day.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcResult } from '../../app/contract';
import { testHost } from './testing/host-fixture';
import { isUpload, STALE_UPLOAD_MS, sweepStaleUploads, uploadDirOf } from './uploads';

const t = testHost('sw-uploads-');
beforeEach(t.setUp);
afterEach(t.tearDown);

const box = { centroid: [1, 2, 0.5], axesLengths: [2, 1, 0.5], normalizedAxes: [1, 0, 0, 0, 1, 0, 0, 0, 1], min: [0, 1.5, 0.25], max: [2, 2.5, 0.75] };
const META = JSON.stringify({ room1: { dataset: 'scannetpp', video_path: 'x.mp4', room_size: 12.3, room_center: [0, 0, 1], object_counts: { sofa: 1 }, object_bbox: { sofa: [box] } } });
const ROWS = `${JSON.stringify({ id: 1, dataset: 'scannetpp', scene_name: 'room1', question_type: 'room_size_estimation', question: 'What is the size of this room (in square meters)? If multiple rooms are shown, estimate the size of the combined space.', ground_truth: '12.3', options: null })}\n`;

/** A file as the bridge's upload endpoint stores it: `<uploads>/<id>/<name>`. */
function upload(id: string, name: string, text: string): string {
  const folder = join(uploadDirOf(t.dataDir), id);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), text);
  return join(folder, name);
}
const uploads = () => (existsSync(uploadDirOf(t.dataDir)) ? readdirSync(uploadDirOf(t.dataDir)).sort() : []);
const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

describe('audit uploads', () => {
  it('removes the uploaded questions once read and keeps the audited meta it names', async () => {
    const q = upload('aaaa', 'rows.jsonl', ROWS);
    const m = upload('bbbb', 'meta.json', META);
    const r = await t.host.client.auditDataset({ format: 'vsibench', questions: { path: q, name: 'rows.jsonl' }, meta: { path: m, name: 'meta.json' } });
    expect(r.questions.rows).toBe(1);
    expect(r.meta.path).toBe(m);
    expect(uploads()).toEqual(['bbbb']);
  });

  it('removes both uploads when the audit fails, and leaves files outside the upload folder alone', async () => {
    const q = upload('aaaa', 'rows.jsonl', '{"id": 1, "broken":\n');
    const m = upload('bbbb', 'meta.json', META);
    const r = await t.host.dispatch('auditDataset', { format: 'vsibench', questions: { path: q }, meta: { path: m } });
    expect(errorOf(r)).toMatchObject({ code: 'bad_file' });
    expect(uploads()).toEqual([]);

    // A meta missing from the upload folder: the uploaded questions still go.
    const q2 = upload('cccc', 'rows.jsonl', ROWS);
    expect(errorOf(await t.host.dispatch('auditDataset', { format: 'vsibench', questions: { path: q2 }, meta: { path: join(uploadDirOf(t.dataDir), 'gone', 'meta.json') } }))).toMatchObject({ code: 'not_found' });
    expect(uploads()).toEqual([]);

    const own = join(t.dir, 'rows.jsonl');
    writeFileSync(own, '{"id": 1, "broken":\n');
    const ownMeta = join(t.dir, 'meta.json');
    writeFileSync(ownMeta, META);
    expect(errorOf(await t.host.dispatch('auditDataset', { format: 'vsibench', questions: { path: own }, meta: { path: ownMeta } }))).toMatchObject({ code: 'bad_file' });
    expect(existsSync(own) && existsSync(ownMeta)).toBe(true);
  });

  it('sweeps uploads older than a day when a host starts, and keeps newer ones', async () => {
    const old = upload('old1', 'meta.json', META);
    const oldFolder = join(uploadDirOf(t.dataDir), 'old2');
    mkdirSync(join(oldFolder, 'scans'), { recursive: true });
    writeFileSync(join(oldFolder, 'scans', 'a.ply'), 'ply');
    upload('new1', 'rows.jsonl', ROWS);
    const past = (Date.now() - STALE_UPLOAD_MS - 60_000) / 1000;
    for (const p of [old, join(oldFolder, 'scans', 'a.ply'), join(oldFolder, 'scans'), oldFolder, join(uploadDirOf(t.dataDir), 'old1')]) utimesSync(p, past, past);
    // A folder upload with one recent file is not stale.
    upload('mixed', 'old.json', META);
    utimesSync(join(uploadDirOf(t.dataDir), 'mixed', 'old.json'), past, past);
    upload('mixed', 'new.json', META);

    await t.restart();
    expect(uploads()).toEqual(['mixed', 'new1']);
  });

  it('knows what is an upload', () => {
    const dir = uploadDirOf('/data');
    expect(isUpload(dir, '/data/uploads/ab/x.json')).toBe(true);
    expect(isUpload(dir, '/data/uploads')).toBe(false);
    expect(isUpload(dir, '/data/uploads/../x.json')).toBe(false);
    expect(isUpload(dir, '/data/uploadsx/a.json')).toBe(false);
    expect(sweepStaleUploads('/no/such/folder')).toEqual([]);
  });
});
