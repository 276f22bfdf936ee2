// Wire rules of the loopback web bridge, shared by the server (main/bridge) and the browser client.
//
// - POST {RPC_PREFIX}<method>, header TOKEN_HEADER, JSON body = the method's input.
//   Answer: 200, application/octet-stream, body = encodeFrame(RpcResult). A contract error is still a
//   200 with { ok: false, error }; a missing/bad token or foreign Origin/Host is a 403 with the same frame shape.
// - WebSocket at EVENTS_PATH?token=…: the server pushes encodeFrame({ event, payload }) binary messages.
// - POST UPLOAD_PATH?name=<file name>, header TOKEN_HEADER, body = the file's raw bytes: the host stores
//   it under <dataDir>/uploads/ and answers encodeFrame(RpcResult<UploadResult>), so the page can then
//   call importScene with that path (a browser cannot hand the host a path of its own). 413 past the cap.
// - A folder: one POST UPLOAD_PATH?folder=<random hex id>&path=<relative path> per file; each lands at
//   <dataDir>/uploads/<id>/<relative path> (`..`, absolute paths and duplicates refused: 400), and the
//   answer's `folder` is where to import from. MAX_UPLOAD_BYTES caps each file and the folder as a whole.
// - The page is opened at http://127.0.0.1:<port>/#token=<token>; the fragment never reaches the server
//   logs, and static files (HTML/JS/CSS) need no token because they hold no data.
export const RPC_PREFIX = '/api/rpc/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-scenewright-token';
export const TOKEN_HASH_KEY = 'token';
export const MAX_REQUEST_BYTES = 1 << 20;
export const UPLOAD_PATH = '/api/upload';
/** Largest file the upload endpoint accepts (4 GiB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export interface UploadResult {
  /** Where the host stored the file; pass it to importScene. */
  path: string;
  bytes: number;
  /** Folder uploads: the upload's folder on the host (`<uploads>/<id>`). */
  folder?: string;
}

export interface BridgeEventMessage {
  event: string;
  payload: unknown;
}
