// Owns the canvas and the Viewport engine's lifetime; forwards props to the engine's methods.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { InstanceInfo, OpenedScene } from '../../app/contract';
import type { ColorMode } from '../viewport/colors';
import { generateSyntheticScene } from '../viewport/synthetic-scene';
import { Viewport, type Measurement } from '../viewport/viewport';
import { Legend } from './Legend';
import { errorMessage } from './use-workbench';
import { installViewerHooks, syntheticPointCount, viewerTestHooksEnabled } from './viewer-test-hooks';
import { ViewerPanel } from './ViewerPanel';
import { ViewerStatus } from './ViewerStatus';

export interface ViewportPaneProps {
  buffers: OpenedScene['buffers'] | null;
  upAxis: 'z' | 'y';
  colorMode: ColorMode;
  selection: number[];
  tags: string[];
  measurement: Measurement | null;
  onPick(id: number | null): void;
  onEngine(engine: Viewport | null): void;
  /** Called once the points of a new buffer set have been drawn. */
  onDrawn(): void;
  /** Instances of the scene (semantic labels for the label colour mode and legend). */
  instances?: InstanceInfo[];
  /** Shown in the viewer's status line. */
  executionProvider?: string | null;
  /** Picks a colour mode (the viewer panel, keys 1–6); without it the panel is read-only on colour. */
  onColorMode?(mode: ColorMode): void;
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
      created = new Viewport(canvas, { onPick: (id) => handlers.current.onPick(id) });
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
  useEffect(() => {
    if (!engine || (!buffers && !synthetic)) return;
    let cancelled = false;
    const shown = synthetic
      ? engine.setPoints(generateSyntheticScene(synthetic), 'z', { transfer: true })
      : engine.setPoints(buffers!, upAxis);
    shown
      .then(() => {
        if (cancelled) return;
        engine.fitToScene();
        engine.renderNow();
        setSceneVersion((v) => v + 1);
        handlers.current.onDrawn();
      })
      .catch((err) => !cancelled && setFailure(`Could not show the points: ${errorMessage(err)}`));
    return () => {
      cancelled = true;
    };
  }, [engine, synthetic ? null : buffers, upAxis, synthetic]);

  const labels = useMemo(() => new Map((props.instances ?? []).map((i) => [i.id, i.label])), [props.instances]);
  useEffect(() => engine?.setInstanceLabels(labels), [engine, labels]);
  const legendLabels = useMemo(() => [...new Set(labels.values())].sort(), [labels]);
  const availableModes = useMemo(() => engine?.availableColorModes() ?? ['rgb' as const], [engine, labels, sceneVersion]);

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
          onColorMode={(m) => props.onColorMode?.(m)}
          selection={props.selection}
          sceneVersion={sceneVersion}
        />
      )}
      {props.colorMode === 'label' && legendLabels.length > 0 && <Legend labels={legendLabels} />}
      {engine && <ViewerStatus engine={engine} executionProvider={props.executionProvider ?? null} />}
    </div>
  );
}
