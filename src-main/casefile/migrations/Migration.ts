import type Database from 'better-sqlite3';

/** One forward schema step. `version` is what `PRAGMA user_version` becomes after it runs. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
