// Scene switcher and the Open… control: a path on the host's disk (works in Electron and the web
// UI alike), imported and then opened. Dropping a file on the viewport is the other way in.
import { useState, type FormEvent } from 'react';
import type { SceneSummary } from '../../app/contract';

export interface SceneControlsProps {
  scenes: SceneSummary[];
  currentId: string | null;
  importing: boolean;
  readOnly: boolean;
  onOpen(sceneId: string): void;
  onImport(path: string): void;
  onCancel(): void;
}

export function SceneControls({ scenes, currentId, importing, readOnly, onOpen, onImport, onCancel }: SceneControlsProps) {
  const [path, setPath] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = path.trim();
    if (p) onImport(p);
  };
  return (
    <div className="scene-controls">
      <select
        data-testid="scene-switcher"
        aria-label="Scene"
        value={currentId ?? ''}
        onChange={(e) => e.target.value && onOpen(e.target.value)}
        disabled={scenes.length === 0}
      >
        {currentId === null && <option value="">—</option>}
        {scenes.map((s) => (
          <option key={s.id} value={s.id} title={s.source}>
            {s.name} ({s.format}, {s.pointCount.toLocaleString('en-US')} pts)
          </option>
        ))}
      </select>
      <form className="open-form" onSubmit={submit} data-testid="open-form">
        <input
          type="text"
          data-testid="import-path"
          aria-label="Scan file or folder to open"
          placeholder="Open… /path/to/scan.ply or scene folder"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          disabled={readOnly}
          title={readOnly ? 'Read-only: imports are off' : 'PLY, ScanNet folder, PCD, LAS, OBJ, glTF/GLB, npy/Pointcept, S3DIS, VSI-Bench meta.json#<scene>'}
        />
        {importing ? (
          <button type="button" data-testid="import-cancel" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="submit" data-testid="import-button" disabled={readOnly || path.trim() === ''}>
            Import
          </button>
        )}
      </form>
    </div>
  );
}
