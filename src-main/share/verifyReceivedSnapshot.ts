import type Database from 'better-sqlite3';
import { auditHeads, verifyAudit } from '../audit/verifyAudit';
import { canonicalJson } from '../casefile/canonicalJson';
import { inspectHeader } from '../casefile/inspectHeader';
import { migrate } from '../casefile/migrate';
import { MIGRATIONS } from '../casefile/migrations/index';
import { DossierError } from '../contract/errors';
import { exhibitsIn, type ExhibitRef } from './shareCustody';
import type { ShareManifest } from './shareManifest';
import { ShareError } from './ShareError';
import { openDatabase } from '../casefile/openDatabase';

/** What the receiver learns from a snapshot that passed every check. */
export interface SnapshotFacts {
  readonly caseId: string;
  readonly caseTitle: string;
  readonly schemaVersion: number;
  readonly exhibits: readonly ExhibitRef[];
}

/**
 * Checks the case file that came out of a share (signature and SHA-256 already verified by
 * openShare) before anyone opens it for writing, in this order, each with its own code:
 * a Dossier case file of a schema we know (NOT_A_CASE_FILE, CASE_FILE_FROM_NEWER_VERSION), exactly
 * the tables, indexes and triggers our migrations make (NOT_A_CASE_FILE: a signed file could still
 * carry a trigger that would run on every later write), PRAGMA integrity_check (CASE_FILE_CORRUPT),
 * the audit chains (AUDIT_CHAIN_BROKEN), the case id the manifest states (SHARE_CASE_MISMATCH) and
 * the audit heads it states (SHARE_AUDIT_HEADS_MISMATCH).
 * The file is opened read-only with untrusted-schema protections; nothing is written.
 */
export function verifyReceivedSnapshot(snapshotPath: string, manifest: ShareManifest): SnapshotFacts {
  let header;
  try {
    header = inspectHeader(snapshotPath);
  } catch (err) {
    const code = err instanceof DossierError && err.code === 'CASE_FILE_CORRUPT' ? 'CASE_FILE_CORRUPT' : 'NOT_A_CASE_FILE';
    throw new ShareError(code, `The file inside this share is not a usable Dossier case file (${(err as Error).message.replace(snapshotPath, 'case.dossier')}).`, {}, { cause: err });
  }
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if (header.userVersion > latest) {
    throw new ShareError(
      'CASE_FILE_FROM_NEWER_VERSION',
      `This share holds a case file of schema ${header.userVersion}, made by a newer Dossier (this one knows up to ${latest}). Update Dossier to receive it.`,
      { schemaVersion: header.userVersion },
    );
  }
  if (header.userVersion < 1) {
    throw new ShareError('NOT_A_CASE_FILE', 'The file inside this share has no Dossier schema.');
  }

  let db: Database.Database;
  try {
    db = openDatabase(snapshotPath, { readonly: true });
    // The schema is the sender's: never let it call functions with side effects.
    db.pragma('trusted_schema = OFF');
  } catch (err) {
    throw new ShareError('CASE_FILE_CORRUPT', `The case file inside this share cannot be opened: ${(err as Error).message}`, {}, { cause: err });
  }
  try {
    assertOurSchema(db, header.userVersion);
    assertIntegrity(db);
    const audit = verifyAudit(db);
    if (!audit.ok) {
      const at = audit.firstBreak!;
      throw new ShareError(
        'AUDIT_CHAIN_BROKEN',
        `The audit log inside this share is broken (chain ${at.chain}, entry ${at.seq}: ${at.reason}); the case file was altered after its changes were logged. Do not use it; ask the sender to share again.`,
        { chain: at.chain, seq: at.seq },
      );
    }
    const info = db.prepare('SELECT id, title FROM case_info ORDER BY created_at LIMIT 1').get() as { id: string; title: string } | undefined;
    if (info === undefined || info.id !== manifest.caseId) {
      throw new ShareError(
        'SHARE_CASE_MISMATCH',
        `The signed manifest says this share is of case ${manifest.caseId}, but the case file inside is ${info ? `case ${info.id}` : 'no case'}. Do not use it.`,
        { caseId: manifest.caseId, snapshotCaseId: info?.id ?? '' },
      );
    }
    if (canonicalJson(auditHeads(db)) !== canonicalJson(manifest.auditHeads)) {
      throw new ShareError(
        'SHARE_AUDIT_HEADS_MISMATCH',
        'The audit log inside this share does not end where the signed manifest says it does. Do not use it; ask the sender to share again.',
      );
    }
    return { caseId: info.id, caseTitle: info.title, schemaVersion: header.userVersion, exhibits: exhibitsIn(db) };
  } catch (err) {
    // SQLite's own complaints while reading (SQLITE_CORRUPT ..., classified by openDatabase) mean a
    // damaged file; they name our temp copy, so they are restated in the receiver's words.
    if (err instanceof DossierError && err.details?.path !== snapshotPath) throw err;
    const reason = err instanceof DossierError ? 'SQLite reports its pages damaged' : (err as Error).message;
    throw new ShareError('CASE_FILE_CORRUPT', `The case file inside this share is damaged: ${reason}. Do not use it; ask the sender to share again.`, {}, { cause: err });
  } finally {
    db.close();
  }
}

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

const expectedSchemas = new Map<number, string>();

/** The schema objects our migrations make at `version`, as comparable text. */
function expectedSchema(version: number): string {
  let schema = expectedSchemas.get(version);
  if (schema === undefined) {
    const db = openDatabase(':memory:', { create: true });
    try {
      migrate(db, ':memory:', MIGRATIONS.filter((m) => m.version <= version));
      schema = describeSchema(db);
    } finally {
      db.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

function describeSchema(db: Database.Database): string {
  // sqlite_* objects (autoindexes, ANALYZE statistics) are SQLite's own and cannot be user-made.
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all() as SchemaRow[];
  return JSON.stringify(rows);
}

function assertOurSchema(db: Database.Database, version: number): void {
  const actual = describeSchema(db);
  if (actual === expectedSchema(version)) return;
  const expected = new Map((JSON.parse(expectedSchema(version)) as SchemaRow[]).map((r) => [`${r.type} ${r.name}`, r.sql]));
  const differing = (JSON.parse(actual) as SchemaRow[])
    .filter((r) => expected.get(`${r.type} ${r.name}`) !== r.sql)
    .map((r) => `${r.type} ${r.name}`);
  const found = new Set((JSON.parse(actual) as SchemaRow[]).map((r) => `${r.type} ${r.name}`));
  const missing = [...expected.keys()].filter((k) => !found.has(k));
  throw new ShareError(
    'NOT_A_CASE_FILE',
    `The case file inside this share does not have the tables of a Dossier case file (schema ${version}): ${[
      ...differing.map((d) => `unexpected ${d}`),
      ...missing.map((m) => `missing ${m}`),
    ]
      .slice(0, 5)
      .join(', ')}. Do not use it.`,
    { schemaVersion: version },
  );
}

function assertIntegrity(db: Database.Database): void {
  const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new ShareError(
    'CASE_FILE_CORRUPT',
    `The case file inside this share is damaged (${problems.slice(0, 3).join('; ')}). Do not use it; ask the sender to share again.`,
  );
}
