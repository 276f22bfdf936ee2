// The bridge over real loopback HTTP and WebSocket, in front of a real host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EVENTS_PATH, MAX_REQUEST_BYTES, RPC_PREFIX, TOKEN_HEADER, decodeFrame, type RpcResult } from '../../app/contract';
import { createHost, type Host } from '../host/create-host';
import { startBridge, type Bridge } from './server';

const PAGE_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'";

let dir: string;
let host: Host;
let bridge: Bridge;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-bridge-'));
  const staticDir = join(dir, 'www');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><script type="module" src="app.js"></script>`);
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1);');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  host = await createHost({ dataDir: join(dir, 'data'), transport: 'web' });
  bridge = await startBridge({ host, port: 0, staticDir });
});

afterAll(async () => {
  await bridge?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Raw HTTP so that Host and Origin are exactly what the test says. */
function http(opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[] }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${bridge.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    // An oversize upload is cut off by the server; the reply matters, not the broken pipe.
    req.on('error', (err) => reject(err));
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}

const rpc = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  http({
    method: 'POST',
    path: `${RPC_PREFIX}${method}`,
    headers: { [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const frame = (r: Reply) => decodeFrame(new Uint8Array(r.body)) as RpcResult;
const errorCode = (r: Reply) => {
  const f = frame(r);
  return f.ok ? null : f.error.code;
};

describe('web bridge', () => {
  it('listens on 127.0.0.1 only, with a 64-hex-digit token in the URL fragment', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of ['::1', ...others]) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host: address, port: bridge.port });
        s.on('connect', () => (s.destroy(), resolve(false)));
        s.on('error', () => resolve(true));
      });
      expect(refused, `connection via ${address}`).toBe(true);
    }
  });

  it('serves the renderer with content types, the page CSP and nosniff, and nothing outside its folder', async () => {
    const page = await http({ path: '/?e2e=1' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await http({ path: '/app.js' });
    expect([js.status, js.headers['content-type'], js.body.toString()]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1);']);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '//etc/passwd', '/missing.js']) {
      const r = await http({ path });
      expect(r.status, path).toBe(404);
      expect(r.body.toString()).not.toContain('SECRET');
    }
  });

  it('answers a valid call with a frame that decodes to the contract shape, typed arrays included', async () => {
    const r = await rpc('openScene', { sceneId: 'sample' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    const f = frame(r);
    if (!f.ok) throw new Error(f.error.message);
    const value = f.value as { scene: { id: string; pointCount: number }; buffers: Record<string, ArrayBufferView & { length: number }> };
    expect(value.scene.id).toBe('sample');
    expect(value.buffers.positions).toBeInstanceOf(Float32Array);
    expect(value.buffers.colors).toBeInstanceOf(Uint8Array);
    expect(value.buffers.instanceIds).toBeInstanceOf(Int32Array);
    expect(value.buffers.positions!.length).toBe(3 * value.scene.pointCount);
    const info = frame(await rpc('appInfo', ''));
    expect(info.ok && info.value).toMatchObject({ transport: 'web' });
  });

  it('refuses a missing or wrong token with 403', async () => {
    for (const token of [undefined, 'x', bridge.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'))]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers[TOKEN_HEADER] = token;
      const r = await http({ method: 'POST', path: `${RPC_PREFIX}appInfo`, headers, body: '{}' });
      expect(r.status).toBe(403);
      expect(errorCode(r)).toBe('unauthorized');
    }
  });

  it('refuses a foreign Origin and accepts our own', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${bridge.port + 1}`, 'null']) {
      expect((await rpc('appInfo', {}, { origin })).status).toBe(403);
    }
    expect((await rpc('appInfo', {}, { origin: `http://localhost:${bridge.port}` })).status).toBe(200);
  });

  it('refuses a Host that is not this bridge (DNS rebinding), for API and static files', async () => {
    const r = await rpc('appInfo', {}, { host: `evil.example:${bridge.port}` });
    expect(r.status).toBe(403);
    expect(errorCode(r)).toBe('unauthorized');
    expect((await http({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await rpc('appInfo', {}, { host: `localhost:${bridge.port}` })).status).toBe(200);
  });

  it('answers malformed JSON, schema-invalid input and unknown methods with typed errors', async () => {
    const malformed = await rpc('appInfo', '{"oops"');
    expect(malformed.status).toBe(200);
    expect(errorCode(malformed)).toBe('invalid_input');

    const invalid = frame(await rpc('measureDistance', { sceneId: 'sample', a: 'armchair', b: 2 }));
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.code).toBe('invalid_input');
      expect(invalid.error.details).toEqual([expect.objectContaining({ path: 'a' })]);
    }
    expect(errorCode(await rpc('dropTables', {}))).toBe('unknown_method');
    expect((await http({ path: `${RPC_PREFIX}appInfo`, headers: { [TOKEN_HEADER]: bridge.token } })).status).toBe(405);
  });

  it('rejects an oversize body, declared or streamed, and keeps serving', async () => {
    const big = Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20);
    const declared = await rpc('appInfo', big);
    expect(declared.status).toBe(413);
    expect(errorCode(declared)).toBe('invalid_input');
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const streamed = await http({
      method: 'POST',
      path: `${RPC_PREFIX}appInfo`,
      headers: { [TOKEN_HEADER]: bridge.token, 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: MAX_REQUEST_BYTES / chunk.length + 1 }, () => chunk),
    }).catch((err: Error) => err);
    // The server may close before the client has written everything; either way nothing got through.
    if (!(streamed instanceof Error)) expect(streamed.status).toBe(413);
    expect((await rpc('appInfo', {})).status).toBe(200);
  });

  it('pushes host events over the WebSocket and refuses bad tokens and foreign origins', async () => {
    const wsUrl = (token: string) => `ws://127.0.0.1:${bridge.port}${EVENTS_PATH}?token=${token}`;
    const refusal = (url: string, origin?: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url, origin ? { origin } : {});
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
        ws.on('open', () => (ws.close(), reject(new Error('socket opened'))));
        ws.on('error', () => {});
      });
    expect(await refusal(wsUrl('wrong'))).toBe(403);
    expect(await refusal(`ws://127.0.0.1:${bridge.port}${EVENTS_PATH}`)).toBe(403);
    expect(await refusal(wsUrl(bridge.token), 'http://evil.example')).toBe(403);

    const ws = new WebSocket(wsUrl(bridge.token), { origin: `http://127.0.0.1:${bridge.port}` });
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const payload = { jobId: 'j1', label: 'segment', done: 3, total: 10, finished: false };
    const message = new Promise<unknown>((resolve) => ws.once('message', (data: Buffer) => resolve(decodeFrame(new Uint8Array(data)))));
    host.events.emit('progress', payload);
    expect(await message).toEqual({ event: 'progress', payload });
    ws.close();
  });
});
