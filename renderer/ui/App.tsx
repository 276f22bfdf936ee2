// The workbench layout: top bar, instance list, viewport, selection + saved items, status bar.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../../app/contract';
import type { Transport } from '../bridge/transport';
import type { Measurement, Viewport } from '../viewport/viewport';
import { DropZone } from './DropZone';
import { ErrorBanner } from './ErrorBanner';
import { InstanceList } from './InstanceList';
import { SavedList } from './SavedList';
import { SceneControls } from './SceneControls';
import { SelectionPanel } from './SelectionPanel';
import { StatusBar } from './StatusBar';
import { installTestHooks, testHooksEnabled } from './test-hooks';
import { TopBar } from './TopBar';
import { useShortcuts } from './use-shortcuts';
import { useWorkbench } from './use-workbench';
import { ViewportPane } from './ViewportPane';

/** Browser noise that is not an application error. */
const BENIGN_ERRORS = [/ResizeObserver loop/];

export function App({ transport, client }: { transport: Transport; client: Client }) {
  const [state, actions] = useWorkbench(client, transport);
  const engineRef = useRef<Viewport | null>(null);
  const [drawn, setDrawn] = useState(false);

  const byId = useMemo(() => new Map(state.instances.map((i) => [i.id, i])), [state.instances]);
  const [idA, idB] = state.selection;
  const a = idA === undefined ? null : (byId.get(idA) ?? null);
  const b = idB === undefined ? null : (byId.get(idB) ?? null);
  const tags = useMemo(() => state.selection.map((id) => byId.get(id)?.label ?? `#${id}`), [state.selection, byId]);
  const measurement = useMemo<Measurement | null>(
    () => (state.distance ? { pointA: state.distance.pointA, pointB: state.distance.pointB, distance: state.distance.distance } : null),
    [state.distance],
  );
  const canSave = !!state.distance && !state.info?.readOnly;

  const fit = useCallback(() => engineRef.current?.fitToScene(), []);
  const onEngine = useCallback((engine: Viewport | null) => {
    engineRef.current = engine;
  }, []);
  const onDrawn = useCallback(() => {
    setDrawn(true);
    document.body.dataset.ready = '1';
  }, []);

  useShortcuts({
    Escape: actions.clearSelection,
    s: () => canSave && void actions.save(),
    f: fit,
    c: actions.toggleColorMode,
    undo: () => void actions.undo(),
    redo: () => void actions.redo(),
  });

  // Test hooks read the newest state through a ref, so they are installed once.
  const live = useRef({ state, drawn });
  live.current = { state, drawn };
  useEffect(() => {
    if (!testHooksEnabled()) return;
    return installTestHooks({
      get ready() {
        return live.current.drawn;
      },
      instancesByLabel: (label) => live.current.state.instances.filter((i) => i.label === label).map((i) => i.id),
      projectInstance: (id) => engineRef.current?.projectInstance(id) ?? null,
      selection: () => [...live.current.state.selection],
      lastDistance: () => live.current.state.distance?.distance ?? null,
    });
  }, []);

  const { reportError } = actions;
  useEffect(() => {
    const onError = (e: ErrorEvent) => {
      if (!BENIGN_ERRORS.some((re) => re.test(e.message))) reportError(e.error ?? e.message);
    };
    const onRejection = (e: PromiseRejectionEvent) => reportError(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [reportError]);

  return (
    <div className="app" data-ready={drawn ? '1' : '0'}>
      <TopBar
        info={state.info}
        sceneName={state.scene?.name ?? null}
        transport={transport.kind}
        colorMode={state.colorMode}
        onColorMode={actions.setColorMode}
        onFit={fit}
      >
        <SceneControls
          scenes={state.scenes}
          currentId={state.scene?.id ?? null}
          importing={state.importJob !== null}
          readOnly={!!state.info?.readOnly}
          onOpen={(id) => void actions.openScene(id)}
          onImport={(path) => void actions.importPath(path)}
          onCancel={() => void actions.cancelImport()}
        />
      </TopBar>
      {state.error && <ErrorBanner message={state.error} onDismiss={actions.dismissError} />}
      <main className="workspace">
        <InstanceList instances={state.instances} selection={state.selection} onSelect={actions.clicked} />
        <DropZone enabled={!state.info?.readOnly && state.importJob === null} onFile={(file) => void actions.importFile(file)}>
          <ViewportPane
            buffers={state.buffers}
            upAxis={state.scene?.upAxis ?? 'z'}
            colorMode={state.colorMode}
            selection={state.selection}
            tags={tags}
            measurement={measurement}
            onPick={actions.clicked}
            onEngine={onEngine}
            onDrawn={onDrawn}
            instances={state.instances}
            executionProvider={state.info?.executionProvider ?? null}
            onColorMode={actions.setColorMode}
          />
        </DropZone>
        <aside className="side">
          <SelectionPanel a={a} b={b} distance={state.distance} canSave={canSave} onSave={() => void actions.save()} onClear={actions.clearSelection} />
          <SavedList items={state.saved} readOnly={!!state.info?.readOnly} onSetStatus={(id, status) => void actions.setItemStatus(id, status)} />
        </aside>
      </main>
      <StatusBar
        status={state.status}
        pointCount={state.buffers?.instanceIds.length ?? 0}
        instanceCount={state.instances.length}
        progress={state.progress}
      />
    </div>
  );
}
