import type { InstanceInfo } from '../../app/contract';

export interface InstanceListProps {
  instances: InstanceInfo[];
  selection: number[];
  onSelect(id: number): void;
}

export function InstanceList({ instances, selection, onSelect }: InstanceListProps) {
  return (
    <nav className="panel instance-panel" aria-label="Instances">
      <h2>
        Instances <span className="count">{instances.length}</span>
      </h2>
      <ul className="instance-list" data-testid="instance-list">
        {instances.map((inst) => {
          const slot = selection.indexOf(inst.id);
          return (
            <li key={inst.id}>
              <button
                type="button"
                className={`instance-row${slot === 0 ? ' sel-a' : slot === 1 ? ' sel-b' : ''}`}
                data-testid={`instance-row-${inst.id}`}
                data-selected={slot >= 0 ? 'true' : 'false'}
                aria-pressed={slot >= 0}
                onClick={() => onSelect(inst.id)}
              >
                <span className="label">{inst.label}</span>
                <span className="id">#{inst.id}</span>
                <span className="points">{inst.pointCount.toLocaleString('en-US')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
