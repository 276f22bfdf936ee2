// `scenewright project export|import` end to end on real data folders.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db';
import { DATABASE_FILE } from '../host/services';
import type { Io } from './command';
import { main } from './index';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sw-cli-project-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[], errIsTty = false) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty };
  const code = await main(argv, io);
  return { code, out, err };
}

function seed(dataDir: string): string {
  const store = openDatabase(join(dataDir, DATABASE_FILE));
  const item = store.editor.save(
    { sceneId: 'room', kind: 'distance', question: 'How far is the desk from the door?', answer: 2.5, unit: 'm', instanceIds: [1, 2], status: 'verified' },
    { engineVersion: '0.1.0' },
  );
  store.close();
  return item.id;
}

describe('scenewright project', () => {
  it('exports and imports a data folder, with --json and a progress bar', async () => {
    const source = join(root, 'source');
    const id = seed(source);
    const file = join(root, 'work.swproj');
    const ex = await run(['project', 'export', file, '--data-dir', source, '--json']);
    expect(ex.code).toBe(0);
    const exported = JSON.parse(ex.out);
    expect(exported).toMatchObject({ file, scenes: 0, dataDir: source, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ex.err).toMatch(/Writing scenewright\.db/);

    const target = join(root, 'target');
    const im = await run(['project', 'import', file, '--data-dir', target], true);
    expect(im.code).toBe(0);
    expect(im.out).toBe(`imported ${file} into ${target}: 1 saved item(s), 0 scene cache(s), checksum ok\n`);
    expect(im.err).toMatch(/\r\[#+\] 100% /);
    const store = openDatabase(join(target, DATABASE_FILE));
    expect(store.qaItems.get(id)?.question).toBe('How far is the desk from the door?');
    store.close();

    // Importing again into the same folder is refused; --replace keeps a backup.
    const again = await run(['project', 'import', file, '--data-dir', target]);
    expect([again.code, again.err]).toEqual([1, expect.stringMatching(/already holds saved work/)]);
    const replaced = await run(['project', 'import', file, '--data-dir', target, '--replace', '--json']);
    expect(replaced.code).toBe(0);
    expect(existsSync(JSON.parse(replaced.out).backup)).toBe(true);
  });

  it('fails with the file and byte offset for a damaged file, and 2 for a wrong command line', async () => {
    const source = join(root, 'source');
    seed(source);
    const file = join(root, 'work.swproj');
    expect((await run(['project', 'export', file, '--data-dir', source])).code).toBe(0);
    const bytes = readFileSync(file);
    bytes[100]! ^= 1;
    writeFileSync(file, bytes);
    const r = await run(['project', 'import', file, '--data-dir', join(root, 'target')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`scenewright project: ${file.replace(/[.]/g, '\\.')}: at byte 72: checksum mismatch in scenewright\\.db \\(bytes 72–`));
    expect(existsSync(join(root, 'target'))).toBe(false);

    expect((await run(['project', 'export'])).code).toBe(2);
    expect((await run(['project', 'copy', file])).code).toBe(2);
    expect((await run(['project', 'export', file, '--replace'])).code).toBe(2);
    const missing = await run(['project', 'export', file, '--data-dir', join(root, 'empty')]);
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/holds no saved work/)]);
  });
});
