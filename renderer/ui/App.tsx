// The workbench layout: top bar, instance list, viewport, selection + saved items, status bar.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../../app/contract';
import type { Transport } from '../bridge/transport';
import type { Measurement, Viewport } from '../viewport/viewport';
import { DropZone } from './DropZone';
import { ErrorBanner } from './ErrorBanner';
import { InstanceList } from './InstanceList';
import { PropertiesPanel } from './PropertiesPanel';
import { useInstanceFlags } from './use-instance-flags';
import { OpenButtons, type OpenButtonsHandle } from './OpenButtons';
import { AskPanel } from './AskPanel';
import { SavedList } from './SavedList';
import { SceneControls } from './SceneControls';
import { SelectionPanel } from './SelectionPanel';
import { StatusBar } from './StatusBar';
import { installTestHooks, testHooksEnabled } from './test-hooks';
import { TopBar } from './TopBar';
import { useAsk } from './use-ask';
import { useShortcuts } from './use-shortcuts';
import { useWorkbench } from './use-workbench';
import { ViewportPane } from './ViewportPane';
import { ReviewSide, SideTabs, type SideTab } from './ReviewQueue';
import { SegmentPanel } from './SegmentPanel';
import { LayoutSide } from './LayoutPanel';
import { AuditSide } from './AuditPanel';
import { useAuditRoom } from './use-audit-room';
import { draftAsInstance, useSegmentation } from './use-segmentation';

/** Browser noise that is not an application error. */
const BENIGN_ERRORS = [/ResizeObserver loop/];

