// What the preload exposes as `window.scenewright`: one function per contract method plus an
// event subscription. Only plain functions and data cross the context bridge; Electron's event
// objects never reach the page.
import type { BridgeEventMessage } from '../../app/contract/bridge-protocol';
import type { Method } from '../../app/contract/contract';
import type { RpcResult } from '../../app/contract/dispatch';
import { channelFor, EVENT_CHANNEL } from './channels';
import type { IpcRenderer, IpcRendererListener } from './electron-api';

export interface ScenewrightBridge {
  /** Each call resolves to the host's RpcResult; wrap with `createClient` for typed values. */
  api: Record<Method, (input?: unknown) => Promise<RpcResult>>;
  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(callback: (message: BridgeEventMessage) => void): () => void;
}

const isEventMessage = (m: unknown): m is BridgeEventMessage =>
  typeof m === 'object' && m !== null && typeof (m as { event?: unknown }).event === 'string';

export function createBridge(ipcRenderer: IpcRenderer, methodNames: readonly string[]): ScenewrightBridge {
  const api: Record<string, (input?: unknown) => Promise<RpcResult>> = {};
  for (const method of methodNames) {
    const channel = channelFor(method);
    api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {}) as Promise<RpcResult>;
  }
  return {
    api: Object.freeze(api) as ScenewrightBridge['api'],
    onEvent(callback) {
      const listener: IpcRendererListener = (_event, message) => {
        if (isEventMessage(message)) callback({ event: message.event, payload: message.payload });
      };
      ipcRenderer.on(EVENT_CHANNEL, listener);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    },
  };
}
