// Typed failures of opening and migrating a database. They are AppErrors so that their message
// reaches the user unchanged through any transport.
import { AppError } from '../app/contract/errors';

/** The file was written by a newer Scenewright; touching it could destroy data we do not understand. */
export class DatabaseTooNewError extends AppError {
  constructor(
    readonly file: string,
    readonly version: number,
    readonly knownVersion: number,
  ) {
    super(
      'bad_file',
      `database ${file} is at schema version ${version} but this Scenewright knows only up to ${knownVersion}; update Scenewright`,
      { file, version, knownVersion },
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** The file is not an SQLite database, or SQLite's own check found damage in it. */
export class DatabaseCorruptError extends AppError {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      'bad_file',
      `database ${file} is damaged or is not a Scenewright database (${problems.slice(0, 3).join('; ')}); restore it from a backup`,
      { file, problems },
    );
    this.name = 'DatabaseCorruptError';
  }
}

/** A migration threw; its transaction was rolled back, so the file stays at `version`. */
export class MigrationFailedError extends AppError {
  constructor(
    readonly file: string,
    readonly migration: string,
    readonly version: number,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      'internal',
      `migration ${migration} failed on database ${file}: ${reason}; the database stays at schema version ${version}`,
      { file, migration, version },
    );
    this.name = 'MigrationFailedError';
    this.cause = cause;
  }
}
