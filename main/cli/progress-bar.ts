// Progress on stderr: on a terminal one line redrawn in place; in a log (CI, pipes) one line per
// stage, so the log stays readable.
import type { Io } from './command';

export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  /** Ends the bar's line (terminal) so later output starts clean. */
  finish(): void;
}

const WIDTH = 24;

export function createProgressBar(io: Io): ProgressBar {
  let lastLabel: string | null = null;
  let drawn = false;
  return {
    update(label, done, total) {
      const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const percent = `${Math.round(fraction * 100)}%`.padStart(4);
      if (io.errIsTty) {
        const filled = Math.round(fraction * WIDTH);
        // \x1b[K clears what a longer earlier label left behind.
        io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent} ${label}\x1b[K`);
        drawn = true;
      } else if (label !== lastLabel) {
        io.err(`${percent} ${label}\n`);
      }
      lastLabel = label;
    },
    finish() {
      if (drawn) io.err('\n');
      drawn = false;
    },
  };
}
