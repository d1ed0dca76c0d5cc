import { initialSchema } from './0010-initial';
import { evidenceVault } from './0020-evidence-vault';
import type { Migration } from './Migration';

/** Every schema step, in order. Append only: a landed migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, evidenceVault];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
