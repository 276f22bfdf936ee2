// The Layout tab's state: the instruction, its preview (drawn as a ghost in the viewport), the scene's
// layout versions, and the calls that apply, reject, restore and export. Applying or restoring
// changes the scene's points on the host, so the scene is opened again (onChanged); an undo or redo
// elsewhere reopens it too, which reloads the version list here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client, ExportLayoutResult, LayoutExportFormat, LayoutPreview, LayoutVersionList } from '../../app/contract';
import type { Viewport } from '../viewport/viewport';
import { ghostItems } from './layout-diff';

export interface UseLayoutOptions {
  client: Client;
  sceneId: string | null;
  readOnly: boolean;
  selection: readonly number[];
  engine(): Viewport | null;
  /** Changes whenever the scene was (re)opened: the version list reloads. */
  sceneVersion: unknown;
  /** The host moved the scene's points: open it again. */
  onChanged(sceneId: string): Promise<void>;
  onStatus(text: string): void;
  onError(err: unknown): void;
}

export interface LayoutState {
  text: string;
  busy: boolean;
  preview: LayoutPreview | null;
  /** Points the ghost draws (0 when none). */
  ghostPoints: number;
  list: LayoutVersionList | null;
  exported: ExportLayoutResult | null;
}

export interface LayoutActions {
  setText(text: string): void;
  preview(): Promise<void>;
  apply(): Promise<void>;
  reject(): void;
  restore(versionId: string): Promise<void>;
  exportAs(format: LayoutExportFormat): Promise<void>;
}

export function useLayout(o: UseLayoutOptions): [LayoutState, LayoutActions] {
  const { client, sceneId, engine, onChanged, onStatus, onError } = o;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<LayoutPreview | null>(null);
  const [ghostPoints, setGhostPoints] = useState(0);
  const [list, setList] = useState<LayoutVersionList | null>(null);
  const [exported, setExported] = useState<ExportLayoutResult | null>(null);
  const live = useRef(o);
  live.current = o;

  const clearGhost = useCallback(() => {
    engine()?.showGhost(null);
    setGhostPoints(0);
  }, [engine]);

  useEffect(() => {
    if (!sceneId) return;
    let cancelled = false;
    client
      .listLayoutVersions({ sceneId })
      .then((l) => !cancelled && setList(l))
      .catch(onError);
    return () => {
      cancelled = true;
    };
  }, [client, sceneId, o.sceneVersion, onError]);

  // A preview belongs to the scene as it was; a reopened scene (apply, undo, another scene) drops it.
  useEffect(() => {
    setPreview(null);
    clearGhost();
  }, [sceneId, o.sceneVersion, clearGhost]);
  // The ghost goes when the tab closes.
  useEffect(() => () => void engine()?.showGhost(null), [engine]);

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (err) {
        onError(err);
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );

  const actions: LayoutActions = {
    setText,
    preview: () =>
      run(async () => {
        const instruction = text.trim();
        if (!sceneId || !instruction) return;
        const vp = engine()?.getViewpoint();
        const viewer = vp ? { position: vp.position, forward: [vp.target[0] - vp.position[0], vp.target[1] - vp.position[1], vp.target[2] - vp.position[2]] as [number, number, number] } : undefined;
        const p = await client.previewLayoutEdit({ sceneId, instruction, selection: [...live.current.selection], ...(viewer ? { viewer } : {}) });
        setPreview(p);
        const n = p.status === 'edited' ? (engine()?.showGhost(ghostItems(p.changes)) ?? 0) : (engine()?.showGhost(null), 0);
        setGhostPoints(n);
        onStatus(p.status === 'edited' ? `Preview: ${p.describe} (${p.ms.toFixed(0)} ms, ${p.parser === 'model' ? 'language model' : 'grammar parser'})` : `Layout: ${p.reason ?? p.status}`);
      }),
    apply: () =>
      run(async () => {
        if (!sceneId || !preview?.previewId) return;
        const r = await client.applyLayoutEdit({ sceneId, previewId: preview.previewId });
        setList(r.list);
        setPreview(null);
        clearGhost();
        await onChanged(sceneId);
        onStatus(`Applied as layout version ${r.version.version} (Ctrl+Z undoes)`);
      }),
    reject: () => {
      setPreview(null);
      clearGhost();
    },
    restore: (versionId) =>
      run(async () => {
        if (!sceneId) return;
        const r = await client.restoreLayoutVersion({ sceneId, versionId });
        setList(r.list);
        await onChanged(sceneId);
        onStatus(`${r.version.label} as version ${r.version.version} (Ctrl+Z undoes)`);
      }),
    exportAs: (format) =>
      run(async () => {
        if (!sceneId) return;
        const r = await client.exportLayout({ sceneId, format });
        setExported(r);
        onStatus(`Exported ${r.file}`);
      }),
  };

  return [{ text, busy, preview, ghostPoints, list, exported }, actions];
}
