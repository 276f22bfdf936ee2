// Talks to the host: the start-up sequence, measurements for a selected pair, saving QA items,
// and progress events. Panels get state plus a few named actions.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ContractCallError, events, type Client, type QaItem, type QaItemInput, type UndoResult } from '../../app/contract';
import type { FolderFile, Transport } from '../bridge/transport';
import type { ColorMode } from '../viewport/colors';
import { distanceQaItem, instanceName, roundMetres } from './distance-qa';
import { initialState, reduce, type WorkbenchState } from './workbench-state';

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface WorkbenchActions {
  clicked(id: number | null): void;
  /** Ctrl/⌘-click: adds the instance to the selection or takes it out (multi-select). */
  toggled(id: number | null): void;
  clearSelection(): void;
  toggleColorMode(): void;
  setColorMode(mode: ColorMode): void;
  /** Saves the measured distance; `viewpoint` is the camera it was measured from (stored with the item). */
  save(viewpoint?: QaItemInput['viewpoint']): Promise<void>;
  /** Undo / redo the newest change to the scene's saved work (persisted by the host). */
  undo(): Promise<void>;
  redo(): Promise<void>;
  setItemStatus(id: string, status: QaItem['status']): Promise<void>;
  /** Edits a saved item's answer (a new revision; the earlier ones are kept). */
  setItemAnswer(id: string, answer: QaItem['answer']): Promise<void>;
  /** Reloads the Saved list (after another panel saved an item). */
  refreshSaved(): Promise<void>;
  dismissError(): void;
  reportError(err: unknown): void;
  /** Shows a line in the status bar. */
  setStatus(status: string): void;
  /** Opens a scene the host lists (the scene switcher). */
  openScene(sceneId: string): Promise<void>;
  /** Imports a file or folder on the host's disk, then opens it. */
  importPath(path: string): Promise<void>;
  /** Uploads a dropped file to the host (web bridge only), then imports and opens it. */
  importFile(file: File): Promise<void>;
  /** Uploads a picked or dropped folder's files (web bridge only), then imports and opens the folder. */
  importFolder(name: string, files: readonly FolderFile[]): Promise<void>;
  cancelImport(): Promise<void>;
}

