// Transport over the loopback web bridge (see app/contract/bridge-protocol.ts for the wire rules).
import {
  decodeFrame,
  EVENTS_PATH,
  RPC_PREFIX,
  TOKEN_HEADER,
  UPLOAD_PATH,
  type BridgeEventMessage,
  type Method,
  type RpcResult,
  type UploadResult,
} from '../../app/contract';
import { folderImportPath, newUploadFolderId } from './upload-folder-client';
import type { EventListener, FolderFile, Transport } from './transport';

function isRpcResult(value: unknown): value is RpcResult {
  if (!value || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && !!v.error && typeof v.error === 'object');
}

function isEventMessage(value: unknown): value is BridgeEventMessage {
  return !!value && typeof value === 'object' && typeof (value as { event?: unknown }).event === 'string';
}

async function call(token: string, method: Method, input: unknown): Promise<RpcResult> {
  let response: Response;
  try {
    response = await fetch(`${RPC_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `cannot reach the host: ${err instanceof Error ? err.message : String(err)}` } };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    const decoded = decodeFrame(bytes);
    if (isRpcResult(decoded)) return decoded;
  } catch {
    // Fall through: a proxy or a crashed host may answer with something that is not a frame.
  }
  return {
    ok: false,
    error: {
      code: response.status === 403 ? 'unauthorized' : 'internal',
      message: `${method}: host answered HTTP ${response.status} without a valid frame`,
    },
  };
}

/** Streams the file as the request body (fetch reads a Blob lazily), so big scans are not copied. */
async function upload(token: string, file: Blob, name: string, query = `name=${encodeURIComponent(name)}`): Promise<UploadResult> {
  const response = await fetch(`${UPLOAD_PATH}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: token },
    body: file,
  });
  let decoded: unknown = null;
  try {
    decoded = decodeFrame(new Uint8Array(await response.arrayBuffer()));
  } catch {
    // Handled below: not a frame.
  }
  if (isRpcResult(decoded)) {
    if (!decoded.ok) throw new Error(`upload of ${name}: ${decoded.error.message}`);
    const value = decoded.value as Partial<UploadResult>;
    if (typeof value.path === 'string') return value as UploadResult;
  }
  throw new Error(`upload of ${name}: host answered HTTP ${response.status} without a valid frame`);
}

/** One WebSocket shared by all listeners, reconnecting with backoff while anyone listens. */
function createEventStream(token: string) {
  const listeners = new Set<EventListener>();
  let socket: WebSocket | null = null;
  let retryMs = 500;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}${EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      retryMs = 500;
    };
    ws.onmessage = (e) => {
      if (!(e.data instanceof ArrayBuffer)) return;
      let message: unknown;
      try {
        message = decodeFrame(new Uint8Array(e.data));
      } catch {
        return;
      }
      if (isEventMessage(message)) for (const l of listeners) l(message);
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
    socket = ws;
  };

  return (listener: EventListener) => {
    listeners.add(listener);
    if (!socket && !retryTimer) connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      socket?.close();
      socket = null;
    };
  };
}

export function createWebTransport(token: string): Transport {
  return {
    kind: 'web',
    invoke: (method, input) => call(token, method, input),
    onEvent: createEventStream(token),
    upload: async (file, name) => (await upload(token, file, name)).path,
    uploadFolder: (files, onFile) => uploadFolder(token, files, onFile),
  };
}

/** One request per file, in order, into one fresh upload folder; answers the folder to import. */
async function uploadFolder(token: string, files: readonly FolderFile[], onFile?: (done: number, total: number) => void): Promise<string> {
  if (files.length === 0) throw new Error('the folder is empty: nothing to import');
  const id = newUploadFolderId();
  let folder: string | undefined;
  for (const [i, f] of files.entries()) {
    const r = await upload(token, f.file, f.path, `folder=${id}&path=${encodeURIComponent(f.path)}`);
    folder = r.folder;
    onFile?.(i + 1, files.length);
  }
  if (!folder) throw new Error('the host did not say where it stored the folder');
  return folderImportPath(folder, files.map((f) => f.path));
}
