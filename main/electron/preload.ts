// Sandboxed preload (bundled to dist/main/electron/preload.cjs). In a sandbox `require` yields only
// `electron` and a few built-ins, so this bundle must import no package; the method names arrive in
// argv from the main process, which reads them from the contract.
import { createBridge } from './bridge';
import type { ElectronPreload } from './electron-api';
import { decodeMethodsArg } from './preload-args';

const { contextBridge, ipcRenderer } = require('electron') as ElectronPreload;

contextBridge.exposeInMainWorld('scenewright', createBridge(ipcRenderer, decodeMethodsArg(process.argv)));