/** A job id for progress events and cancelJob; randomUUID needs a secure context, which loopback is. */
const newJobId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(16).slice(2)}`);

export function useWorkbench(client: Client, transport: Transport): [WorkbenchState, WorkbenchActions] {
  const [state, dispatch] = useReducer(reduce, initialState);
  const latest = useRef(state);
  latest.current = state;

  const reportError = useCallback((err: unknown) => dispatch({ type: 'error', message: errorMessage(err) }), []);

  const refreshSaved = useCallback(
    async (sceneId: string) => {
      // Generated drafts live in the Review tab; Saved lists what a person saved in the workbench.
      const { items } = await client.listQaItems({ sceneId, limit: 100, origin: 'workbench' });
      dispatch({ type: 'saved', items });
    },
    [client],
  );

  /** Opens a scene and loads what the panels show for it; the scene list is refreshed too. */
  const open = useCallback(
    async (sceneId: string, isCancelled: () => boolean = () => false) => {
      const { scenes } = await client.listScenes();
      if (isCancelled()) return;
      dispatch({ type: 'scenes', scenes });
      const name = scenes.find((s) => s.id === sceneId)?.name ?? sceneId;
      dispatch({ type: 'status', status: `Opening ${name}…` });
      const opened = await client.openScene({ sceneId });
      if (isCancelled()) return;
      dispatch({ type: 'sceneOpened', opened });
      const [{ instances }] = await Promise.all([client.listInstances({ sceneId }), refreshSaved(sceneId)]);
      if (!isCancelled()) dispatch({ type: 'instances', instances });
    },
    [client, refreshSaved],
  );

  // Start-up: who is the host, which scenes exist, open the first (the sample room).
  useEffect(() => {
    let cancelled = false;
    (async () => {
      dispatch({ type: 'busy', busy: true });
      const info = await client.appInfo();
      if (cancelled) return;
      dispatch({ type: 'info', info });
      const { scenes } = await client.listScenes();
      if (cancelled) return;
      dispatch({ type: 'scenes', scenes });
      const first = scenes[0];
      if (!first) {
        dispatch({ type: 'status', status: 'The host lists no scenes' });
        return;
      }
      await open(first.id, () => cancelled);
    })()
      .catch((err) => !cancelled && reportError(err))
      .finally(() => !cancelled && dispatch({ type: 'busy', busy: false }));
    return () => {
      cancelled = true;
    };
  }, [client, open, reportError]);

  const openScene = useCallback(
    async (sceneId: string) => {
      dispatch({ type: 'busy', busy: true });
      try {
        await open(sceneId);
      } catch (err) {
        reportError(err);
      } finally {
        dispatch({ type: 'busy', busy: false });
      }
    },
    [open, reportError],
  );

  /** Runs one import job: `path` gives the host path once any upload is done. */
  const runImport = useCallback(
    async (what: string, path: () => Promise<string>) => {
      if (latest.current.importJob) {
        reportError(new Error('An import is already running; wait for it or cancel it'));
        return;
      }
      const jobId = newJobId();
      dispatch({ type: 'importJob', jobId });
      try {
        dispatch({ type: 'status', status: `Importing ${what}…` });
        const result = await client.importScene({ path: await path(), jobId });
        dispatch({ type: 'importJob', jobId: null });
        await open(result.id);
        if (result.alreadyImported) dispatch({ type: 'status', status: `${result.name} was already imported as ${result.id}` });
      } catch (err) {
        dispatch({ type: 'importJob', jobId: null });
        // A cancel is what the user asked for, not an error.
        if (err instanceof ContractCallError && err.body.code === 'cancelled') dispatch({ type: 'status', status: 'Import cancelled' });
        else reportError(err);
      }
    },
    [client, open, reportError],
  );

  const importPath = useCallback((path: string) => runImport(path, async () => path), [runImport]);

  const importFile = useCallback(
    (file: File) =>
      runImport(file.name, async () => {
        if (!transport.upload) throw new Error('Dropping files needs the web UI; type the file path into the Open field instead');
        dispatch({ type: 'status', status: `Uploading ${file.name}…` });
        return transport.upload(file, file.name);
      }),
    [runImport, transport],
  );

  const importFolder = useCallback(
    (name: string, files: readonly FolderFile[]) =>
      runImport(name, async () => {
        if (!transport.uploadFolder) throw new Error('Uploading folders needs the web UI; use Open folder… instead');
        dispatch({ type: 'status', status: `Uploading ${name}…` });
        return transport.uploadFolder(files, (done, total) => dispatch({ type: 'status', status: `Uploading ${name}: ${done} of ${total} files` }));
      }),
    [runImport, transport],
  );

  const cancelImport = useCallback(async () => {
    const jobId = latest.current.importJob;
    if (!jobId) return;
    try {
      await client.cancelJob({ jobId });
    } catch (err) {
      reportError(err);
    }
  }, [client, reportError]);

  useEffect(
    () =>
      transport.onEvent((message) => {
        if (message.event !== 'progress') return;
        const parsed = events.progress.safeParse(message.payload);
        if (parsed.success) dispatch({ type: 'progress', progress: parsed.data });
      }),
    [transport],
  );

  // A complete pair is measured as soon as it exists.
  const sceneId = state.scene?.id;
  const [a, b] = state.selection;
  useEffect(() => {
    if (!sceneId || a === undefined || b === undefined) return;
    dispatch({ type: 'status', status: 'Measuring…' });
    client
      .measureDistance({ sceneId, a, b })
      .then((distance) => {
        dispatch({ type: 'distance', distance });
        dispatch({ type: 'status', status: `Measured ${roundMetres(distance.distance).toFixed(2)} m` });
      })
      .catch(reportError);
  }, [client, sceneId, a, b, reportError]);

  const save = useCallback(async (viewpoint?: QaItemInput['viewpoint']) => {
    const s = latest.current;
    const d = s.distance;
    if (!s.scene || !d || s.info?.readOnly) return;
    const ia = s.instances.find((i) => i.id === d.a);
    const ib = s.instances.find((i) => i.id === d.b);
    if (!ia || !ib) return;
    try {
      await client.saveQaItem({ ...distanceQaItem(s.scene.id, ia, ib, d), ...(viewpoint ? { viewpoint } : {}) });
      dispatch({ type: 'status', status: `Saved: ${instanceName(ia)} ↔ ${instanceName(ib)}` });
      await refreshSaved(s.scene.id);
    } catch (err) {
      reportError(err);
    }
  }, [client, refreshSaved, reportError]);

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const s = latest.current;
      if (!s.scene || s.info?.readOnly) return;
      try {
        const r: UndoResult = await (direction === 'undo' ? client.undo({ sceneId: s.scene.id }) : client.redo({ sceneId: s.scene.id }));
        const verb = direction === 'undo' ? 'Undid' : 'Redid';
        // An accepted segmentation changed the scene's instances, a layout edit its points: show them as they are now.
        if (r.applied?.kind.startsWith('instances.') || r.applied?.kind.startsWith('layout.')) await open(s.scene.id);
        dispatch({ type: 'status', status: r.applied ? `${verb}: ${r.applied.label}` : `Nothing to ${direction}` });
        if (r.applied) await refreshSaved(s.scene.id);
      } catch (err) {
        reportError(err);
      }
    },
    [client, open, refreshSaved, reportError],
  );

  const setItemStatus = useCallback(
    async (id: string, status: QaItem['status']) => {
      const s = latest.current;
      if (!s.scene || s.info?.readOnly) return;
      try {
        await client.updateQaItem({ id, changes: { status } });
        dispatch({ type: 'status', status: `Marked ${status} (Ctrl+Z undoes)` });
        await refreshSaved(s.scene.id);
      } catch (err) {
        reportError(err);
      }
    },
    [client, refreshSaved, reportError],
  );

  const setItemAnswer = useCallback(
    async (id: string, answer: QaItem['answer']) => {
      const s = latest.current;
      if (!s.scene || s.info?.readOnly) return;
      try {
        await client.updateQaItem({ id, changes: { answer } });
        dispatch({ type: 'status', status: 'Answer edited (Ctrl+Z undoes)' });
        await refreshSaved(s.scene.id);
      } catch (err) {
        reportError(err);
      }
    },
    [client, refreshSaved, reportError],
  );

  const refreshCurrent = useCallback(async () => {
    const id = latest.current.scene?.id;
    if (id) await refreshSaved(id).catch(reportError);
  }, [refreshSaved, reportError]);

  const actions: WorkbenchActions = {
    clicked: useCallback((id: number | null) => {
      if (id === null || id < 0) {
        dispatch({ type: 'status', status: 'No object under the cursor' });
        return;
      }
      dispatch({ type: 'clicked', id });
      const instance = latest.current.instances.find((i) => i.id === id);
      dispatch({ type: 'status', status: `Selected ${instance ? instanceName(instance) : `#${id}`}` });
    }, []),
    toggled: useCallback((id: number | null) => {
      if (id === null || id < 0) return;
      dispatch({ type: 'toggled', id });
      const n = latest.current.selection.length;
      dispatch({ type: 'status', status: `${latest.current.selection.includes(id) ? n - 1 : n + 1} selected` });
    }, []),
    clearSelection: useCallback(() => dispatch({ type: 'clearSelection' }), []),
    toggleColorMode: useCallback(() => dispatch({ type: 'toggleColorMode' }), []),
    setColorMode: useCallback((mode: ColorMode) => dispatch({ type: 'colorMode', mode }), []),
    save,
    undo: useCallback(() => step('undo'), [step]),
    redo: useCallback(() => step('redo'), [step]),
    setItemStatus,
    setItemAnswer,
    refreshSaved: refreshCurrent,
    dismissError: useCallback(() => dispatch({ type: 'dismissError' }), []),
    reportError,
    setStatus: useCallback((status: string) => dispatch({ type: 'status', status }), []),
    openScene,
    importPath,
    importFile,
    importFolder,
    cancelImport,
  };
  return [state, actions];
}
