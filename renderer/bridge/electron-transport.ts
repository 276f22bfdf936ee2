// Transport over the Electron preload, which exposes one function per contract method.
import type { BridgeEventMessage, Method, RpcResult } from '../../app/contract';
import type { Transport } from './transport';

/** The shape main/electron/preload puts on window (contextBridge.exposeInMainWorld). */
export interface PreloadApi {
  api: Partial<Record<string, (input: unknown) => Promise<RpcResult>>>;
  onEvent(listener: (message: BridgeEventMessage) => void): () => void;
}

declare global {
  interface Window {
    scenewright?: PreloadApi;
  }
}

export function createElectronTransport(preload: PreloadApi): Transport {
  return {
    kind: 'electron',
    invoke: async (method: Method, input: unknown) => {
      const fn = preload.api[method];
      if (typeof fn !== 'function') {
        return { ok: false, error: { code: 'unknown_method', message: `preload exposes no method ${method}` } };
      }
      return fn(input);
    },
    onEvent: (listener) => preload.onEvent(listener),
  };
}
