// Folder uploads over real loopback HTTP in front of a real host: path checks, caps, then an import of
// the uploaded ScanNet-style folder with the layout the reader needs.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, RPC_PREFIX, TOKEN_HEADER, UPLOAD_PATH, type RpcResult, type UploadResult } from '../../app/contract';
import { createHost, type Host } from '../host/create-host';
import { bundleImportWorker, type WorkerBundle } from '../import/testing/worker-bundle';
import { startBridge, type Bridge } from './server';
import { checkRelativePath } from './upload-folder';

const LIMIT = 64 * 1024;
let dir: string;
let uploads: string;
let host: Host;
let bridge: Bridge;
let worker: WorkerBundle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-upfolder-'));
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'index.html'), '<!doctype html>');
  uploads = join(dir, 'data', 'uploads');
  worker = bundleImportWorker();
  host = await createHost({ dataDir: join(dir, 'data'), transport: 'web', backupIntervalMs: 0, importWorker: worker.file });
  bridge = await startBridge({ host, port: 0, staticDir: join(dir, 'www'), uploadDir: uploads, maxUploadBytes: LIMIT });
});
afterAll(async () => {
  await bridge?.close();
  await host?.close();
  worker?.remove();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; result: RpcResult<UploadResult> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path, headers: { host: `127.0.0.1:${bridge.port}`, [TOKEN_HEADER]: bridge.token, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, result: decodeFrame(new Uint8Array(Buffer.concat(chunks))) as RpcResult<UploadResult> }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const put = (folder: string, path: string, body: Buffer | string) => post(`${UPLOAD_PATH}?folder=${folder}&path=${encodeURIComponent(path)}`, body);
const FOLDER = 'a1b2c3d4e5f60718';

/** A ScanNet-style scene: 8 vertices of two 1 m cubes' corners, two segments, two labelled objects. */
function scanNetFiles(scene: string): Record<string, string> {
  const verts = [0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 3, 0, 0, 4, 0, 0, 3, 1, 0, 4, 1, 0];
  const lines = [];
  for (let i = 0; i < 8; i++) lines.push(`${verts[i * 3]} ${verts[i * 3 + 1]} ${verts[i * 3 + 2]} 200 100 50`);
  const ply = ['ply', 'format ascii 1.0', 'element vertex 8', 'property float x', 'property float y', 'property float z', 'property uchar red', 'property uchar green', 'property uchar blue', 'element face 0', 'property list uchar int vertex_indices', 'end_header', ...lines, ''].join('\n');
  return {
    [`${scene}/${scene}_vh_clean_2.ply`]: ply,
    [`${scene}/${scene}_vh_clean_2.0.010000.segs.json`]: JSON.stringify({ sceneId: scene, segIndices: [0, 0, 0, 0, 1, 1, 1, 1] }),
    [`${scene}/${scene}.aggregation.json`]: JSON.stringify({
      sceneId: scene,
      segGroups: [
        { id: 0, objectId: 0, segments: [0], label: 'chair' },
        { id: 1, objectId: 1, segments: [1], label: 'table' },
      ],
    }),
  };
}

describe('checkRelativePath', () => {
  it('keeps nested relative paths and refuses escapes', () => {
    expect(checkRelativePath('scene0001_00/sub dir/a#b.json')).toEqual(['scene0001_00', 'sub dir', 'a#b.json']);
    for (const bad of ['', '../x', 'a/../../x', 'a/./b', '/etc/passwd', 'C:/x', 'a\\..\\b', 'a//b', 'a/\u0000b', 'x/'.repeat(40) + 'y']) {
      expect(() => checkRelativePath(bad), bad).toThrow(/upload path/);
    }
  });
});

describe('POST /api/upload?folder=…&path=…', () => {
  it('stores a folder with its layout, and importScene opens it as a ScanNet scene', async () => {
    let folderPath = '';
    for (const [path, text] of Object.entries(scanNetFiles('scene0999_00'))) {
      const r = await put(FOLDER, path, text);
      expect(r.status).toBe(200);
      if (!r.result.ok) throw new Error(r.result.error.message);
      expect(r.result.value.path).toBe(join(uploads, FOLDER, ...path.split('/')));
      expect(readFileSync(r.result.value.path, 'utf8')).toBe(text);
      folderPath = r.result.value.folder!;
    }
    expect(folderPath).toBe(join(uploads, FOLDER));
    const imported = await post(`${RPC_PREFIX}importScene`, JSON.stringify({ path: join(folderPath, 'scene0999_00') }), { 'content-type': 'application/json' });
    expect(imported.result).toMatchObject({ ok: true, value: { name: 'scene0999_00', format: 'scannet', pointCount: 8, instanceCount: 2 } });
  });

  it('refuses escapes, bad folder ids and a second copy of a file, writing nothing', async () => {
    const before = readdirSync(uploads).sort();
    for (const [folder, path] of [
      [FOLDER, '../evil.txt'],
      [FOLDER, '/abs.txt'],
      ['../../x', 'a.txt'],
      ['XYZ', 'a.txt'],
      [FOLDER, 'scene0999_00/scene0999_00.aggregation.json'],
    ] as const) {
      const r = await put(folder, path, 'x');
      expect(r.status, `${folder} ${path}`).toBe(400);
      expect(r.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(readdirSync(uploads).sort()).toEqual(before);
    expect(existsSync(join(dir, 'data', 'evil.txt'))).toBe(false);
  });

  it('caps the folder as a whole, not only each file', async () => {
    const id = 'ffeeddccbbaa0099';
    const half = Buffer.alloc(LIMIT / 2 + 1);
    expect((await put(id, 'a.bin', half)).status).toBe(200);
    const second = await put(id, 'b.bin', half).catch((e: Error) => e);
    if (!(second instanceof Error)) expect(second.status).toBe(413);
    expect(readdirSync(join(uploads, id))).toEqual(['a.bin']);
  });
});
