// `scenewright info <path>` and `scenewright import` on PLY files written to a temp dir, real SQLite.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePly } from '../../app/formats/ply/writePly';
import { openDatabase } from '../../db';
import { DATABASE_FILE } from '../host/services';
import type { Io } from './command';
import { main } from './index';

let dir: string;
let ply: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-cli-import-'));
  ply = join(dir, 'survey.ply');
  // Two labelled objects at survey coordinates, y-up as an OBJ/glTF export would be.
  writeFileSync(
    ply,
    writePly({
      positions: new Float32Array([500000, 10, 4100000, 500001, 10, 4100000, 500000, 12, 4100001, 500001, 12, 4100001]),
      faces: new Uint32Array([0, 1, 2]),
      scalars: { instance: new Int32Array([0, 0, 1, 1]), label: new Int32Array([3, 3, 7, 7]) },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], errIsTty = false) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('scenewright info <path>', () => {
  it('prints counts, labels, bounds, origin and up axis as JSON', async () => {
    const { code, out, err } = await run(['info', ply, '--json']);
    expect([code, err]).toEqual([0, '']);
    expect(JSON.parse(out)).toMatchObject({
      format: 'ply',
      pointCount: 4,
      faceCount: 1,
      superpointCount: 0,
      instanceCount: 2,
      labels: [
        { label: 'class 3', count: 1 },
        { label: 'class 7', count: 1 },
      ],
      bbox: { min: [500000, 10, 4100000], max: [500001, 12, 4100001] },
      origin: [500001, 11, 4100001],
      upAxis: 'z',
      sourceUpAxis: 'z',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('rotates with --up-axis y and prints readable text', async () => {
    const json = JSON.parse((await run(['info', ply, '--up-axis', 'y', '--json'])).out);
    expect(json.bbox).toEqual({ min: [500000, -4100001, 10], max: [500001, -4100000, 12] });
    expect(json.sourceUpAxis).toBe('y');
    const { code, out } = await run(['info', ply]);
    expect(code).toBe(0);
    expect(out).toMatch(/^survey\.ply \(ply\)\npoints: +4\nfaces: +1\n/);
    expect(out).toContain('origin:       [500001, 11, 4100001]');
  });

  it('names the file and position of a broken scan, exit 1; a bad flag is exit 2', async () => {
    const bad = join(dir, 'bad.ply');
    writeFileSync(bad, 'ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nend_header\n1\n');
    const r = await run(['info', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^scenewright info: bad\.ply: line \d+/);
    expect((await run(['info', ply, '--up-axis', 'x'])).code).toBe(2);
  });
});

describe('scenewright import', () => {
  it('imports with a line per stage on a non-TTY, then recognises the same content', async () => {
    const dataDir = join(dir, 'data');
    const first = await run(['import', ply, '--data-dir', dataDir, '--json']);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.out);
    expect(result).toMatchObject({ name: 'survey', format: 'ply', pointCount: 4, instanceCount: 2, alreadyImported: false });
    expect(first.err.split('\n').filter(Boolean)).toEqual(expect.arrayContaining([expect.stringMatching(/^ +\d+% Importing survey: parsing$/)]));
    expect(existsSync(result.cache)).toBe(true);

    const again = await run(['import', ply, '--data-dir', dataDir]);
    expect(again).toMatchObject({ code: 0, out: `survey: already imported as ${result.id}\n` });
    const store = openDatabase(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(store.scenes.list().filter((s) => s.name === 'survey')).toHaveLength(1);
      expect(store.scenes.get(result.id)).toMatchObject({ origin: [500001, 11, 4100001], contentHash: expect.any(String) });
    } finally {
      store.close();
    }
  });

  it('redraws one line on a TTY', async () => {
    const other = join(dir, 'other.ply');
    writeFileSync(other, writePly({ positions: new Float32Array([1, 2, 3]) }));
    const { code, err } = await run(['import', other, '--data-dir', join(dir, 'data')], true);
    expect(code).toBe(0);
    expect(err).toMatch(/^\r\[/);
    expect(err.match(/\n/g)).toHaveLength(1);
  });

  it('records nothing for a corrupt file', async () => {
    const dataDir = join(dir, 'data-bad');
    const bad = join(dir, 'bad2.ply');
    writeFileSync(bad, writePly({ positions: new Float32Array([1, 2, 3, 4, 5, 6]) }).subarray(0, 60));
    const r = await run(['import', bad, '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/scenewright import: bad2\.ply: /);
    const store = openDatabase(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(store.scenes.list().filter((s) => s.format !== 'generated' && s.id !== 'sample')).toHaveLength(0);
    } finally {
      store.close();
    }
    expect(existsSync(join(dataDir, 'scenes')) ? readdirSync(join(dataDir, 'scenes')) : []).toEqual([]);
  });
});
