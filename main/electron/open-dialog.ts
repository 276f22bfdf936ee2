// The native open dialog behind chooseImportPath. Windows and Linux cannot show one dialog that picks
// files and folders alike (Electron then shows a folder picker only), so 'any' means both only on
// macOS and a file picker elsewhere; the UI offers a separate folder button for scene folders.
import type { BrowserWindow, Dialog, OpenDialogOptions } from './electron-api';

export type ImportPickKind = 'file' | 'folder' | 'any';

export function openDialogOptions(kind: ImportPickKind, platform: NodeJS.Platform): OpenDialogOptions {
  const properties: OpenDialogOptions['properties'] =
    kind === 'folder' ? ['openDirectory'] : kind === 'file' || platform !== 'darwin' ? ['openFile'] : ['openFile', 'openDirectory'];
  return {
    title: kind === 'folder' ? 'Open a scene folder' : 'Open a scan',
    buttonLabel: 'Import',
    properties,
  };
}

/** The chosen path, or null when the dialog was cancelled. */
export async function chooseWithDialog(dialog: Dialog, window: BrowserWindow | null, kind: ImportPickKind, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const options = openDialogOptions(kind, platform);
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
