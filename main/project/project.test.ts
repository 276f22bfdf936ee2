// Project files on real data folders: export → import round trip, and refusal of damaged files
// before anything in the target folder changes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QaItemInput } from '../../app/contract/schemas';
import type { PointScene } from '../../app/scene/types';
import { listBackups, openDatabase, type Store } from '../../db';
import { lockDataDir } from '../host/data-dir-lock';
import { DATABASE_FILE } from '../host/services';
import { cachePath, writeSceneCache } from '../import/scene-cache';
import { exportProject } from './export-project';
import { CHUNK_SIZE, HEADER_SIZE, ProjectFileError } from './format';
import { importProject, verifyProjectFile } from './import-project';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sw-project-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const SCENE_ID = '1b4e28ba-2ca1-4a5e-9b2c-0f7d2f6b5e11';
const meta = { engineVersion: '0.1.0' };
const item = (question: string): QaItemInput => ({
  sceneId: SCENE_ID,
  kind: 'distance',
  question,
  answer: 1.25,
  unit: 'm',
  instanceIds: [0, 1],
  status: 'draft',
});

/** A scene big enough that its cache spans several checksum chunks. */
function scene(points: number): PointScene {
  const positions = new Float32Array(points * 3);
  const colors = new Uint8Array(points * 3);
  const instanceIds = new Int32Array(points);
  for (let i = 0; i < points; i++) {
    positions[i * 3] = (i % 1000) / 100;
    positions[i * 3 + 1] = Math.floor(i / 1000) / 100;
    positions[i * 3 + 2] = (i % 7) / 10;
    colors[i * 3] = i % 251;
    instanceIds[i] = i % 2;
  }
  return { id: SCENE_ID, name: 'Room', source: '/scans/room.ply', format: 'ply', upAxis: 'z', origin: [1000.5, 2000.25, 3], positions, colors, instanceIds, instances: [] };
}

interface Fixture {
  dataDir: string;
  store: Store;
  ids: string[];
}

/** A data folder with a scene and its cache, saved items with history, a layout and superpoints. */
async function fixture(): Promise<Fixture> {
  const dataDir = join(root, 'source');
  const s = scene(300_000);
  await writeSceneCache(dataDir, s);
  const store = openDatabase(join(dataDir, DATABASE_FILE));
  store.scenes.insertWithInstances(
    { id: SCENE_ID, name: s.name, source: s.source, format: s.format, contentHash: 'c'.repeat(64), pointCount: 300_000, instanceCount: 0, origin: s.origin },
    [],
    'import',
  );
  const a = store.editor.save(item('How far is the chair from the table?'), meta);
  const b = store.editor.save(item('How far is the lamp from the sofa?'), meta);
  store.editor.update(a.id, { status: 'verified' }, { now: new Date(Date.now() + 5000) });
  store.editor.update(b.id, { status: 'rejected' }, { now: new Date(Date.now() + 10_000) });
  store.editor.undo(SCENE_ID); // the reject, onto the redo side
  store.layouts.saveVersion(SCENE_ID, 'initial', '{"objects":[]}');
  store.superpoints.save(SCENE_ID, { k: 0.01 }, new Int32Array(300_000).map((_, i) => i >> 8));
  return { dataDir, store, ids: [a.id, b.id] };
}

function snapshot(store: Store, ids: string[]) {
  return {
    items: store.qaItems.list({ limit: 100, offset: 0 }),
    revisions: ids.map((id) => store.qaItems.revisions(id)),
    history: store.editor.history(SCENE_ID, 100),
    layouts: store.layouts.listVersions(SCENE_ID),
    superpoints: store.superpoints.list(SCENE_ID),
    scenes: store.scenes.list(),
    versions: store.sceneVersions.list(SCENE_ID),
  };
}

const projectError = async (p: Promise<unknown>): Promise<ProjectFileError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProjectFileError) return e;
    throw e;
  }
  throw new Error('expected a ProjectFileError');
};

