// The scene tree: one row per instance (label, id, point count), with visibility and lock toggles
// when the viewer's flags are given. Locked instances cannot be selected, here or by a click in 3D.
import type { InstanceInfo } from '../../app/contract';
import type { InstanceFlags } from './use-instance-flags';

export interface InstanceListProps {
  instances: InstanceInfo[];
  selection: number[];
  /** `toggle`: Ctrl/⌘ was held (add to or take out of the selection). */
  onSelect(id: number, toggle?: boolean): void;
  /** Hidden / locked state and its toggles (the viewport engine's); absent: rows only select. */
  flags?: InstanceFlags;
  /** The instance under the pointer in 3D, highlighted in the list. */
  hovered?: number | null;
  /** Per instance: the model's confidence (null: made or changed by a person) and who made it. */
  details?: ReadonlyMap<number, { confidence: number | null; source: string }>;
}

export function InstanceList({ instances, selection, onSelect, flags, hovered, details }: InstanceListProps) {
  return (
    <nav className="panel instance-panel" aria-label="Instances">
      <h2>
        Instances <span className="count">{instances.length}</span>
      </h2>
      <ul className="instance-list" data-testid="instance-list">
        {instances.map((inst) => {
          const slot = selection.indexOf(inst.id);
          const locked = !!flags?.locked.has(inst.id);
          const shown = flags ? flags.isShown(inst.id) : true;
          return (
            <li key={inst.id} className={`instance-item${hovered === inst.id ? ' hovered' : ''}`} data-testid={`instance-item-${inst.id}`}>
              <button
                type="button"
                className={`instance-row${slot === 0 ? ' sel-a' : slot === 1 ? ' sel-b' : slot > 1 ? ' sel-more' : ''}${shown ? '' : ' hidden-instance'}`}
                data-testid={`instance-row-${inst.id}`}
                data-selected={slot >= 0 ? 'true' : 'false'}
                aria-pressed={slot >= 0}
                disabled={locked}
                title={locked ? 'locked: unlock to select' : undefined}
                onClick={(e) => onSelect(inst.id, e.ctrlKey || e.metaKey)}
              >
                <span className="label">{inst.label}</span>
                <span className="id">#{inst.id}</span>
                <span className="points">{inst.pointCount.toLocaleString('en-US')}</span>
                {details?.has(inst.id) && <Provenance {...details.get(inst.id)!} />}
              </button>
              {flags && (
                <>
                  <button
                    type="button"
                    className={`flag${shown ? '' : ' off'}`}
                    data-testid={`instance-visible-${inst.id}`}
                    aria-pressed={shown}
                    aria-label={`${shown ? 'Hide' : 'Show'} ${inst.label} #${inst.id}`}
                    title={shown ? 'Hide' : 'Show'}
                    onClick={() => flags.toggleHidden(inst.id)}
                  >
                    {shown ? '◉' : '○'}
                  </button>
                  <button
                    type="button"
                    className={`flag${locked ? ' on' : ''}`}
                    data-testid={`instance-lock-${inst.id}`}
                    aria-pressed={locked}
                    aria-label={`${locked ? 'Unlock' : 'Lock'} ${inst.label} #${inst.id}`}
                    title={locked ? 'Unlock' : 'Lock (not pickable)'}
                    onClick={() => flags.toggleLocked(inst.id)}
                  >
                    {locked ? '🔒' : '🔓'}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Confidence of model output as a percentage; a person's instance is marked as such. */
function Provenance({ confidence, source }: { confidence: number | null; source: string }) {
  const text = confidence !== null ? `${Math.round(confidence * 100)}%` : source === 'human' ? 'edited' : '';
  if (!text) return null;
  return (
    <span className="confidence" data-testid="instance-confidence" title={confidence !== null ? `model confidence (${source})` : 'made or changed by a person'}>
      {text}
    </span>
  );
}
