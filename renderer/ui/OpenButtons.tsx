// Open… and Open folder…: the host's native dialog in Electron (chooseImportPath), the browser's own
// pickers in the web UI (a file input, and a folder input whose files are uploaded). Ctrl+O runs
// `openFile` through the handle.
import { forwardRef, useImperativeHandle, useRef } from 'react';
import type { Client } from '../../app/contract';
import type { FolderFile, TransportKind } from '../bridge/transport';
import { pickedFolder } from './dropped-entries';

export interface OpenButtonsHandle {
  openFile(): void;
}

export interface OpenButtonsProps {
  client: Client;
  transport: TransportKind;
  disabled: boolean;
  onPath(path: string): void;
  onFile(file: File): void;
  onFolder(name: string, files: readonly FolderFile[]): void;
  onError(err: unknown): void;
}

/** React passes unknown lower-case attributes through; these make a file input pick folders. */
const FOLDER_ATTRIBUTES = { webkitdirectory: '', directory: '' } as Record<string, string>;

export const OpenButtons = forwardRef<OpenButtonsHandle, OpenButtonsProps>(function OpenButtons(props, ref) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const choose = (kind: 'any' | 'folder') => {
    if (props.disabled) return;
    const input = kind === 'folder' ? folderInput.current : fileInput.current;
    // A browser picker must open within the click's user activation, so the web UI does not ask the
    // host first (the bridge would answer `supported: false` anyway).
    if (props.transport === 'web') {
      input?.click();
      return;
    }
    props.client
      .chooseImportPath({ kind })
      .then((r) => {
        if (!r.supported) input?.click();
        else if (r.path) props.onPath(r.path);
      })
      .catch(props.onError);
  };

  useImperativeHandle(ref, () => ({ openFile: () => choose('any') }));

  return (
    <span className="open-buttons">
      <button type="button" data-testid="open-file-button" disabled={props.disabled} onClick={() => choose('any')} title="Open a scan file (Ctrl+O)">
        Open…
      </button>
      <button type="button" data-testid="open-folder-button" disabled={props.disabled} onClick={() => choose('folder')} title="Open a scene folder (ScanNet, S3DIS, Pointcept)">
        Folder…
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        data-testid="open-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        hidden
        data-testid="open-folder-input"
        {...FOLDER_ATTRIBUTES}
        onChange={(e) => {
          const list = e.target.files;
          if (list && list.length > 0) {
            const { name, files } = pickedFolder(list);
            props.onFolder(name, files);
          }
          e.target.value = '';
        }}
      />
    </span>
  );
});
