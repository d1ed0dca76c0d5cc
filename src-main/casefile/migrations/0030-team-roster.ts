import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * The case's team roster: the teammates whose shares of this case are trusted and to whom it can
 * be shared (src-main/share/teamRosterService.ts). A mutable record like the others (history,
 * tombstones, HLC) so that rosters merge with the case: a teammate added on either copy is on
 * both afterwards, and a removal is a tombstone that merges too.
 *
 * The columns repeat what the identity line holds so that lists and lookups need no parsing; the
 * service derives them from the line and teamRosterOf re-checks them, so they cannot disagree.
 * Formats are those of src-main/share/publicIdentity.ts: change both together.
 */
export const teamRoster: Migration = {
  version: 3,
  name: 'team-roster',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE team_member (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 29 AND fingerprint NOT GLOB '*[^0-9A-F-]*'),
    age_recipient TEXT NOT NULL CHECK (length(age_recipient) = 62 AND age_recipient GLOB 'age1*'),
    ed25519_public_key TEXT NOT NULL CHECK (length(ed25519_public_key) = 43),
    identity_line TEXT NOT NULL CHECK (length(identity_line) BETWEEN 1 AND 1000),
    role TEXT CHECK (role IS NULL OR length(role) BETWEEN 1 AND 200),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    hlc TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;
  -- One live entry per key: two names for one key would make "who sent this" ambiguous.
  CREATE UNIQUE INDEX team_member_unique_live ON team_member(fingerprint) WHERE deleted_at IS NULL;
  CREATE INDEX team_member_by_name ON team_member(name, id);
`);
  },
};
