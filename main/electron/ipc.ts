// Contract methods over Electron IPC: one `ipcMain.handle` channel per method. The sender is
// checked before anything else, then the shared dispatcher parses the input against its schema.
import type { BridgeEventMessage } from '../../app/contract/bridge-protocol';
import { methods, type EventName, type EventPayload } from '../../app/contract/contract';
import type { Dispatch, RpcResult } from '../../app/contract/dispatch';
import { channelFor, EVENT_CHANNEL } from './channels';
import type { IpcMain, WebContents } from './electron-api';

/** Decides from the sending frame's URL whether a message comes from our own renderer page. */
export type SenderCheck = (frameUrl: string | undefined) => boolean;

/**
 * Trusts exactly the page at `rendererUrl` (any query or fragment): a frame that navigated
 * elsewhere, a subframe from another origin, or a look-alike path such as `index.html.evil` is refused.
 */
export function senderCheckFor(rendererUrl: string): SenderCheck {
  return (frameUrl) => {
    if (!frameUrl) return false;
    const cut = frameUrl.search(/[?#]/);
    return (cut < 0 ? frameUrl : frameUrl.slice(0, cut)) === rendererUrl;
  };
}

/** Registers every contract method; returns a function that removes the handlers again. */
export function registerIpcHandlers(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  const channels = methods.map(channelFor);
  if (channels.includes(EVENT_CHANNEL)) throw new Error(`a contract method collides with ${EVENT_CHANNEL}`);
  methods.forEach((method, i) => {
    ipcMain.handle(channels[i]!, async (event, input): Promise<RpcResult> => {
      const url = event.senderFrame?.url;
      if (!isTrustedSender(url)) {
        return { ok: false, error: { code: 'unauthorized', message: `${method}: sender ${JSON.stringify(url ?? null)} is not the Scenewright window` } };
      }
      return dispatch(method, input, { transport: 'electron' });
    });
  });
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}

/** Pushes a contract event to one window; a window already gone is skipped, not an error. */
export function broadcast<E extends EventName>(webContents: WebContents, event: E, payload: EventPayload<E>): boolean {
  if (webContents.isDestroyed()) return false;
  const message: BridgeEventMessage = { event, payload };
  webContents.send(EVENT_CHANNEL, message);
  return true;
}
