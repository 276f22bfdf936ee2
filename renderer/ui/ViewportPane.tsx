// Owns the canvas and the Viewport engine's lifetime; forwards props to the engine's methods.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { InstanceInfo, OpenedScene, SceneBoxInfo } from '../../app/contract';
import type { ColorMode } from '../viewport/colors';
import { generateSyntheticScene } from '../viewport/synthetic-scene';
import { Viewport, type Measurement } from '../viewport/viewport';
import { Legend } from './Legend';
import { errorMessage } from './use-workbench';
import { installViewerHooks, syntheticPointCount, viewerTestHooksEnabled } from './viewer-test-hooks';
import { ViewerPanel, type ViewerPanelProps } from './ViewerPanel';
import { ViewerStatus } from './ViewerStatus';

export interface ViewportPaneProps {
  buffers: OpenedScene['buffers'] | null;
  upAxis: 'z' | 'y';
  /** Boxes of a box-only scene, drawn as labelled wireframes with the points (null for scans). */
  boxes?: SceneBoxInfo[] | null;
  colorMode: ColorMode;
  selection: number[];
  tags: string[];
  measurement: Measurement | null;
  /** A click on the points: the instance under it; `at` where, and whether Shift (segmentation editing) or Ctrl/⌘ (multi-select) was held. */
  onPick(id: number | null, at?: { clientX: number; clientY: number; shift: boolean; toggle?: boolean }): void;
  onEngine(engine: Viewport | null): void;
  /** Called once the points of a new buffer set have been drawn. */
  onDrawn(): void;
  /** Instances of the scene (semantic labels for the label colour mode and legend). */
  instances?: InstanceInfo[];
  /** Shown in the viewer's status line. */
  executionProvider?: string | null;
  /** Fetches superpoint ids for the shown scene (host: sceneSuperpoints) when the superpoint mode is asked for without them. */
  loadSuperpoints?(): Promise<Int32Array>;
  /** The instance under the resting pointer changed (hover highlight). */
  onHover?(id: number | null): void;
  /** Where the Views list keeps named viewpoints (the host, per scene). */
  views?: ViewerPanelProps['views'];
  /** Picks a colour mode (the viewer panel, keys 1–6); without it the panel is read-only on colour. */
  onColorMode?(mode: ColorMode): void;
  /** Per-point instance (and superpoint) ids drawn instead of the scene's: a segmentation being edited; null: the scene's. */
  pointInstances?: { instanceIds: Int32Array; superpointIds?: Int32Array } | null;
}

