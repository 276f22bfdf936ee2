// The `?` overlay: every shortcut in one table.
import { SHORTCUTS } from './shortcut-list';

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="shortcuts-overlay" data-testid="shortcuts-overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={onClose}>
      <div className="shortcuts-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