export function App({ transport, client }: { transport: Transport; client: Client }) {
  const [state, actions] = useWorkbench(client, transport);
  const engineRef = useRef<Viewport | null>(null);
  const openButtons = useRef<OpenButtonsHandle>(null);
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
  // A measured distance is saved with the camera it was measured from.
  const saveMeasured = () => void actions.save(engineRef.current?.getViewpoint());

  const fit = useCallback(() => engineRef.current?.fitToScene(), []);
  const [engine, setEngine] = useState<Viewport | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('work');
  const flags = useInstanceFlags(engine);
  const onEngine = useCallback((engine: Viewport | null) => {
    engineRef.current = engine;
    setEngine(engine);
  }, []);
  const onDrawn = useCallback(() => {
    setDrawn(true);
    document.body.dataset.ready = '1';
  }, []);

  const getEngine = useCallback(() => engineRef.current, []);
  const [askPhase, ask] = useAsk({
    client,
    sceneId: state.scene?.id ?? null,
    selection: state.selection,
    instances: state.instances,
    readOnly: !!state.info?.readOnly,
    engine: getEngine,
    onSaved: actions.refreshSaved,
    onError: actions.reportError,
  });
  // The Audit tab's "Open room": the room opens as a box scene and the disagreement's evidence is drawn in it.
  const openAuditRoom = useAuditRoom({ scene: state.scene, boxScene: state.boxScene, scenes: state.scenes, openScene: actions.openScene, importPath: actions.importPath, show: ask.show, onError: actions.reportError });
  const [seg, segActions] = useSegmentation({
    client,
    transport,
    sceneId: state.scene?.id ?? null,
    readOnly: !!state.info?.readOnly,
    instances: state.instances,
    engine: getEngine,
    onStatus: actions.setStatus,
    onError: actions.reportError,
    onAccepted: actions.openScene,
  });
  // While segmenting, the list and the view show the draft's objects and the editing selection.
  const draftInstances = useMemo(() => seg.draft?.instances.map(draftAsInstance) ?? null, [seg.draft]);
  const draftDetails = useMemo(() => (seg.draft ? new Map(seg.draft.instances.map((i) => [i.id, i])) : seg.stored), [seg.draft, seg.stored]);
  const pointInstances = useMemo(() => (seg.draft ? { instanceIds: seg.draft.instanceIds, superpointIds: seg.draft.superpointIds } : null), [seg.draft]);
  const shownInstances = draftInstances ?? state.instances;
  const shownSelection = seg.editing ? seg.selected : state.selection;
  const shownTags = useMemo(
    () => (seg.editing ? seg.selected.map((id) => draftInstances?.find((i) => i.id === id)?.label ?? `#${id}`) : tags),
    [seg.editing, seg.selected, draftInstances, tags],
  );

  // While segmenting, clicks prompt objects; while the Ask panel waits for a click on an ambiguous
  // object, a pick answers it instead of selecting. A shift-click only means something while segmenting.
  const onPick = useCallback((id: number | null, at?: { clientX: number; clientY: number; shift: boolean; toggle?: boolean }) => {
    if (at && segActions.pick(at)) return;
    if (at?.shift) return;
    if (at?.toggle) return actions.toggled(id);
    if (!ask.pick(id)) actions.clicked(id);
  }, [segActions.pick, ask.pick, actions.clicked, actions.toggled]);

  useShortcuts({
    Escape: () => {
      ask.discard();
      actions.clearSelection();
      segActions.clearSelection();
    },
    s: () => canSave && saveMeasured(),
    f: fit,
    c: actions.toggleColorMode,
    undo: () => void actions.undo(),
    redo: () => void actions.redo(),
    open: () => openButtons.current?.openFile(),
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
        <OpenButtons
          ref={openButtons}
          client={client}
          transport={transport.kind}
          disabled={!!state.info?.readOnly || state.importJob !== null}
          onPath={(path) => void actions.importPath(path)}
          onFile={(file) => void actions.importFile(file)}
          onFolder={(name, files) => void actions.importFolder(name, files)}
          onError={actions.reportError}
        />
      </TopBar>
      {state.error && <ErrorBanner message={state.error} onDismiss={actions.dismissError} />}
      <main className="workspace">
        <InstanceList
          instances={shownInstances}
          selection={shownSelection}
          onSelect={seg.editing ? segActions.toggle : (id, toggle) => (toggle ? actions.toggled(id) : actions.clicked(id))}
          flags={flags}
          hovered={hovered}
          details={draftDetails}
        />
        <DropZone
          enabled={!state.info?.readOnly && state.importJob === null}
          onFile={(file) => void actions.importFile(file)}
          onFolder={(name, files) => void actions.importFolder(name, files)}
          onError={actions.reportError}
        >
          <ViewportPane
            buffers={state.buffers}
            upAxis={state.scene?.upAxis ?? 'z'}
            boxes={state.boxScene?.boxes ?? null}
            colorMode={state.colorMode}
            selection={shownSelection}
            tags={shownTags}
            measurement={measurement}
            onPick={onPick}
            onEngine={onEngine}
            onDrawn={onDrawn}
            instances={shownInstances}
            pointInstances={pointInstances}
            executionProvider={state.info?.executionProvider ?? null}
            onColorMode={actions.setColorMode}
            views={{ client, sceneId: state.scene?.id ?? null, readOnly: !!state.info?.readOnly, onError: actions.reportError }}
            onHover={setHovered}
            loadSuperpoints={state.scene ? () => client.sceneSuperpoints({ sceneId: state.scene!.id }).then((r) => r.superpointIds) : undefined}
          />
        </DropZone>
        <aside className="side" data-tab={sideTab}>
          <SideTabs tab={sideTab} onTab={setSideTab} />
          <SegmentPanel state={seg} actions={segActions} enabled={!!state.scene && !state.boxScene} readOnly={!!state.info?.readOnly} />
          <SelectionPanel a={a} b={b} distance={state.distance} canSave={canSave} onSave={saveMeasured} onClear={actions.clearSelection} />
          <PropertiesPanel engine={engine} selection={state.selection} instances={state.instances} />
          <AskPanel phase={askPhase} actions={ask} selectionCount={state.selection.length} readOnly={!!state.info?.readOnly} enabled={!!state.scene} />
          <SavedList
            items={state.saved}
            readOnly={!!state.info?.readOnly}
            onSetStatus={(id, status) => void actions.setItemStatus(id, status)}
            onEditAnswer={(id, answer) => void actions.setItemAnswer(id, answer)}
            onShow={ask.review}
          />
          {sideTab === 'layout' && <LayoutSide client={client} sceneId={state.scene?.id ?? null} enabled={!!state.scene} readOnly={!!state.info?.readOnly} selection={state.selection} engine={getEngine} sceneVersion={state.buffers} onChanged={actions.openScene} onStatus={actions.setStatus} onError={actions.reportError} />}
          {sideTab === 'review' && <ReviewSide client={client} sceneId={state.scene?.id ?? null} readOnly={!!state.info?.readOnly} onError={actions.reportError} savedVersion={state.saved} />}
          {/* Always mounted (hidden by CSS off its tab) so a report survives switching tabs. */}
          <AuditSide client={client} transport={transport} onError={actions.reportError} room={{ open: openAuditRoom, shownKey: askPhase.kind === 'shown' ? askPhase.key : null, clear: ask.discard }} />
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