export function ViewportPane(props: ViewportPaneProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [engine, setEngine] = useState<Viewport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sceneVersion, setSceneVersion] = useState(0);
  // Handlers change every render; the engine is built once and reads the latest through this ref.
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let created: Viewport;
    try {
      created = new Viewport(canvas, {
        onPick: (id, clientX, clientY, shift, toggle) => handlers.current.onPick(id, { clientX, clientY, shift: !!shift, toggle: !!toggle }),
        onHover: (id) => handlers.current.onHover?.(id),
      });
    } catch (err) {
      setFailure(`3D view unavailable (WebGL): ${errorMessage(err)}`);
      return;
    }
    setEngine(created);
    handlers.current.onEngine(created);
    const uninstall = viewerTestHooksEnabled() ? installViewerHooks(created) : () => {};
    return () => {
      uninstall();
      handlers.current.onEngine(null);
      created.dispose();
      setEngine(null);
    };
  }, []);

  // Tests may ask (?e2e=1&synthetic=N) for a generated scene made here in the page instead.
  const synthetic = useMemo(syntheticPointCount, []);
  const { buffers, upAxis } = props;
  // Superpoints fetched on demand are drawn with the buffers they were computed for.
  const [extra, setExtra] = useState<{ of: OpenedScene['buffers']; superpointIds: Int32Array } | null>(null);
  const [loadingSuperpoints, setLoadingSuperpoints] = useState(false);
  const shownBuffers = useMemo(
    () => (buffers && extra?.of === buffers && !buffers.superpointIds ? { ...buffers, superpointIds: extra.superpointIds } : buffers),
    [buffers, extra],
  );
  // Only a new scene moves the camera; the same scene with more per-point data keeps the view.
  const fittedFor = useRef<unknown>(null);
  useEffect(() => {
    if (!engine || (!shownBuffers && !synthetic)) return;
    let cancelled = false;
    const shown = synthetic
      ? engine.setPoints(generateSyntheticScene(synthetic), 'z', { transfer: true })
      : engine.setPoints(shownBuffers!, upAxis);
    shown
      .then(() => {
        if (cancelled) return;
        engine.setSceneBoxes(synthetic ? null : (handlers.current.boxes ?? null));
        const scene = synthetic || buffers;
        if (fittedFor.current !== scene) engine.fitToScene();
        fittedFor.current = scene;
        engine.renderNow();
        setSceneVersion((v) => v + 1);
        handlers.current.onDrawn();
      })
      .catch((err) => !cancelled && setFailure(`Could not show the points: ${errorMessage(err)}`));
    return () => {
      cancelled = true;
    };
  }, [engine, synthetic ? null : shownBuffers, upAxis, synthetic]);

  const requestColorMode = (mode: ColorMode) => {
    const load = props.loadSuperpoints;
    if (mode !== 'superpoint' || availableModes.includes(mode) || !load || !buffers || synthetic) {
      props.onColorMode?.(mode);
      return;
    }
    const of = buffers;
    setLoadingSuperpoints(true);
    load()
      .then((superpointIds) => {
        setExtra({ of, superpointIds });
        handlers.current.onColorMode?.('superpoint');
      })
      .catch((err) => handlers.current.views?.onError(err))
      .finally(() => setLoadingSuperpoints(false));
  };

  const labels = useMemo(() => new Map((props.instances ?? []).map((i) => [i.id, i.label])), [props.instances]);
  useEffect(() => engine?.setInstanceLabels(labels), [engine, labels]);
  const legendLabels = useMemo(() => [...new Set(labels.values())].sort(), [labels]);
  const availableModes = useMemo(() => engine?.availableColorModes() ?? ['rgb' as const], [engine, labels, sceneVersion]);

  // A segmentation draft recolours the drawn points in place; without one the scene's own ids return.
  const { pointInstances } = props;
  const overridden = useRef(false);
  useEffect(() => {
    if (!engine || !shownBuffers || synthetic) return;
    if (pointInstances) {
      engine.setPointInstances(pointInstances.instanceIds, pointInstances.superpointIds);
      overridden.current = true;
    } else if (overridden.current) {
      engine.setPointInstances(shownBuffers.instanceIds, shownBuffers.superpointIds);
      overridden.current = false;
    }
  }, [engine, pointInstances, shownBuffers, sceneVersion, synthetic]);

  useEffect(() => engine?.setColorMode(props.colorMode), [engine, props.colorMode]);
  useEffect(() => engine?.setSelection(props.selection, props.tags), [engine, props.selection, props.tags]);
  useEffect(() => engine?.setMeasurement(props.measurement), [engine, props.measurement]);

  return (
    <div className="viewport" data-testid="viewport">
      <canvas ref={canvasRef} className="viewport-canvas" data-testid="viewport-canvas" />
      {failure && <div className="viewport-failure">{failure}</div>}
      {!buffers && !failure && <div className="viewport-empty">Loading scene…</div>}
      {engine && (
        <ViewerPanel
          engine={engine}
          colorMode={props.colorMode}
          availableModes={availableModes}
          onColorMode={requestColorMode}
          canComputeSuperpoints={!!props.loadSuperpoints && !synthetic}
          computingSuperpoints={loadingSuperpoints}
          selection={props.selection}
          sceneVersion={sceneVersion}
          views={props.views}
        />
      )}
      {props.colorMode === 'label' && legendLabels.length > 0 && <Legend labels={legendLabels} />}
      {engine && <ViewerStatus engine={engine} executionProvider={props.executionProvider ?? null} />}
    </div>
  );
}