describe('project export and import', () => {
  it('round-trips items, revisions, history, layouts, superpoints and scene caches byte for byte', async () => {
    const f = await fixture();
    const file = join(root, 'work.swproj');
    const labels = new Set<string>();
    const exported = await exportProject({ dataDir: f.dataDir, store: f.store, file, onProgress: (l) => labels.add(l) });
    expect(exported.scenes).toBe(1);
    expect(exported.entries.map((e) => e.path)).toEqual([DATABASE_FILE, `scenes/${SCENE_ID}.swscene`]);
    expect(exported.entries[1]!.size).toBeGreaterThan(CHUNK_SIZE);
    expect(labels).toContain(`Writing scenes/${SCENE_ID}.swscene`);
    const before = snapshot(f.store, f.ids);
    f.store.close();

    const target = join(root, 'target');
    const imported = await importProject({ file, dataDir: target });
    expect(imported).toMatchObject({ scenes: 1, qaItems: 2, backup: null, sha256: exported.sha256, bytes: exported.bytes });
    expect(readFileSync(cachePath(target, SCENE_ID)).equals(readFileSync(cachePath(f.dataDir, SCENE_ID)))).toBe(true);
    const again = openDatabase(join(target, DATABASE_FILE));
    try {
      expect(snapshot(again, f.ids)).toEqual(before);
      // The history came along: redo brings the reject back in the imported copy.
      expect(again.editor.redo(SCENE_ID).applied?.label).toMatch(/reject/i);
      expect(again.qaItems.get(f.ids[1]!)?.status).toBe('rejected');
    } finally {
      again.close();
    }
    // No staging folder or temporary file is left behind.
    expect(readdirSync(target).sort()).toEqual(['backups', 'scenes', DATABASE_FILE].sort().filter((n) => existsSync(join(target, n))));
    expect(readdirSync(root).sort()).toEqual(['source', 'target', 'work.swproj']);
  });

  it('refuses a file with a changed byte before touching the data folder, naming the entry and byte range', async () => {
    const f = await fixture();
    const file = join(root, 'work.swproj');
    const { entries } = await exportProject({ dataDir: f.dataDir, store: f.store, file });
    f.store.close();
    const bytes = readFileSync(file);
    // A byte in the second chunk of the scene cache.
    const cacheStart = HEADER_SIZE + entries[0]!.size;
    const at = cacheStart + CHUNK_SIZE + 12345;
    bytes[at]! ^= 0x40;
    writeFileSync(file, bytes);
    const target = join(root, 'target');
    const e = await projectError(importProject({ file, dataDir: target }));
    expect(e.code).toBe('bad_file');
    expect(e.offset).toBe(cacheStart + CHUNK_SIZE);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(new RegExp(`checksum mismatch in scenes/${SCENE_ID}\\.swscene \\(bytes ${cacheStart + CHUNK_SIZE}–`));
    expect(existsSync(target)).toBe(false);
    await expect(verifyProjectFile(file)).rejects.toThrow(/checksum mismatch/);
  });

  it('refuses a truncated file, a damaged manifest and a file that is not a project, naming the byte', async () => {
    const f = await fixture();
    const file = join(root, 'work.swproj');
    const { bytes } = await exportProject({ dataDir: f.dataDir, store: f.store, file });
    f.store.close();
    const target = join(root, 'target');
    const original = readFileSync(file);

    truncateSync(file, bytes - 1000);
    let e = await projectError(importProject({ file, dataDir: target }));
    expect([e.offset, e.message]).toEqual([bytes - 1000, `${file}: at byte ${bytes - 1000}: the file ends here (truncated): expected ${bytes} bytes`]);

    truncateSync(file, 40);
    e = await projectError(importProject({ file, dataDir: target }));
    expect(e.offset).toBe(40);

    const damaged = Buffer.from(original);
    damaged[bytes - 5]! ^= 1; // inside the manifest
    writeFileSync(file, damaged);
    e = await projectError(importProject({ file, dataDir: target }));
    expect(e.message).toMatch(/manifest checksum mismatch/);

    writeFileSync(file, Buffer.concat([original, Buffer.from('extra')]));
    e = await projectError(importProject({ file, dataDir: target }));
    expect([e.offset, e.message]).toEqual([bytes, `${file}: at byte ${bytes}: expected the end of the file, found 5 more bytes`]);

    writeFileSync(file, Buffer.from('ply\nformat ascii 1.0\nelement vertex 0\nend_header\n'.repeat(3)));
    e = await projectError(importProject({ file, dataDir: target }));
    expect([e.offset, e.message]).toEqual([0, `${file}: at byte 0: expected a Scenewright project file (magic "SWPROJ")`]);

    const unfinished = Buffer.from(original);
    unfinished.fill(0, 16, 72); // what a crashed export leaves: the header is written last
    writeFileSync(file, unfinished);
    e = await projectError(importProject({ file, dataDir: target }));
    expect(e.message).toMatch(/did not finish/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a folder with saved work unless replacing, and then keeps a backup of what it replaced', async () => {
    const f = await fixture();
    const file = join(root, 'work.swproj');
    await exportProject({ dataDir: f.dataDir, store: f.store, file });
    f.store.close();

    const target = join(root, 'target');
    const other = openDatabase(join(target, DATABASE_FILE));
    other.qaItems.save({ ...item('kept in the backup'), sceneId: 'elsewhere' }, meta);
    other.close();
    await expect(importProject({ file, dataDir: target })).rejects.toThrow(/already holds saved work/);

    const imported = await importProject({ file, dataDir: target, replace: true });
    expect(imported.backup).not.toBeNull();
    expect(listBackups(join(target, 'backups')).map((b) => b.reason)).toEqual(['pre-import']);
    const now = openDatabase(join(target, DATABASE_FILE));
    const old = openDatabase(imported.backup!, { readonly: true });
    try {
      expect(now.qaItems.list({ limit: 10, offset: 0 }).items.map((i) => i.sceneId)).toEqual([SCENE_ID, SCENE_ID]);
      expect(old.qaItems.list({ limit: 10, offset: 0 }).items.map((i) => i.question)).toEqual(['kept in the backup']);
    } finally {
      now.close();
      old.close();
    }
  });

  it('refuses a data folder another Scenewright holds', async () => {
    const f = await fixture();
    const file = join(root, 'work.swproj');
    await exportProject({ dataDir: f.dataDir, store: f.store, file });
    f.store.close();
    const target = join(root, 'target');
    // A live process other than this one: the test runner's parent.
    const lock = lockDataDir(target);
    expect(lock.acquired).toBe(true);
    try {
      writeFileSync(join(target, 'scenewright.lock'), `${process.ppid} held-by-test\n`);
      await expect(importProject({ file, dataDir: target })).rejects.toThrow(/has .* open; close it/);
      expect(existsSync(join(target, DATABASE_FILE))).toBe(false);
    } finally {
      rmSync(join(target, 'scenewright.lock'), { force: true });
    }
  });
});
