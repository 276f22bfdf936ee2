// The Segment panel: "Segment scene" with its progress and Cancel, then the editing tools for the
// draft (merge, split, relabel, accept, discard). What clicks do while editing is said in the hint.
import { useEffect, useState } from 'react';
import type { SegmentationActions, SegmentationState } from './use-segmentation';

export interface SegmentPanelProps {
  state: SegmentationState;
  actions: SegmentationActions;
  enabled: boolean;
  readOnly: boolean;
}

export function SegmentPanel({ state, actions, enabled, readOnly }: SegmentPanelProps) {
  const { draft, selected, job, progress, busy, editing } = state;
  const first = draft?.instances.find((i) => i.id === selected[0]);
  const [label, setLabel] = useState('');
  useEffect(() => setLabel(first?.label ?? ''), [first?.id, first?.label]);
  const canEdit = !!draft && !busy && !job;

  return (
    <section className="panel segment-panel" aria-label="Segmentation" data-testid="segment-panel" data-editing={editing ? '1' : '0'} data-busy={busy || !!job ? '1' : '0'}>
      <h2>
        Segmentation {draft && <span className="count" data-testid="segment-count">{draft.instances.length}</span>}
      </h2>
      {!draft && (
        <div className="actions">
          <button type="button" className="primary" data-testid="segment-button" disabled={!enabled || !!job} onClick={() => void actions.segment()} title="Split the scene into objects (model, else the geometric fallback)">
            Segment scene
          </button>
          <button type="button" data-testid="segment-click-mode" disabled={!enabled || !!job || editing} onClick={actions.startClicking} title="Make objects by clicking them, without segmenting first">
            Click objects
          </button>
        </div>
      )}
      {job && (
        <div className="progress" data-testid="segment-progress">
          <progress max={progress && progress.total > 0 ? progress.total : undefined} value={progress && progress.total > 0 ? progress.done : undefined} />
          <span>{progress?.label ?? 'Segmenting…'}</span>
          <button type="button" data-testid="segment-cancel" onClick={() => void actions.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {draft && (
        <>
          <p className="hint" data-testid="segment-origin">
            {draft.origin === 'empty' ? 'Objects by click' : draft.origin === 'model' ? 'Model output' : 'Geometric fallback'} · {draft.modelVersion} · not stored yet
          </p>
          <p className="hint">Click: new object · Shift+click: add / remove a superpoint of the selected object · list: select several</p>
          <div className="segment-selection" data-testid="segment-selection" data-selected={selected.join(',')}>
            {selected.length === 0 ? 'nothing selected' : `${selected.length} selected${first ? `: ${first.label} #${first.id}` : ''}`}
          </div>
          <div className="actions">
            <button type="button" data-testid="segment-merge" disabled={!canEdit || selected.length < 2} onClick={() => void actions.merge()} title="Merge the selected objects (Shift+M)">
              Merge
            </button>
            <button type="button" data-testid="segment-split" disabled={!canEdit || selected.length !== 1} onClick={() => void actions.split()} title="Split into connected parts, or at a support plane (Shift+K)">
              Split
            </button>
          </div>
          <div className="actions">
            <select data-testid="segment-label" aria-label="Label" value={label} disabled={!canEdit || selected.length === 0} onChange={(e) => setLabel(e.target.value)} title="Label (L)">
              {!draft.labels.includes(label) && <option value={label}>{label || '—'}</option>}
              {draft.labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
            <button type="button" data-testid="segment-relabel" disabled={!canEdit || selected.length === 0 || !draft.labels.includes(label)} onClick={() => void actions.relabel(label)}>
              Relabel
            </button>
          </div>
          <div className="actions">
            <button type="button" className="primary" data-testid="segment-accept" disabled={!canEdit || readOnly} onClick={() => void actions.accept()} title="Store the objects (Shift+C); Ctrl+Z undoes">
              Accept
            </button>
            <button type="button" data-testid="segment-discard" disabled={busy} onClick={() => void actions.discard()} title="Drop the draft (Shift+X)">
              Discard
            </button>
          </div>
        </>
      )}
      {!draft && editing && (
        <div className="actions">
          <span className="hint">Click an object in the view</span>
          <button type="button" data-testid="segment-discard" onClick={() => void actions.discard()}>
            Stop
          </button>
        </div>
      )}
    </section>
  );
}
