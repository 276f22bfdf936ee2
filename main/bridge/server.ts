// The loopback web bridge: serves the renderer and carries contract calls (HTTP POST) and host
// events (WebSocket) between a browser tab and the host. Wire rules: app/contract/bridge-protocol.ts.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  EVENTS_PATH,
  MAX_REQUEST_BYTES,
  MAX_UPLOAD_BYTES,
  UPLOAD_PATH,
  RPC_PREFIX,
  TOKEN_HASH_KEY,
  TOKEN_HEADER,
  encodeFrame,
  type Dispatch,
  type ErrorCode,
  type RpcResult,
} from '../../app/contract';
import type { HostEvents } from '../host/events';
import { checkHostAndOrigin, tokenMatches } from './security';
import { cspFor, serveStatic } from './static-files';
import { receiveUpload, safeUploadName, UploadTooLarge } from './upload';
import { FolderUploads } from './upload-folder';
import { AppError } from '../../app/contract/errors';

export interface BridgeHost {
  dispatch: Dispatch;
  events: HostEvents;
}

export interface BridgeOptions {
  host: BridgeHost;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Where POST UPLOAD_PATH stores files (<dataDir>/uploads); absent turns the endpoint off. */
  uploadDir?: string;
  /** Defaults to MAX_UPLOAD_BYTES. */
  maxUploadBytes?: number;
}

export interface Bridge {
  /** Page URL with the token in the fragment: open this one. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

const errorResult = (code: ErrorCode, message: string, details?: unknown): RpcResult => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

function sendFrame(res: ServerResponse, status: number, result: RpcResult, headers: Record<string, string>): void {
  const body = encodeFrame(result);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.byteLength), 'Cache-Control': 'no-store' });
  res.end(body);
}

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes; stops reading (and rejects) as soon as the body grows past it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { host, staticDir } = options;
  const token = randomBytes(32).toString('hex');
  const csp = await cspFor(staticDir);
  const baseHeaders = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  let port = 0;
  const uploadLimit = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const folderUploads = options.uploadDir ? new FolderUploads(options.uploadDir, { fileBytes: uploadLimit, folderBytes: uploadLimit }) : null;

  async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      sendFrame(res, 405, errorResult('invalid_input', `${req.method} not allowed; RPC calls are POST`), { ...baseHeaders, Allow: 'POST' });
      return;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      sendFrame(res, 403, errorResult('unauthorized', `missing or wrong ${TOKEN_HEADER} header`), baseHeaders);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_REQUEST_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        // Close the connection: the rest of an oversize body is not worth reading.
        res.setHeader('Connection', 'close');
        sendFrame(res, 413, errorResult('invalid_input', `request body exceeds ${MAX_REQUEST_BYTES} bytes`, { limit: MAX_REQUEST_BYTES }), baseHeaders);
        return;
      }
      throw err;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch (err) {
        sendFrame(res, 200, errorResult('invalid_input', `${method}: request body is not JSON: ${err instanceof Error ? err.message : String(err)}`), baseHeaders);
        return;
      }
    }
    sendFrame(res, 200, await host.dispatch(method, input, { transport: 'web' }), baseHeaders);
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, uploadDir: string): Promise<void> {
    if (req.method !== 'POST') {
      sendFrame(res, 405, errorResult('invalid_input', `${req.method} not allowed; uploads are POST`), { ...baseHeaders, Allow: 'POST' });
      return;
    }
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      res.setHeader('Connection', 'close');
      sendFrame(res, 403, errorResult('unauthorized', `missing or wrong ${TOKEN_HEADER} header`), baseHeaders);
      return;
    }
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const name = safeUploadName(query.get('name'));
    const limit = uploadLimit;
    try {
      const value = query.has('folder') ? await folderUploads!.receive(req, query.get('folder'), query.get('path')) : await receiveUpload(req, uploadDir, name, limit);
      sendFrame(res, 200, { ok: true, value }, baseHeaders);
    } catch (err) {
      if (err instanceof AppError && !(err instanceof UploadTooLarge)) {
        // A refused path or folder id: say why, and do not read a body that will not be kept.
        res.setHeader('Connection', 'close');
        sendFrame(res, 400, { ok: false, error: err.toBody() }, baseHeaders);
        return;
      }
      if (!(err instanceof UploadTooLarge)) throw err;
      // Close the connection: the rest of an oversize body is not worth reading.
      res.setHeader('Connection', 'close');
      sendFrame(res, 413, { ok: false, error: err.toBody() }, baseHeaders);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkHostAndOrigin(req.headers, port);
    if (refused) {
      sendFrame(res, 403, errorResult('unauthorized', refused), baseHeaders);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith(RPC_PREFIX)) {
      let method: string;
      try {
        method = decodeURIComponent(path.slice(RPC_PREFIX.length));
      } catch {
        method = path.slice(RPC_PREFIX.length);
      }
      return handleRpc(req, res, method);
    }
    if (path === UPLOAD_PATH && options.uploadDir) return handleUpload(req, res, options.uploadDir);
    if (path.startsWith('/api/')) {
      res.writeHead(404, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...baseHeaders, Allow: 'GET, HEAD' }).end();
      return;
    }
    return serveStatic(staticDir, req, res, baseHeaders);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      process.stderr.write(`bridge: ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}\n`);
      if (!res.headersSent) sendFrame(res, 500, errorResult('internal', 'bridge failed to answer'), baseHeaders);
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const refused =
      url.pathname !== EVENTS_PATH
        ? 'no such endpoint'
        : (checkHostAndOrigin(req.headers, port) ?? (tokenMatches(url.searchParams.get('token'), token) ? null : 'missing or wrong token'));
    if (refused) {
      socket.end(`HTTP/1.1 ${refused === 'no such endpoint' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // Events flow one way; anything the page sends is ignored.
      ws.on('message', () => {});
    });
  });

  const unsubscribe = host.events.onAny((event, payload) => {
    if (sockets.size === 0) return;
    const frame = encodeFrame({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${LOOPBACK}:${port}/#${TOKEN_HASH_KEY}=${token}`,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        unsubscribe();
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
