// The db layer's public surface for the host.
export { openDatabase, BUSY_TIMEOUT_MS, type OpenOptions, type Store } from './open';
export { listBackups, KEEP_BACKUPS, type BackupInfo, type BackupReason } from './backup';
export { migrate, schemaVersion, latestVersion, assertKnownVersion, type MigrationResult } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { DatabaseCorruptError, DatabaseTooNewError, MigrationFailedError } from './errors';
export * from './repositories';
