// Properties of the selected instances, measured from the points the viewer holds: label, point
// count, axis-aligned and oriented box sizes, centroid (metres, z up).
import { useMemo } from 'react';
import type { InstanceInfo } from '../../app/contract';
import type { InstanceProperties, Viewport } from '../viewport/viewport';

const m = (v: number) => v.toFixed(2);
const triple = (v: readonly number[]) => v.map(m).join(' × ');
const point = (v: readonly number[]) => `(${v.map(m).join(', ')})`;

export function PropertiesPanel({ engine, selection, instances }: { engine: Viewport | null; selection: number[]; instances: InstanceInfo[] }) {
  // The oriented box reads every point of the scene once per instance: only when the selection changes.
  const rows = useMemo(
    () =>
      (engine ? selection : [])
        .map((id) => ({ info: instances.find((i) => i.id === id), props: engine!.instanceProperties(id) }))
        .filter((r): r is { info: InstanceInfo | undefined; props: InstanceProperties } => r.props !== null),
    [engine, selection, instances],
  );
  if (!rows.length) return null;
  const total = rows.reduce((sum, r) => sum + r.props.pointCount, 0);
  return (
    <section className="panel properties-panel" aria-label="Properties" data-testid="properties-panel">
      <h2>Properties</h2>
      {rows.length > 1 && (
        <div className="hint" data-testid="properties-summary" data-count={rows.length} data-points={total}>
          {rows.length} selected · {total.toLocaleString('en-US')} points
        </div>
      )}
      {rows.map(({ info, props: p }) => (
        <dl key={p.id} data-testid={`properties-${p.id}`}>
          <dt>label</dt>
          <dd data-testid="prop-label">
            {info?.label ?? '—'} #{p.id}
          </dd>
          <dt>points</dt>
          <dd data-testid="prop-points">{p.pointCount.toLocaleString('en-US')}</dd>
          <dt>box (m)</dt>
          <dd data-testid="prop-aabb" data-value={JSON.stringify(p.size)}>
            {triple(p.size)}
          </dd>
          <dt>oriented (m)</dt>
          <dd data-testid="prop-obb" data-value={p.obb ? JSON.stringify(p.obb.size) : ''}>
            {p.obb ? `${triple(p.obb.size)}, yaw ${((p.obb.yaw * 180) / Math.PI).toFixed(0)}°` : '—'}
          </dd>
          <dt>centroid</dt>
          <dd data-testid="prop-centroid" data-value={JSON.stringify(p.centroid)}>
            {point(p.centroid)}
          </dd>
        </dl>
      ))}
    </section>
  );
}
