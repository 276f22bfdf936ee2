// What a CLI subcommand is. New subcommands (import, segment, qa generate, export) add one file under
// commands/ and one row in commands/index.ts.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars redraw one line); absent means no. */
  errIsTty?: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
};

/** Parses its own flags (throwing UsageError on bad ones) and returns the exit code. */
export type RunCommand = (argv: string[], io: Io) => Promise<number>;

export interface Command {
  /** One line for `scenewright help`. */
  summary: string;
  /** Flag synopsis for `scenewright help <command>`. */
  usage: string;
  /** Loaded on use, so `info` never pays for SQLite or the scene engine, nor `help` for anything. */
  load(): Promise<RunCommand>;
}
