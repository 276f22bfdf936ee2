// Wraps the viewport: a file or folder dropped here is imported (a folder is walked and uploaded file
// by file, since a browser gives no host paths).
import { useState, type DragEvent, type ReactNode } from 'react';
import type { FolderFile } from '../bridge/transport';
import { readDrop } from './dropped-entries';

export interface DropZoneProps {
  enabled: boolean;
  onFile(file: File): void;
  onFolder?(name: string, files: readonly FolderFile[]): void;
  onError?(err: unknown): void;
  children: ReactNode;
}

export function DropZone({ enabled, onFile, onFolder, onError, children }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      data-testid="drop-target"
      onDragOver={(e) => {
        if (!enabled || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (!enabled || !hasFiles(e)) return;
        e.preventDefault();
        readDrop(e.dataTransfer)
          .then((d) => {
            if (d.kind === 'file') onFile(d.file);
            else if (d.kind === 'folder') onFolder?.(d.name, d.files);
          })
          .catch((err: unknown) => onError?.(err));
      }}
    >
      {children}
      {over && <div className="drop-hint">Drop to import</div>}
    </div>
  );
}
