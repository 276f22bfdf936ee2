import type { ProgressEvent } from '../../app/contract';

export interface StatusBarProps {
  status: string;
  pointCount: number;
  instanceCount: number;
  progress: ProgressEvent | null;
}

export function StatusBar({ status, pointCount, instanceCount, progress }: StatusBarProps) {
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span className="status-text">{status}</span>
      {progress && (
        <span className="progress" data-testid="progress">
          <progress data-testid="progress-bar" max={progress.total > 0 ? progress.total : undefined} value={progress.total > 0 ? progress.done : undefined} />
          {progress.label} {progress.total > 0 ? `${Math.round((progress.done / progress.total) * 100)}%` : '…'}
        </span>
      )}
      <span className="spacer" />
      <span data-testid="point-count">{pointCount.toLocaleString('en-US')} points</span>
      <span>{instanceCount} instances</span>
      <span className="keys">drag rotate · right-drag pan · wheel zoom · Esc clear · S save · Ctrl+Z undo · Ctrl+Shift+Z redo · F fit · C colour</span>
    </footer>
  );
}
