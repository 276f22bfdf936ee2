// Semantic label → colour, shown while the view is coloured by label.
import { labelColor } from '../viewport/colors';

export function Legend({ labels }: { labels: string[] }) {
  return (
    <div className="legend" data-testid="legend">
      <h2>Labels</h2>
      <ul>
        {labels.map((label) => {
          const [r, g, b] = labelColor(label);
          return (
            <li key={label} data-testid="legend-item">
              <span className="swatch" style={{ background: `rgb(${r}, ${g}, ${b})` }} />
              {label}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
