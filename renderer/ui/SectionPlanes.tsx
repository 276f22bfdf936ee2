// Section planes in the viewer's Clip group: add a plane facing the camera or across an axis
// through the scene centre, slide it along its normal, flip which side is cut, remove it. Several
// planes cut at once; the engine applies them to drawing and picking alike.
import { useEffect, useState } from 'react';
import { MAX_SECTION_PLANES } from '../viewport/point-materials';
import { flipPlane, offsetPlane, viewPlane } from '../viewport/section-planes';
import type { Bounds, SectionPlane, Vec3, Viewport } from '../viewport/viewport';

interface PlaneRow {
  key: number;
  /** The plane as added (through the scene centre); `offset` slides it along its normal. */
  base: SectionPlane;
  offset: number;
}

const AXIS_NORMALS: Record<'x' | 'y' | 'z', Vec3> = { x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };

export function SectionPlanes({ engine, bounds, sceneVersion }: { engine: Viewport; bounds: Bounds | null; sceneVersion: number }) {
  const [rows, setRows] = useState<PlaneRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  useEffect(() => setRows([]), [sceneVersion]);
  useEffect(() => engine.setSectionPlanes(rows.map((r) => offsetPlane(r.base, r.offset))), [engine, rows]);
  if (!bounds) return null;
  const centre: Vec3 = [0, 1, 2].map((k) => (bounds.min[k]! + bounds.max[k]!) / 2) as Vec3;
  const reach = Math.max(0.5, Math.hypot(...[0, 1, 2].map((k) => bounds.max[k]! - bounds.min[k]!)) / 2);
  const add = (base: SectionPlane) => {
    setRows((r) => [...r, { key: nextKey, base, offset: 0 }]);
    setNextKey((k) => k + 1);
  };
  const update = (key: number, change: (r: PlaneRow) => PlaneRow) => setRows((rs) => rs.map((r) => (r.key === key ? change(r) : r)));
  const full = rows.length >= MAX_SECTION_PLANES;
  return (
    <div className="section-planes" data-testid="section-planes">
      <div className="row">
        Section
        <button
          type="button"
          data-testid="section-add-view"
          disabled={full}
          title="A plane through the scene centre facing the camera: cuts away the near half"
          onClick={() => {
            const v = engine.getViewpoint();
            add(viewPlane(v.position, v.target, centre));
          }}
        >
          + view
        </button>
        {(['x', 'y', 'z'] as const).map((axis) => (
          <button key={axis} type="button" data-testid={`section-add-${axis}`} disabled={full} title={`A plane across ${axis} through the scene centre`} onClick={() => add({ point: centre, normal: AXIS_NORMALS[axis] })}>
            + {axis}
          </button>
        ))}
      </div>
      {rows.map((r, i) => (
        <div className="row section-plane" key={r.key} data-testid={`section-plane-${i}`}>
          <input
            data-testid={`section-offset-${i}`}
            type="range"
            min={-reach}
            max={reach}
            step={reach / 200}
            value={r.offset}
            title={`${r.offset.toFixed(2)} m along the normal`}
            onChange={(e) => update(r.key, (x) => ({ ...x, offset: Number(e.target.value) }))}
          />
          <button type="button" data-testid={`section-flip-${i}`} title="Cut the other side away" onClick={() => update(r.key, (x) => ({ ...x, base: flipPlane(x.base), offset: -x.offset }))}>
            flip
          </button>
          <button type="button" data-testid={`section-remove-${i}`} title="Remove this plane" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
