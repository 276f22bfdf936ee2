// The upload endpoint over real loopback HTTP, in front of a real host: token, size cap, then import.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RPC_PREFIX, TOKEN_HEADER, UPLOAD_PATH, decodeFrame, type RpcResult, type UploadResult } from '../../app/contract';
import { writePly } from '../../app/formats/ply/writePly';
import { createHost, type Host } from '../host/create-host';
import { startBridge, type Bridge } from './server';
import { safeUploadName } from './upload';

const LIMIT = 4096;
let dir: string;
let uploads: string;
let host: Host;
let bridge: Bridge;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-upload-'));
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'index.html'), '<!doctype html>');
  uploads = join(dir, 'data', 'uploads');
  host = await createHost({ dataDir: join(dir, 'data'), transport: 'web', backupIntervalMs: 0 });
  bridge = await startBridge({ host, port: 0, staticDir: join(dir, 'www'), uploadDir: uploads, maxUploadBytes: LIMIT });
});
afterAll(async () => {
  await bridge?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, headers: Record<string, string>, chunks: Buffer[]): Promise<{ status: number; result: RpcResult<UploadResult> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, method: 'POST', path, headers: { host: `127.0.0.1:${bridge.port}`, ...headers } }, (res) => {
      const body: Buffer[] = [];
      res.on('data', (c: Buffer) => body.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, result: decodeFrame(new Uint8Array(Buffer.concat(body))) as RpcResult<UploadResult> }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}
const leftovers = () => (existsSync(uploads) ? readdirSync(uploads) : []);

describe('POST /api/upload', () => {
  it('refuses a missing or wrong token with 403 and stores nothing', async () => {
    const none = await post(`${UPLOAD_PATH}?name=a.ply`, {}, [Buffer.from('ply\n')]);
    const wrong = await post(`${UPLOAD_PATH}?name=a.ply`, { [TOKEN_HEADER]: '0'.repeat(64) }, [Buffer.from('ply\n')]);
    for (const r of [none, wrong]) {
      expect(r.status).toBe(403);
      expect(r.result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(leftovers()).toEqual([]);
  });

  it('refuses a body over the cap, declared or streamed, and leaves no partial file', async () => {
    const declared = await post(`${UPLOAD_PATH}?name=big.ply`, { [TOKEN_HEADER]: bridge.token, 'content-length': String(LIMIT + 1) }, [Buffer.alloc(LIMIT + 1)]).catch((e: Error) => e);
    if (!(declared instanceof Error)) expect(declared).toMatchObject({ status: 413, result: { ok: false, error: { code: 'invalid_input', details: { limit: LIMIT } } } });
    const streamed = await post(`${UPLOAD_PATH}?name=big.ply`, { [TOKEN_HEADER]: bridge.token, 'transfer-encoding': 'chunked' }, [Buffer.alloc(LIMIT), Buffer.alloc(10)]).catch((e: Error) => e);
    if (!(streamed instanceof Error)) expect(streamed.status).toBe(413);
    expect(leftovers()).toEqual([]);
  });

  it('stores the bytes under uploads/ with a safe name, and importScene opens that path', async () => {
    const bytes = Buffer.from(writePly({ positions: new Float32Array([0, 0, 0, 1, 1, 1]), scalars: { instance: new Int32Array([5, 5]) } }));
    const r = await post(`${UPLOAD_PATH}?name=${encodeURIComponent('../../my room.ply')}`, { [TOKEN_HEADER]: bridge.token }, [bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(r.status).toBe(200);
    if (!r.result.ok) throw new Error(r.result.error.message);
    const { path, bytes: size } = r.result.value;
    expect(dirname(dirname(path))).toBe(uploads);
    expect(basename(path)).toBe('my room.ply');
    expect(size).toBe(bytes.length);
    expect(readFileSync(path).equals(bytes)).toBe(true);

    const imported = await post(`${RPC_PREFIX}importScene`, { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json' }, [Buffer.from(JSON.stringify({ path }))]);
    expect(imported.result).toMatchObject({ ok: true, value: { name: 'my room', pointCount: 2, instanceCount: 1, alreadyImported: false } });
  });

  it('cleans names down to one safe path segment', () => {
    expect(safeUploadName('C:\\scans\\room 1.ply')).toBe('room 1.ply');
    expect(safeUploadName('a;b|c$.ply')).toBe('a_b_c_.ply');
    expect(safeUploadName('..')).toBe('upload.bin');
    expect(safeUploadName(null)).toBe('upload.bin');
    expect(safeUploadName('.hidden.ply')).toBe('hidden.ply');
  });
});
