// Wraps the viewport: a file dropped here is imported. Only files: a browser gives no folder paths.
import { useState, type DragEvent, type ReactNode } from 'react';

export function DropZone({ enabled, onFile, children }: { enabled: boolean; onFile(file: File): void; children: ReactNode }) {
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
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {over && <div className="drop-hint">Drop to import</div>}
    </div>
  );
}
