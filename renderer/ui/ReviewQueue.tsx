// The Review tab of the side panel: generate questions for the current scene, then walk the drafts
// with the keyboard (A accept, R reject, E edit the answer, J/K next/previous) while focus is in the
// queue, accept everything the type filter shows, and see progress and statistics.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Client, GenerateQuestionsResult, QaItem } from '../../app/contract';
import { QUESTION_TYPES } from '../../app/qa/vsibench/questions';
import { parseEditedAnswer, reviewCommand, type ReviewCommand } from './review-keys';
import { StatsPanel } from './StatsPanel';

export type SideTab = 'work' | 'review' | 'layout' | 'audit';

export function SideTabs({ tab, onTab }: { tab: SideTab; onTab(tab: SideTab): void }) {
  const button = (t: SideTab, text: string) => (
    <button type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} data-testid={`side-tab-${t}`} onClick={() => onTab(t)}>
      {text}
    </button>
  );
  return (
    <div className="side-tabs" role="tablist">
      {button('work', 'Workbench')}
      {button('review', 'Review')}
      {button('layout', 'Layout')}
      {button('audit', 'Audit')}
    </div>
  );
}

interface Props {
  client: Client;
  sceneId: string | null;
  readOnly: boolean;
  onError(err: unknown): void;
  /** Changes whenever saved work changed elsewhere (undo, redo): the queue reloads. */
  savedVersion: unknown;
}

/** The queue page size; "Accept all shown" takes at most this many. */
const PAGE = 200;

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
/** Drop counts summed over types, largest first: "over_quota ×812, not_unique ×40". */
const byRule = (s: GenerateQuestionsResult) => {
  const sums = new Map<string, number>();
  for (const d of s.dropped) sums.set(d.rule, (sums.get(d.rule) ?? 0) + d.count);
  return [...sums].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ×${n}`);
};
const answerText = (item: QaItem) => `${item.answer}${item.unit ? ` ${item.unit}` : ''}`;

export function ReviewSide(props: Props) {
  const { client, sceneId, readOnly, onError, savedVersion } = props;
  const [type, setType] = useState('');
  const [items, setItems] = useState<QaItem[]>([]);
  const [total, setTotal] = useState(0);
  const [current, setCurrent] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ reviewed: number; total: number }>({ reviewed: 0, total: 0 });
  const [summary, setSummary] = useState<GenerateQuestionsResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const listRef = useRef<HTMLOListElement | null>(null);

  const load = useCallback(async () => {
    if (!sceneId) return;
    const [page, stats] = await Promise.all([
      client.listQaItems({ sceneId, status: 'draft', origin: 'generated', order: 'oldest', limit: PAGE, ...(type ? { kinds: [type as QaItem['kind']] } : {}) }),
      client.qaStats({ sceneId }),
    ]);
    setItems(page.items);
    setTotal(page.total);
    setCurrent((c) => Math.min(c, Math.max(0, page.items.length - 1)));
    const p = stats.progress.find((x) => x.sceneId === sceneId);
    setProgress({ reviewed: p?.reviewed ?? 0, total: p?.total ?? 0 });
    setVersion((v) => v + 1);
  }, [client, sceneId, type]);

  useEffect(() => {
    load().catch(onError);
  }, [load, onError, savedVersion]);

  // Opening the tab puts focus in the queue, so its keys work at once.
  useEffect(() => listRef.current?.focus(), []);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current, items]);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      await load();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const generate = () =>
    run(async () => {
      if (!sceneId) return;
      setSummary(await client.generateQuestions({ sceneId }));
    });
  const review = (ids: string[], action: 'accept' | 'reject') => run(() => client.reviewQaItems({ ids, action }));
  const saveEdit = (item: QaItem, text: string) => {
    const answer = parseEditedAnswer(text, item.answer);
    if (answer === null) return onError(new Error(`"${text}" is not a valid answer${typeof item.answer === 'number' ? ' (a number is expected)' : ''}`));
    setEditing(null);
    void run(() => client.updateQaItem({ id: item.id, changes: { answer } })).then(() => listRef.current?.focus());
  };

  const command = (c: ReviewCommand) => {
    const item = items[current];
    if (c === 'next') return setCurrent((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
    if (c === 'previous') return setCurrent((i) => Math.max(i - 1, 0));
    if (!item || readOnly || busy) return;
    if (c === 'edit') return setEditing(item.id);
    void review([item.id], c === 'accept' ? 'accept' : 'reject');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const c = reviewCommand({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, typing: isTyping(e.target) });
    if (!c || e.repeat) return;
    // The queue owns these keys while it has focus: the viewer's shortcuts on the same letters stay quiet.
    e.preventDefault();
    e.stopPropagation();
    command(c);
  };

  return (
    <>
      <section className="panel review-panel" aria-label="Review queue" data-own-keys="review" onKeyDown={onKeyDown}>
        <h2>
          Review <span className="count" data-testid="review-progress">{`${progress.reviewed} / ${progress.total} reviewed`}</span>
        </h2>
        <div className="review-tools">
          <button type="button" data-testid="generate-questions" disabled={!sceneId || readOnly || busy} onClick={() => void generate()}>
            Generate questions
          </button>
          <select aria-label="Question type" data-testid="review-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">all types</option>
            {QUESTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <button type="button" data-testid="accept-all" disabled={readOnly || busy || items.length === 0} onClick={() => void review(items.map((i) => i.id), 'accept')}>
            Accept all shown ({items.length})
          </button>
        </div>
        {summary && (
          <p className="hint" data-testid="generate-summary">
            Added {summary.created} questions; {summary.droppedTotal} candidates dropped ({byRule(summary).join(', ')}).
          </p>
        )}
        <ol className="review-list" ref={listRef} tabIndex={0} role="listbox" aria-label="Draft questions" data-testid="review-list" data-version={version}>
          {items.map((item, i) => (
            <li
              key={item.id}
              role="option"
              aria-selected={i === current}
              className={`review-item${i === current ? ' current' : ''}`}
              data-testid="review-item"
              data-id={item.id}
              data-kind={item.kind}
              onClick={() => setCurrent(i)}
            >
              <div className="question">{item.question}</div>
              {editing === item.id ? (
                <input
                  autoFocus
                  className="answer-edit"
                  data-testid="review-answer-edit"
                  defaultValue={String(item.answer)}
                  onKeyDown={(e) => {
                    e.stopPropagation();
                    if (e.key === 'Enter') saveEdit(item, e.currentTarget.value);
                    if (e.key === 'Escape') {
                      setEditing(null);
                      listRef.current?.focus();
                    }
                  }}
                />
              ) : (
                <div className="answer">
                  <strong data-testid="review-answer">{answerText(item)}</strong> <span className="hint">{item.kind}</span>
                </div>
              )}
            </li>
          ))}
        </ol>
        <p className="hint">
          {items.length === 0 ? (progress.total === 0 ? 'No generated questions yet for this scene.' : 'Nothing left to review here.') : `${total} drafts${total > items.length ? `, first ${items.length} shown` : ''}.`} Keys
          while the list has focus: A accept, R reject, E edit (Enter saves, Esc cancels), J / K next / previous.
        </p>
      </section>
      <StatsPanel client={client} sceneId={sceneId} type={type} version={version} onError={onError} />
    </>
  );
}
