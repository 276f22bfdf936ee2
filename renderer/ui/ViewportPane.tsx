// Owns the canvas and the Viewport engine's lifetime; forwards props to the engine's methods.
import { useEffect, useRef, useState } from 'react';
import type { OpenedScene } from '../../app/contract';
import type { ColorMode } from '../viewport/colors';
import { Viewport, type Measurement } from '../viewport/viewport';
import { errorMessage } from './use-workbench';

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
}

export function ViewportPane(props: ViewportPaneProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [engine, setEngine] = useState<Viewport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
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
    return () => {
      handlers.current.onEngine(null);
      created.dispose();
      setEngine(null);
    };
  }, []);

  const { buffers, upAxis } = props;
  useEffect(() => {
    if (!engine || !buffers) return;
    engine.setPoints(buffers, upAxis);
    engine.fitToScene();
    engine.renderNow();
    handlers.current.onDrawn();
  }, [engine, buffers, upAxis]);

  useEffect(() => engine?.setColorMode(props.colorMode), [engine, props.colorMode]);
  useEffect(() => engine?.setSelection(props.selection, props.tags), [engine, props.selection, props.tags]);
  useEffect(() => engine?.setMeasurement(props.measurement), [engine, props.measurement]);

  return (
    <div className="viewport" data-testid="viewport">
      <canvas ref={canvasRef} className="viewport-canvas" data-testid="viewport-canvas" />
      {failure && <div className="viewport-failure">{failure}</div>}
      {!buffers && !failure && <div className="viewport-empty">Loading scene…</div>}
    </div>
  );
}
