// Host + web bridge together: what `npm start` (without Electron) and `scenewright serve` run.
import { createHost, type Host } from '../host/create-host';
import { rendererDir } from '../launch/paths';
import { uploadDirOf } from '../host/uploads';
import { startBridge, type Bridge } from './server';

export interface WebSession {
  host: Host;
  bridge: Bridge;
  /** Closes the bridge first (no new calls), then the host (database). Idempotent. */
  close(): Promise<void>;
}

export async function serveWeb(options: { dataDir: string; port?: number; staticDir?: string }): Promise<WebSession> {
  const host = await createHost({ dataDir: options.dataDir, transport: 'web' });
  let bridge: Bridge;
  try {
    bridge = await startBridge({ host, port: options.port ?? 0, staticDir: options.staticDir ?? rendererDir(), uploadDir: uploadDirOf(options.dataDir) });
  } catch (err) {
    await host.close();
    throw err;
  }
  // Start the execution-provider probe now, so its fallback reasons are logged at startup and the
  // page's first appInfo call does not wait for it.
  void host.services.executionProvider();
  let closing: Promise<void> | null = null;
  return {
    host,
    bridge,
    close: () => (closing ??= bridge.close().then(() => host.close())),
  };
}
