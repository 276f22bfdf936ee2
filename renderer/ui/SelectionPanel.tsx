import type { DistanceResult, InstanceInfo } from '../../app/contract';
import { describeDistance, instanceName } from './distance-qa';

export interface SelectionPanelProps {
  a: InstanceInfo | null;
  b: InstanceInfo | null;
  distance: DistanceResult | null;
  canSave: boolean;
  onSave(): void;
  onClear(): void;
}

export function SelectionPanel({ a, b, distance, canSave, onSave, onClear }: SelectionPanelProps) {
  return (
    <section className="panel selection-panel" aria-label="Selection">
      <h2>Selection</h2>
      <dl className="pair">
        <dt className="slot-a">A</dt>
        <dd data-testid="selection-a" data-id={a?.id ?? ''}>
          {a ? instanceName(a) : <span className="hint">click an object</span>}
        </dd>
        <dt className="slot-b">B</dt>
        <dd data-testid="selection-b" data-id={b?.id ?? ''}>
          {b ? instanceName(b) : <span className="hint">{a ? 'click a second object' : '—'}</span>}
        </dd>
      </dl>
      <div className="distance" data-testid="distance-value" data-value={distance?.distance ?? ''}>
        {distance && a && b ? describeDistance(a, b, distance) : a && b ? 'Measuring…' : ''}
      </div>
      {distance && (
        <div className="evidence">centre to centre {distance.centerDistance.toFixed(2)} m</div>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="save-button" disabled={!canSave} onClick={onSave} title="Save as a verified QA item (S)">
          Save
        </button>
        <button type="button" onClick={onClear} disabled={!a} title="Clear selection (Esc)">
          Clear
        </button>
      </div>
    </section>
  );
}
