// The viewer's Views list: named camera viewpoints saved per scene in the host's database
// (listViewpoints / saveViewpoint / deleteViewpoint), so they survive restarts. Click one to go back.
import { useEffect, useState } from 'react';
import type { Client, SavedViewpoint } from '../../app/contract';
import type { Viewport } from '../viewport/viewport';

export interface SavedViewsProps {
  engine: Viewport;
  client: Client;
  sceneId: string | null;
  readOnly: boolean;
  onError(err: unknown): void;
}

/** The first "View N" name not yet taken. */
export function nextViewName(taken: readonly string[]): string {
  const names = new Set(taken);
  let n = taken.length + 1;
  while (names.has(`View ${n}`)) n++;
  return `View ${n}`;
}

export function SavedViews({ engine, client, sceneId, readOnly, onError }: SavedViewsProps) {
  const [views, setViews] = useState<SavedViewpoint[]>([]);
  const [name, setName] = useState('');

  useEffect(() => {
    setViews([]);
    if (!sceneId) return;
    let cancelled = false;
    client
      .listViewpoints({ sceneId })
      .then((r) => !cancelled && setViews(r.viewpoints))
      .catch((err) => !cancelled && onError(err));
    return () => {
      cancelled = true;
    };
  }, [client, sceneId]);

  const save = async () => {
    if (!sceneId) return;
    try {
      const r = await client.saveViewpoint({ sceneId, name: name.trim() || nextViewName(views.map((v) => v.name)), viewpoint: engine.getViewpoint() });
      setViews(r.viewpoints);
      setName('');
    } catch (err) {
      onError(err);
    }
  };
  const remove = async (viewName: string) => {
    if (!sceneId) return;
    try {
      setViews((await client.deleteViewpoint({ sceneId, name: viewName })).viewpoints);
    } catch (err) {
      onError(err);
    }
  };

  return (
    <details data-testid="saved-views">
      <summary>Views ({views.length})</summary>
      <div className="row">
        <input data-testid="view-name" type="text" placeholder={nextViewName(views.map((v) => v.name))} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label="View name" />
        <button type="button" data-testid="save-view" onClick={() => void save()} disabled={!sceneId || readOnly} title={readOnly ? 'read-only' : 'Save the current camera for this scene'}>
          Save view
        </button>
      </div>
      <ul className="views">
        {views.map((v) => (
          <li key={v.name}>
            <button type="button" data-testid="saved-view" onClick={() => engine.setViewpoint(v.viewpoint)} title={`saved ${v.savedAt}`}>
              {v.name}
              {v.viewpoint.ortho ? ' (top)' : ''}
            </button>
            {!readOnly && (
              <button type="button" className="small" data-testid="delete-view" onClick={() => void remove(v.name)} aria-label={`Delete ${v.name}`}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
