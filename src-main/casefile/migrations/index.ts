import { initialSchema } from './0010-initial';
import { teamRoster } from './0030-team-roster';
import type { Migration } from './Migration';

/** Every schema step, in order. Append only: a landed migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, teamRoster];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
