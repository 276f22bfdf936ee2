// The Ask box: a typed question, or a question type over the selection; the answer with its numbers,
// a request to click an object when a reference is ambiguous, or why the question is not supported.
// `/` or Enter (outside a field or button) puts the cursor in the box.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AskType } from '../../app/contract';
import { CLICK_TYPES, clarifyPrompt } from './ask-evidence';
import type { AskActions, AskPhase } from './use-ask';

export interface AskPanelProps {
  phase: AskPhase;
  actions: AskActions;
  selectionCount: number;
  readOnly: boolean;
  enabled: boolean;
}

const INTERACTIVE = ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'];

export function AskPanel({ phase, actions, selectionCount, readOnly, enabled }: AskPanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [type, setType] = useState<AskType>('distance');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (e.key !== '/' && e.key !== 'Enter') return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || INTERACTIVE.includes(t.tagName))) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q) actions.askText(q);
  };

  return (
    <section className="panel ask-panel" aria-label="Ask">
      <h2>Ask</h2>
      <form className="ask-form" onSubmit={submit}>
        <input
          ref={input}
          type="text"
          data-testid="ask-input"
          placeholder="how far is the sofa from the tv?  ( / )"
          value={text}
          disabled={!enabled}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.currentTarget.blur();
              actions.discard();
            }
          }}
        />
        <button type="submit" data-testid="ask-submit" disabled={!enabled || text.trim() === ''}>
          Ask
        </button>
      </form>
      <div className="ask-by-click">
        <select data-testid="ask-type" value={type} disabled={!enabled} onChange={(e) => setType(e.target.value as AskType)} title="Ask about the selected objects (A, B) from the current view">
          {CLICK_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="ask-type-submit" disabled={!enabled} onClick={() => actions.askType(type)} title={`Needs ${CLICK_TYPES.find((t) => t.type === type)?.needs ?? 'a selection'}; ${selectionCount} selected`}>
          Ask
        </button>
      </div>
      <AskResultView phase={phase} actions={actions} readOnly={readOnly} />
    </section>
  );
}

function AskResultView({ phase, actions, readOnly }: { phase: AskPhase; actions: AskActions; readOnly: boolean }) {
  switch (phase.kind) {
    case 'idle':
      return <p className="hint">Type a question, or select objects and pick a question type.</p>;
    case 'review':
      return (
        <div className="ask-result" data-testid="ask-result" data-kind="review">
          <div className="question">{phase.item.question}</div>
          <div className="ask-value">
            {String(phase.item.answer)} {phase.item.unit}
          </div>
          <button type="button" className="small" onClick={actions.discard}>
            Done
          </button>
        </div>
      );
    case 'shown':
      return (
        <div className="ask-result" data-testid="ask-result" data-kind="shown">
          <div className="question">{phase.caption}</div>
          <button type="button" className="small" onClick={actions.discard} title="Clear the drawing (Esc)">
            Done
          </button>
        </div>
      );
    case 'asking':
      return (
        <div className="ask-result" data-testid="ask-result" data-kind="asking">
          Asking…
        </div>
      );
    case 'unsupported':
      return (
        <div className="ask-result ask-unsupported" data-testid="ask-result" data-kind="unsupported">
          <span data-testid="ask-unsupported">{phase.reason}</span>
          <button type="button" className="small" onClick={actions.discard}>
            OK
          </button>
        </div>
      );
    case 'clarify':
      return (
        <div className="ask-result ask-clarify" data-testid="ask-result" data-kind="clarify">
          <div data-testid="ask-clarify" data-role={phase.clarify.role} data-candidates={phase.clarify.candidates.join(',')}>
            {clarifyPrompt(phase.clarify.phrase)}
          </div>
          <div className="evidence">{phase.clarify.reason}</div>
          {phase.note && <div className="ask-note">{phase.note}</div>}
          <button type="button" className="small" data-testid="ask-cancel" onClick={actions.discard} title="Esc">
            Cancel
          </button>
        </div>
      );
    case 'answer': {
      const { answer } = phase;
      const e = answer.evidence;
      const first = e.segments[0];
      return (
        <div className="ask-result ask-answer" data-testid="ask-result" data-kind="answer">
          <div className="question">{answer.question}</div>
          <div className="ask-value" data-testid="ask-answer" data-value={String(answer.value)} data-unit={answer.unit} data-exact={first ? String(first.length) : ''} data-type={answer.query.type}>
            {answer.text}
          </div>
          {answer.groundedBy && (
            <p className="hint" data-testid="ask-grounded-by" data-grounded-by={answer.groundedBy} title={answer.groundedReason}>
              read by the {answer.groundedBy === 'model' ? 'language model' : 'grammar parser'}
            </p>
          )}
          <ul className="evidence ask-evidence">
            {first && <li>{first.kind === 'centre' ? 'centre to centre' : 'closest points'}: {first.length.toFixed(3)} m</li>}
            {e.fan && (
              <li>
                θ = {e.fan.theta.toFixed(1)}°, sector [{e.fan.bin[0]}°, {e.fan.bin[1]}°)
              </li>
            )}
            {e.criteria.map((c) => (
              <li key={c.name}>
                {c.name}: {c.value.toFixed(3)} {c.op} {c.threshold} {c.unit} {c.pass ? '✓' : '✗'}
              </li>
            ))}
            {e.margin && (
              <li title={e.margin.boundary}>
                margin {e.margin.value.toFixed(e.margin.unit === 'deg' ? 1 : 3)} {e.margin.unit} ({e.margin.boundary})
              </li>
            )}
          </ul>
          <div className="actions">
            <button type="button" className="primary" data-testid="ask-save" disabled={readOnly || phase.saved} onClick={() => void actions.save()} title="Save as a verified QA item, with the viewpoint it was asked from">
              {phase.saved ? 'Saved' : 'Save'}
            </button>
            <button type="button" data-testid="ask-discard" onClick={actions.discard} title="Discard the answer (Esc)">
              Discard
            </button>
          </div>
        </div>
      );
    }
  }
}
