// Per-item tools of the Saved list: edit the answer (a new revision; Enter saves, Esc cancels) and
// show the item again (its viewpoint, and its evidence when it has the shape the Ask panel draws).
import { useState } from 'react';
import type { QaItem } from '../../app/contract';
import { parseEditedAnswer } from './ask-evidence';

export interface SavedItemToolsProps {
  item: QaItem;
  readOnly: boolean;
  onEditAnswer?(id: string, answer: QaItem['answer']): void;
  onShow?(item: QaItem): void;
}

/** An answer as the list shows it: metres to the centimetre, millimetres and counts whole. */
export function formatAnswer(answer: QaItem['answer'], unit: string): string {
  if (typeof answer !== 'number') return answer;
  return unit === 'm' ? answer.toFixed(2) : String(Math.round(answer * 1000) / 1000);
}

export function SavedItemTools({ item, readOnly, onEditAnswer, onShow }: SavedItemToolsProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const commit = () => {
    if (draft === null) return;
    const answer = parseEditedAnswer(draft, item.answer);
    if (answer === null) {
      setBad(true);
      return;
    }
    if (answer !== item.answer) onEditAnswer?.(item.id, answer);
    setDraft(null);
    setBad(false);
  };
  return (
    <>
      {onShow && item.viewpoint && (
        <button type="button" className="small" data-testid="saved-show" onClick={() => onShow(item)} title="Go to the viewpoint it was asked from and draw its evidence">
          View
        </button>
      )}
      {onEditAnswer && draft === null && (
        <button type="button" className="small" data-testid="saved-edit" disabled={readOnly} onClick={() => setDraft(formatAnswer(item.answer, item.unit))} title="Edit the answer (keeps the earlier revision)">
          Edit
        </button>
      )}
      {draft !== null && (
        <input
          className={`saved-edit${bad ? ' invalid' : ''}`}
          data-testid="saved-edit-input"
          aria-label="Edited answer"
          aria-invalid={bad}
          title={typeof item.answer === 'number' ? 'A number' : 'The answer text'}
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => setDraft(null)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            else if (e.key === 'Escape') setDraft(null);
          }}
        />
      )}
    </>
  );
}
