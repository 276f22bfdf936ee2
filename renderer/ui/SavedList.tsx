import type { QaItem } from '../../app/contract';

export function SavedList({ items }: { items: QaItem[] }) {
  return (
    <section className="panel saved-panel" aria-label="Saved items">
      <h2>
        Saved <span className="count">{items.length}</span>
      </h2>
      <ol className="saved-list" data-testid="saved-list">
        {items.map((item) => (
          <li key={item.id} className="saved-item" data-testid="saved-item" data-id={item.id}>
            <div className="question">{item.question}</div>
            <div className="answer">
              <strong>
                {typeof item.answer === 'number' ? item.answer.toFixed(2) : item.answer} {item.unit}
              </strong>
              <span className={`status ${item.status}`}>{item.status}</span>
            </div>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="hint">Nothing saved for this scene yet.</p>}
    </section>
  );
}
