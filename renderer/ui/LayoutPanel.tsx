// The Layout tab: an instruction box (Enter previews, Esc rejects, Ctrl+Enter applies), which parser
// read it, what it was grounded to, the diff (each object's move in cm and turn in degrees, every
// rule with its margin, the ones that limited the placement marked), Apply / Reject, the refusal as
// a message, the versions leading to the current layout with Restore, and the exports.
import { useEffect, useRef, type FormEvent } from 'react';
import type { LayoutPreview } from '../../app/contract';
import { constraintText, diffRow, parserName } from './layout-diff';
import { useLayout, type LayoutActions, type LayoutState, type UseLayoutOptions } from './use-layout';

export interface LayoutPanelProps {
  state: LayoutState;
  actions: LayoutActions;
  enabled: boolean;
  readOnly: boolean;
}

function Grounding({ p }: { p: LayoutPreview }) {
  const g = p.grounding;
  if (!g) return null;
  const parts = [`${g.target.category} #${g.target.id}`, g.relation.replace(/_/g, ' ')];
  if (g.reference) parts.push(`${g.reference.category} #${g.reference.id}`);
  if (g.reference2) parts.push(`and ${g.reference2.category} #${g.reference2.id}`);
  if (g.amount) parts.push(`${Math.round(g.amount.metres * 100)} cm`);
  if (g.degrees !== null) parts.push(`${g.degrees}°`);
  return (
    <p className="layout-grounding" data-testid="layout-grounding">
      {parts.join(' · ')}
      {g.frame === 'viewer' ? ' (from your view)' : ''}
    </p>
  );
}

export function LayoutPanel({ state, actions, enabled, readOnly }: LayoutPanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const { preview: p, list, busy } = state;
  const canApply = !!p?.previewId && !readOnly && !busy;

  // Opening the tab puts the cursor in the box.
  useEffect(() => input.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.preview();
  };

  return (
    <section className="panel layout-panel" aria-label="Layout" data-testid="layout-panel">
      <h2>Layout</h2>
      <form className="layout-form" onSubmit={submit}>
        <input
          ref={input}
          type="text"
          data-testid="layout-input"
          placeholder="move the armchair 50 cm to the left of the bed"
          value={state.text}
          disabled={!enabled}
          onChange={(e) => actions.setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') actions.reject();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canApply) {
              e.preventDefault();
              void actions.apply();
            }
          }}
        />
        <button type="submit" data-testid="layout-preview" disabled={!enabled || busy || !state.text.trim()} title="Preview the edit (Enter)">
          Preview
        </button>
      </form>
      {p && (
        <div className="layout-result" data-testid="layout-result" data-status={p.status}>
          <p className="hint" data-testid="layout-parser" title={p.parserReason}>
            read by the {parserName(p.parser)} · {p.ms.toFixed(0)} ms
          </p>
          <Grounding p={p} />
          {p.status !== 'edited' && (
            <p className="layout-refusal" role="alert" data-testid="layout-refusal">
              {p.status === 'refused' ? 'Refused: ' : p.status === 'ambiguous' ? 'Which one? ' : p.status === 'not_found' ? 'Not found: ' : 'Not understood: '}
              {p.reason}
              {p.candidates.length > 0 && ` (${p.candidates.map((c) => `${c.category} #${c.id}`).join(', ')}; select one and say "it")`}
            </p>
          )}
          {p.status === 'edited' && (
            <>
              <p className="layout-describe">{p.describe}</p>
              <ul className="layout-diff" data-testid="layout-diff">
                {p.changes.map((c) => {
                  const row = diffRow(c);
                  return (
                    <li key={c.id} data-testid="layout-diff-row" data-cm={row.cm ?? ''} data-degrees={row.degrees ?? ''}>
                      <strong>{row.object}</strong> {row.move}
                      {row.turn && `, ${row.turn}`}
                      {row.carried && <span className="hint"> (carried)</span>}
                    </li>
                  );
                })}
              </ul>
              {p.moves.map((m) => (
                <div key={m.id} className="layout-rules">
                  <p className={m.relation.holds ? 'layout-holds' : 'layout-refusal'}>{m.relation.measured}</p>
                  <ul data-testid="layout-constraints">
                    {m.constraints.map((c) => (
                      <li key={c.name} className={c.pass ? (c.active ? 'active' : '') : 'failed'} title={c.detail}>
                        {c.active ? '● ' : '○ '}
                        {constraintText(c)}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              <p className="hint" data-testid="layout-ghost" data-points={state.ghostPoints}>
                ghost: {state.ghostPoints.toLocaleString()} points · ● limited the placement
              </p>
              <div className="actions">
                <button type="button" className="primary" data-testid="layout-apply" disabled={!canApply} onClick={() => void actions.apply()} title="Apply as a new layout version (Ctrl+Enter); Ctrl+Z undoes">
                  Apply
                </button>
                <button type="button" data-testid="layout-reject" onClick={actions.reject} title="Drop the preview (Esc)">
                  Reject
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <h3>Versions</h3>
      {list && list.versions.length === 0 && <p className="hint">The scan's own layout; no edit applied yet ({list.objects} objects).</p>}
      <ol className="layout-versions" data-testid="layout-versions">
        {list?.versions.map((v) => (
          <li key={v.id} data-testid="layout-version" data-current={v.id === list.currentId ? '1' : '0'} className={v.id === list.currentId ? 'current' : ''}>
            <span className="label">
              v{v.version} {v.label}
              {v.moved > 0 && <span className="hint"> · {v.moved} moved</span>}
            </span>
            {v.id === list.currentId ? (
              <span className="hint">current</span>
            ) : (
              <button type="button" data-testid="layout-restore" disabled={readOnly || busy} onClick={() => void actions.restore(v.id)} title="Make this the current layout (a new version; Ctrl+Z undoes)">
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="actions layout-export">
        <span className="hint">Export</span>
        <button type="button" data-testid="layout-export-ply" disabled={!enabled || busy} onClick={() => void actions.exportAs('ply')} title="The scan with the moved points (binary PLY with instance ids)">
          PLY
        </button>
        <button type="button" data-testid="layout-export-spatiallm" disabled={!enabled || busy} onClick={() => void actions.exportAs('spatiallm')} title="The layout as SpatialLM text">
          SpatialLM
        </button>
        <button type="button" data-testid="layout-export-json" disabled={!enabled || busy} onClick={() => void actions.exportAs('json')} title="The layout document as JSON">
          JSON
        </button>
      </div>
      {state.exported && (
        <p className="hint" data-testid="layout-exported">
          {state.exported.file} ({state.exported.bytes.toLocaleString()} bytes)
        </p>
      )}
    </section>
  );
}

/** The tab as App mounts it: its own state, dropped when the tab closes (the ghost with it). */
export function LayoutSide(props: UseLayoutOptions & { enabled: boolean }) {
  const [state, actions] = useLayout(props);
  return <LayoutPanel state={state} actions={actions} enabled={props.enabled} readOnly={props.readOnly} />;
}
