import type { QaItem } from '../../app/contract';
import { formatAnswer, SavedItemTools } from './SavedItemTools';

type Status = QaItem['status'];

interface Props {
  items: QaItem[];
  readOnly: boolean;
  onSetStatus(id: string, status: Status): void;
  onEditAnswer?(id: string, answer: QaItem['answer']): void;
  onShow?(item: QaItem): void;
}

export function SavedList({ items, readOnly, onSetStatus, onEditAnswer, onShow }: Props) {
  const button = (item: QaItem, status: Status, text: string) => (
    <button
      type="button"
      className="small"
      data-testid={`set-${status}`}
      disabled={readOnly || item.status === status}
      onClick={() => onSetStatus(item.id, status)}
    >
      {text}
    </button>
  );
  return (
    <section className="panel saved-panel" aria-label="Saved items">
      <h2>
        Saved <span className="count">{items.length}</span>
      </h2>
      <ol className="saved-list" data-testid="saved-list">
        {items.map((item) => (
          <li key={item.id} className="saved-item" data-testid="saved-item" data-id={item.id} data-status={item.status} data-kind={item.kind} data-viewpoint={item.viewpoint ? '1' : '0'}>
            <div className="question">{item.question}</div>
            <div className="answer">
              <strong>
                {formatAnswer(item.answer, item.unit)} {item.unit}
              </strong>
              <span className={`status ${item.status}`} data-testid="item-status">
                {item.status}
                {item.revision > 1 && <span title="Each edit keeps the earlier revisions"> · rev {item.revision}</span>}
              </span>
              {button(item, 'verified', 'Verify')}
              {button(item, 'rejected', 'Reject')}
              <SavedItemTools item={item} readOnly={readOnly} {...(onEditAnswer ? { onEditAnswer } : {})} {...(onShow ? { onShow } : {})} />
            </div>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="hint">Nothing saved for this scene yet.</p>}
    </section>
  );
}
