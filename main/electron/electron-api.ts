// The small part of Electron's API that the shell uses, written as interfaces. `electron` is an
// optional dependency whose binary cannot be installed everywhere, so its types may be missing;
// the shell obtains the module with `require('electron')` and casts it to these shapes.
// Names and signatures follow Electron's own documentation.

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webviewTag: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  spellcheck: boolean;
  /** Appended to `process.argv` of the renderer; the sandboxed preload reads them. */
  additionalArguments: string[];
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: WebPreferences;
}

/** The event object of `ipcMain.handle` listeners. */
export interface IpcMainInvokeEvent {
  /** The frame that sent the message; null once it navigated away or was destroyed. */
  senderFrame?: { url: string } | null;
}

export type IpcInvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export interface IpcMain {
  handle(channel: string, listener: IpcInvokeListener): void;
  removeHandler(channel: string): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WindowOpenHandlerResponse {
  action: 'deny' | 'allow';
}

export interface WebContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
}

export interface BrowserWindow {
  readonly webContents: WebContents;
  loadFile(filePath: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  show(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
}

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string[]>;
}

export interface Session {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetails,
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: WebContents, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: WebContents | null, permission: string) => boolean): void;
}

export interface App {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  quit(): void;
  exit(exitCode?: number): void;
  on(event: 'second-instance' | 'window-all-closed', listener: () => void): void;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): void;
}

/** What `require('electron')` returns in the main process. */
export interface OpenDialogOptions {
  title?: string;
  buttonLabel?: string;
  properties: Array<'openFile' | 'openDirectory'>;
}

export interface Dialog {
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface ElectronMain {
  app: App;
  BrowserWindow: new (options: BrowserWindowOptions) => BrowserWindow;
  ipcMain: IpcMain;
  session: { defaultSession: Session };
  dialog: Dialog;
}

export interface IpcRendererEvent {
  readonly sender: unknown;
}

export type IpcRendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

export interface IpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcRendererListener): void;
  removeListener(channel: string, listener: IpcRendererListener): void;
}

export interface ContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** What `require('electron')` returns in a sandboxed preload. */
export interface ElectronPreload {
  contextBridge: ContextBridge;
  ipcRenderer: IpcRenderer;
}
