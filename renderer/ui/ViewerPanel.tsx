// View controls over the viewport: colour mode, point size, eye-dome lighting, cameras and saved
// viewpoints, clipping, hide/isolate, overlays, the measure tool, the point budget and screenshots.
// It calls the engine's methods directly and keeps only plain values (never three.js objects).
import { useEffect, useState } from 'react';
import { COLOR_MODE_NAMES, COLOR_MODES, type ColorMode } from '../viewport/colors';
import { POINT_BUDGETS } from '../viewport/point-budget';
import type { BoxOverlay, Bounds, CameraMode, MeasureResult, MeasureTool, Viewport } from '../viewport/viewport';
import { SavedViews, type SavedViewsProps } from './SavedViews';
import { SectionPlanes } from './SectionPlanes';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { useShortcuts } from './use-shortcuts';

export interface ViewerPanelProps {
  engine: Viewport;
  colorMode: ColorMode;
  availableModes: ColorMode[];
  onColorMode(mode: ColorMode): void;
  selection: number[];
  /** Bumped when new points are shown (bounds, floor and modes change). */
  sceneVersion: number;
  /** The superpoint mode can be chosen without data: choosing it asks the host to compute them. */
  canComputeSuperpoints?: boolean;
  computingSuperpoints?: boolean;
  /** Where saved viewpoints are kept (the host); without it the Views list is not shown. */
  views?: Omit<SavedViewsProps, 'engine'>;
}

const CAMERAS: CameraMode[] = ['orbit', 'fly', 'top'];
const CAMERA_NAMES: Record<CameraMode, string> = { orbit: 'Orbit', fly: 'Fly', top: 'Top' };
const TOOLS: Array<MeasureTool | null> = [null, 'distance', 'height', 'area'];
const TOOL_NAMES: Record<MeasureTool, string> = { distance: 'Distance', height: 'Height', area: 'Area' };
const BOXES: BoxOverlay[] = ['off', 'aabb', 'obb'];
const RESOLUTIONS: Array<[number, number] | null> = [null, [1920, 1080], [3840, 2160], [1024, 1024]];
const AXES = ['x', 'y', 'z'] as const;

/** Clip box as fractions of the scene bounds per axis. */
type ClipFractions = Record<(typeof AXES)[number], [number, number]>;
const FULL: ClipFractions = { x: [0, 1], y: [0, 1], z: [0, 1] };

