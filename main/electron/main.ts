// Electron main entry (bundled to dist/main/electron/main.cjs): one locked-down window over the
// host. The renderer reaches the host only through the preload's IPC channels; it may not navigate,
// open windows, or obtain any permission.
import { methods, type EventPayload } from '../../app/contract/contract';
import { resolveDataDir } from '../data-dir';
import { createHost } from '../host/create-host';
import type { BrowserWindow, ElectronMain } from './electron-api';
import { broadcast, registerIpcHandlers, senderCheckFor } from './ipc';
import { chooseWithDialog } from './open-dialog';
import { dataDirFromArgv, shellPaths } from './paths';
import { CONTENT_SECURITY_POLICY, windowOptions } from './window-options';

const { app, BrowserWindow: Window, ipcMain, session, dialog } = require('electron') as ElectronMain;

const paths = shellPaths(__dirname);
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new Window(windowOptions(paths.preload, methods));
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadFile(paths.rendererIndex);
  return win;
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // file:// pages get no response headers to speak of; the header covers anything served otherwise.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession();
  const dataDir = resolveDataDir({ flag: dataDirFromArgv(process.argv), electronUserData: app.getPath('userData') });
  const host = await createHost({ dataDir, transport: 'electron', chooseImportPath: (kind) => chooseWithDialog(dialog, mainWindow, kind) });
  registerIpcHandlers(ipcMain, host.dispatch, senderCheckFor(paths.rendererUrl));
  host.events.onAny((event, payload) => {
    // The host emits only contract events with contract payloads; the IPC layer forwards them as-is.
    if (mainWindow && !mainWindow.isDestroyed()) broadcast(mainWindow.webContents, event, payload as EventPayload<typeof event>);
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Hold the quit until the host has flushed and closed the database.
    event.preventDefault();
    void host
      .close()
      .catch((err: unknown) => process.stderr.write(`host close failed: ${err instanceof Error ? err.message : String(err)}\n`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Scenewright owns the data directory; it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  start().catch((err: unknown) => {
    process.stderr.write(`Scenewright failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    app.exit(1);
  });
}
