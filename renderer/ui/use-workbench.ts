// Talks to the host: the start-up sequence, measurements for a selected pair, saving QA items,
// and progress events. Panels get state plus a few named actions.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { events, type Client, type QaItem, type UndoResult } from '../../app/contract';
import type { Transport } from '../bridge/transport';
import { distanceQaItem, instanceName, roundMetres } from './distance-qa';
import { initialState, reduce, type WorkbenchState } from './workbench-state';

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface WorkbenchActions {
  clicked(id: number | null): void;
  clearSelection(): void;
  toggleColorMode(): void;
  save(): Promise<void>;
  /** Undo / redo the newest change to the scene's saved work (persisted by the host). */
  undo(): Promise<void>;
  redo(): Promise<void>;
  setItemStatus(id: string, status: QaItem['status']): Promise<void>;
  dismissError(): void;
  reportError(err: unknown): void;
}

export function useWorkbench(client: Client, transport: Transport): [WorkbenchState, WorkbenchActions] {
  const [state, dispatch] = useReducer(reduce, initialState);
  const latest = useRef(state);
  latest.current = state;

  const reportError = useCallback((err: unknown) => dispatch({ type: 'error', message: errorMessage(err) }), []);

  const refreshSaved = useCallback(
    async (sceneId: string) => {
      const { items } = await client.listQaItems({ sceneId, limit: 100 });
      dispatch({ type: 'saved', items });
    },
    [client],
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
      const first = scenes[0];
      if (!first) {
        dispatch({ type: 'status', status: 'The host lists no scenes' });
        return;
      }
      dispatch({ type: 'status', status: `Opening ${first.name}…` });
      const opened = await client.openScene({ sceneId: first.id });
      if (cancelled) return;
      dispatch({ type: 'sceneOpened', opened });
      const [{ instances }] = await Promise.all([client.listInstances({ sceneId: first.id }), refreshSaved(first.id)]);
      if (!cancelled) dispatch({ type: 'instances', instances });
    })()
      .catch((err) => !cancelled && reportError(err))
      .finally(() => !cancelled && dispatch({ type: 'busy', busy: false }));
    return () => {
      cancelled = true;
    };
  }, [client, refreshSaved, reportError]);

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

  const save = useCallback(async () => {
    const s = latest.current;
    const d = s.distance;
    if (!s.scene || !d || s.info?.readOnly) return;
    const ia = s.instances.find((i) => i.id === d.a);
    const ib = s.instances.find((i) => i.id === d.b);
    if (!ia || !ib) return;
    try {
      await client.saveQaItem(distanceQaItem(s.scene.id, ia, ib, d));
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
        dispatch({ type: 'status', status: r.applied ? `${verb}: ${r.applied.label}` : `Nothing to ${direction}` });
        if (r.applied) await refreshSaved(s.scene.id);
      } catch (err) {
        reportError(err);
      }
    },
    [client, refreshSaved, reportError],
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
    clearSelection: useCallback(() => dispatch({ type: 'clearSelection' }), []),
    toggleColorMode: useCallback(() => dispatch({ type: 'toggleColorMode' }), []),
    save,
    undo: useCallback(() => step('undo'), [step]),
    redo: useCallback(() => step('redo'), [step]),
    setItemStatus,
    dismissError: useCallback(() => dispatch({ type: 'dismissError' }), []),
    reportError,
  };
  return [state, actions];
}