function download(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.dataset.testid = 'screenshot-link';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function ViewerPanel({ engine, colorMode, availableModes, onColorMode, selection, sceneVersion, views: viewStore, canComputeSuperpoints, computingSuperpoints }: ViewerPanelProps) {
  const selectable = (m: ColorMode) => availableModes.includes(m) || (m === 'superpoint' && !!canComputeSuperpoints);
  const [pointSize, setPointSize] = useState(1);
  const [edl, setEdl] = useState(false);
  const [camera, setCamera] = useState<CameraMode>('orbit');
  const [grid, setGrid] = useState(false);
  const [boxes, setBoxes] = useState<BoxOverlay>('off');
  const [tool, setTool] = useState<MeasureTool | null>(null);
  const [measure, setMeasure] = useState<MeasureResult | null>(null);
  const [budget, setBudget] = useState(() => engine.getPointBudget());
  const [resolution, setResolution] = useState(0);
  const [bounds, setBounds] = useState<Bounds | null>(null);
  const [clipAboveOn, setClipAboveOn] = useState(false);
  const [clipAbove, setClipAbove] = useState(1);
  const [clipBoxOn, setClipBoxOn] = useState(false);
  const [clipBox, setClipBox] = useState<ClipFractions>(FULL);
  const [hiddenCount, setHiddenCount] = useState(0);
  const [isolated, setIsolated] = useState(false);
  // The scene tree's eye toggles change these too: follow the engine.
  useEffect(
    () =>
      engine.onVisibility((v) => {
        setHiddenCount(v.hidden.length);
        setIsolated(v.isolated !== null);
      }),
    [engine],
  );
  const [showShortcuts, setShowShortcuts] = useState(false);

  useEffect(() => engine.onMeasure(setMeasure), [engine]);
  useEffect(() => setBounds(engine.getBounds()), [engine, sceneVersion]);
  useEffect(() => engine.setPointSize(pointSize), [engine, pointSize]);
  useEffect(() => engine.setEdl(edl), [engine, edl]);
  useEffect(() => engine.setCameraMode(camera), [engine, camera]);
  useEffect(() => engine.setGrid(grid), [engine, grid]);
  useEffect(() => engine.setBoxes(boxes), [engine, boxes]);
  useEffect(() => engine.setMeasureTool(tool), [engine, tool]);
  useEffect(() => engine.setPointBudget(budget), [engine, budget]);

  // Clip values are fractions of the bounds so the sliders mean the same in any scene.
  useEffect(() => {
    if (!bounds) return;
    const at = (axis: number, f: number) => bounds.min[axis]! + f * (bounds.max[axis]! - bounds.min[axis]!);
    engine.setClipAbove(clipAboveOn ? at(2, clipAbove) : null);
    engine.setClipBox(
      clipBoxOn
        ? { min: [at(0, clipBox.x[0]), at(1, clipBox.y[0]), at(2, clipBox.z[0])], max: [at(0, clipBox.x[1]), at(1, clipBox.y[1]), at(2, clipBox.z[1])] }
        : null,
    );
  }, [engine, bounds, clipAboveOn, clipAbove, clipBoxOn, clipBox]);

  const hideSelected = () => {
    const { hidden } = engine.getHidden();
    const next = [...new Set([...hidden, ...selection])];
    engine.setHidden(next);
    setHiddenCount(next.length);
  };
  const isolateSelected = () => {
    if (!selection.length) return;
    engine.isolate(selection);
    setIsolated(true);
  };
  const showAll = () => {
    engine.setHidden([]);
    engine.isolate(null);
    setHiddenCount(0);
    setIsolated(false);
  };
  const screenshot = () => {
    const r = RESOLUTIONS[resolution];
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="viewport-canvas"]');
    const w = r ? r[0] : Math.round((canvas?.clientWidth ?? 1280) * devicePixelRatio);
    const h = r ? r[1] : Math.round((canvas?.clientHeight ?? 720) * devicePixelRatio);
    download(engine.screenshot(w, h), `scenewright-${w}x${h}.png`);
  };
  const cycle = <T,>(list: readonly T[], value: T) => list[(list.indexOf(value) + 1) % list.length]!;

  useShortcuts({
    '?': () => setShowShortcuts((s) => !s),
    'shift+f': () => engine.fitToSelection(),
    ...Object.fromEntries(
      COLOR_MODES.map((m, i) => [String(i + 1), () => selectable(m) && onColorMode(m)]),
    ),
    v: () => setCamera((c) => cycle(CAMERAS, c)),
    e: () => setEdl((on) => !on),
    g: () => setGrid((on) => !on),
    b: () => setBoxes((k) => cycle(BOXES, k)),
    h: hideSelected,
    i: isolateSelected,
    u: showAll,
    m: () => setTool((t) => cycle(TOOLS, t)),
    '[': () => setPointSize((s) => Math.max(0.25, s / 1.25)),
    ']': () => setPointSize((s) => Math.min(6, s * 1.25)),
    p: screenshot,
    Escape: () => engine.clearMeasure(),
  });

  const fraction = (v: number) => Math.round(v * 100);
  const setBoxAxis = (axis: (typeof AXES)[number], end: 0 | 1, value: number) =>
    setClipBox((b) => {
      const pair: [number, number] = [...b[axis]];
      pair[end] = value;
      if (pair[0] > pair[1]) pair[end === 0 ? 1 : 0] = value;
      return { ...b, [axis]: pair };
    });

  return (
    <>
      <div className="viewer-panel" data-testid="viewer-panel">
        <label className="row">
          Colour
          <select data-testid="color-mode-select" value={colorMode} onChange={(e) => onColorMode(e.target.value as ColorMode)}>
            {COLOR_MODES.map((m) => (
              <option key={m} value={m} disabled={!availableModes.includes(m)}>
                {COLOR_MODE_NAMES[m]}
                {availableModes.includes(m) ? '' : ' (no data)'}
              </option>
            ))}
          </select>
        </label>
        {canComputeSuperpoints && !availableModes.includes('superpoint') && (
          <button type="button" data-testid="compute-superpoints" disabled={computingSuperpoints} onClick={() => onColorMode('superpoint')} title="Ask the host for this scene's superpoints, then colour by them (5)">
            {computingSuperpoints ? 'Computing superpoints…' : 'Compute superpoints'}
          </button>
        )}
        <label className="row">
          Size
          <input data-testid="point-size" type="range" min={0.25} max={6} step={0.05} value={pointSize} onChange={(e) => setPointSize(Number(e.target.value))} />
        </label>
        <label className="row">
          <input data-testid="edl-toggle" type="checkbox" checked={edl} onChange={(e) => setEdl(e.target.checked)} /> Eye-dome lighting
        </label>
        <div className="segmented" role="group" aria-label="Camera" data-testid="camera-mode">
          {CAMERAS.map((c) => (
            <button key={c} type="button" data-testid={`camera-${c}`} className={camera === c ? 'on' : ''} aria-pressed={camera === c} onClick={() => setCamera(c)}>
              {CAMERA_NAMES[c]}
            </button>
          ))}
        </div>
        <div className="row">
          <button type="button" data-testid="fit-scene" onClick={() => engine.fitToScene()} title="F">
            Fit scene
          </button>
          <button type="button" data-testid="fit-selection" onClick={() => engine.fitToSelection()} disabled={!selection.length} title="Shift+F">
            Fit selection
          </button>
        </div>
        {viewStore && <SavedViews engine={engine} {...viewStore} />}
        <details>
          <summary>Clip</summary>
          <label className="row">
            <input data-testid="clip-above-toggle" type="checkbox" checked={clipAboveOn} onChange={(e) => setClipAboveOn(e.target.checked)} /> Clip above
            <input
              data-testid="clip-above"
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={clipAbove}
              onChange={(e) => {
                setClipAbove(Number(e.target.value));
                setClipAboveOn(true);
              }}
            />
          </label>
          {bounds && clipAboveOn && <div className="hint">below {(bounds.min[2] + clipAbove * (bounds.max[2] - bounds.min[2])).toFixed(2)} m</div>}
          <label className="row">
            <input data-testid="clip-box-toggle" type="checkbox" checked={clipBoxOn} onChange={(e) => setClipBoxOn(e.target.checked)} /> Clip box
          </label>
          {clipBoxOn &&
            AXES.map((axis) => (
              <div className="row clip-axis" key={axis}>
                {axis}
                {([0, 1] as const).map((end) => (
                  <input
                    key={end}
                    data-testid={`clip-${axis}-${end ? 'max' : 'min'}`}
                    type="range"
                    min={0}
                    max={100}
                    value={fraction(clipBox[axis][end])}
                    onChange={(e) => setBoxAxis(axis, end, Number(e.target.value) / 100)}
                  />
                ))}
              </div>
            ))}
          <SectionPlanes engine={engine} bounds={bounds} sceneVersion={sceneVersion} />
        </details>
        <details>
          <summary>Show</summary>
          <div className="row">
            <button type="button" data-testid="hide-selected" onClick={hideSelected} disabled={!selection.length} title="H">
              Hide
            </button>
            <button type="button" data-testid="isolate-selected" onClick={isolateSelected} disabled={!selection.length} title="I">
              Isolate
            </button>
            <button type="button" data-testid="show-all" onClick={showAll} disabled={!hiddenCount && !isolated} title="U">
              Show all
            </button>
          </div>
          <label className="row">
            Boxes
            <select data-testid="boxes-select" value={boxes} onChange={(e) => setBoxes(e.target.value as BoxOverlay)}>
              <option value="off">off</option>
              <option value="aabb">axis-aligned</option>
              <option value="obb">oriented</option>
            </select>
          </label>
          <label className="row">
            <input data-testid="grid-toggle" type="checkbox" checked={grid} onChange={(e) => setGrid(e.target.checked)} /> Grid (1 m)
          </label>
        </details>
        <div className="segmented" role="group" aria-label="Measure" data-testid="measure-tool">
          {TOOLS.map((t) => (
            <button key={t ?? 'off'} type="button" data-testid={`measure-${t ?? 'off'}`} className={tool === t ? 'on' : ''} aria-pressed={tool === t} onClick={() => setTool(t)}>
              {t ? TOOL_NAMES[t] : 'Select'}
            </button>
          ))}
        </div>
        {tool && (
          <div className="measure-result" data-testid="measure-result">
            {measure?.text ?? ''}
          </div>
        )}
        <label className="row">
          Budget
          <select data-testid="point-budget" value={budget} onChange={(e) => setBudget(Number(e.target.value))}>
            {[...new Set([...POINT_BUDGETS, budget])].sort((a, b) => a - b).map((b) => (
              <option key={b} value={b}>
                {b >= 1e6 ? `${b / 1e6}M` : `${b / 1e3}k`} points
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <select data-testid="screenshot-size" value={resolution} onChange={(e) => setResolution(Number(e.target.value))} aria-label="Screenshot size">
            {RESOLUTIONS.map((r, i) => (
              <option key={i} value={i}>
                {r ? `${r[0]}×${r[1]}` : 'view size'}
              </option>
            ))}
          </select>
          <button type="button" data-testid="screenshot-button" onClick={screenshot} title="P">
            Screenshot
          </button>
          <button type="button" data-testid="shortcuts-button" onClick={() => setShowShortcuts(true)} title="?">
            ?
          </button>
        </div>
      </div>
      {showShortcuts && <ShortcutsOverlay onClose={() => setShowShortcuts(false)} />}
    </>
  );
}
