// Frame statistics over the viewport: frame time, points drawn against the budget, the ONNX
// execution provider, and a scale bar. Updated a few times a second, not every frame.
import { useEffect, useState } from 'react';
import type { FrameStats, Viewport } from '../viewport/viewport';
import { formatMetres, scaleBarLength } from './scale-bar';

const REFRESH_MS = 250;
const fmt = (n: number) => n.toLocaleString('en-US');

export function ViewerStatus({ engine, executionProvider }: { engine: Viewport; executionProvider: string | null }) {
  const [stats, setStats] = useState<FrameStats>(() => engine.stats());
  useEffect(() => {
    let last = 0;
    let pending = 0;
    const off = engine.onStats((s) => {
      const now = performance.now();
      window.clearTimeout(pending);
      if (now - last >= REFRESH_MS) {
        last = now;
        setStats(s);
      } else {
        // The last frame of a burst is always shown.
        pending = window.setTimeout(() => setStats(engine.stats()), REFRESH_MS);
      }
    });
    return () => {
      off();
      window.clearTimeout(pending);
    };
  }, [engine]);
  const bar = scaleBarLength(stats.metresPerPixel, 120);
  return (
    <div className="viewer-status" data-testid="frame-stats">
      <span data-testid="frame-time">{stats.frameMs.toFixed(1)} ms</span>
      <span data-testid="points-drawn">
        {fmt(stats.pointsDrawn)} / {fmt(stats.pointCount)} pts
      </span>
      <span data-testid="point-budget-shown">budget {fmt(stats.budget)}</span>
      <span>EP: {executionProvider ?? '…'}</span>
      {bar && (
        <span className="scale-bar" data-testid="scale-bar">
          <span className="scale-bar-line" style={{ width: `${bar.px}px` }} />
          {formatMetres(bar.metres)}
        </span>
      )}
    </div>
  );
}
