// Wire rules of the loopback web bridge, shared by the server (main/bridge) and the browser client.
//
// - POST {RPC_PREFIX}<method>, header TOKEN_HEADER, JSON body = the method's input.
//   Answer: 200, application/octet-stream, body = encodeFrame(RpcResult). A contract error is still a
//   200 with { ok: false, error }; a missing/bad token or foreign Origin/Host is a 403 with the same frame shape.
// - WebSocket at EVENTS_PATH?token=…: the server pushes encodeFrame({ event, payload }) binary messages.
// - The page is opened at http://127.0.0.1:<port>/#token=<token>; the fragment never reaches the server
//   logs, and static files (HTML/JS/CSS) need no token because they hold no data.
export const RPC_PREFIX = '/api/rpc/';
export const EVENTS_PATH = '/api/events';
export const TOKEN_HEADER = 'x-scenewright-token';
export const TOKEN_HASH_KEY = 'token';
export const MAX_REQUEST_BYTES = 1 << 20;

export interface BridgeEventMessage {
  event: string;
  payload: unknown;
}
