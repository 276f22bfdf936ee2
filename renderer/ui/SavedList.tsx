import type { QaItem } from '../../app/contract';

type Status = QaItem['status'];

interface Props {
  items: QaItem[];
  readOnly: boolean;
  onSetStatus(id: string, status: Status): void;
}

export function SavedList({ items, readOnly, onSetStatus }: Props) {
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
          <li key={item.id} className="saved-item" data-testid="saved-item" data-id={item.id} data-status={item.status}>
            <div className="question">{item.question}</div>
            <div className="answer">
              <strong>
                {typeof item.answer === 'number' ? item.answer.toFixed(2) : item.answer} {item.unit}
              </strong>
              <span className={`status ${item.status}`} data-testid="item-status">
                {item.status}
                {item.revision > 1 && <span title="Each edit keeps the earlier revisions"> · rev {item.revision}</span>}
              </span>
              {button(item, 'verified', 'Verify')}
              {button(item, 'rejected', 'Reject')}
            </div>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="hint">Nothing saved for this scene yet.</p>}
    </section>
  );
}
