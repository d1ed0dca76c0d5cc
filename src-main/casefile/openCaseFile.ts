import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from '../contract/errors';
import type { Actor } from './Actor';
import { type CaseFile, CASE_FILE_PAGE_SIZE, DOSSIER_APPLICATION_ID } from './CaseFile';
import { HybridLogicalClock, formatHlc } from './HybridLogicalClock';
import { inspectHeader } from './inspectHeader';
import { backupBeforeMigrate, migrate } from './migrate';
import { replicaChain } from './replicaChain';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/Migration';
import { nativeBindingOption } from './nativeBinding';

export interface OpenOptions {
  actor: Actor;
  readonly?: boolean;
  /** The schema steps to apply; defaults to the app's registry (tests pass future steps). */
  migrations?: readonly Migration[];
}

/** Connection settings every case file runs with (DESIGN.md "The case file"). */
function applyConnectionPragmas(db: Database.Database): void {
  db.pragma('journal_mode = DELETE');
  // FULL, not NORMAL: with a rollback journal NORMAL skips the sync that makes a commit survive a
  // power cut (SQLite docs, "PRAGMA synchronous"); evidence must never be lost. Bulk writers pay
  // for it once per commit, so they commit per file (evidence) or per batch (site lists).
  // Pages a transaction appends past the file's old end are not journaled, so a large evidence
  // import writes its bytes once (64 KiB pages: CASE_FILE_PAGE_SIZE in CaseFile.ts).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Evidence is streamed in MiB chunks; a larger cache keeps B-tree pages hot without holding blobs.
  db.pragma('cache_size = -32768');
}

function translateSqliteError(error: unknown, filePath: string): never {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    throw new DossierError('CASE_FILE_CORRUPT', `${filePath} is damaged (${code}). Restore it from a backup or a teammate's copy.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    throw new DossierError('CASE_FILE_LOCKED', `${filePath} is in use by another program; close it there and retry.`);
  }
  if (error instanceof DossierError) throw error;
  throw new DossierError('INTERNAL', `Could not open ${filePath}: ${(error as Error).message}`);
}

function makeClock(db: Database.Database, chain: string): HybridLogicalClock {
  const clock = new HybridLogicalClock(chain);
  // Never stamp below the newest change already in the file, even if this machine's clock is behind.
  const newest = db.prepare('SELECT max(at) AS at FROM audit_entry').get() as { at: string | null };
  if (newest.at) clock.observe(formatHlc(Date.parse(newest.at), 0, chain));
  return clock;
}

/** Opens an existing case file, upgrading its schema (after taking a copy) when it is older. */
export function openCaseFile(filePath: string, options: OpenOptions): CaseFile {
  const absolute = path.resolve(filePath);
  const header = inspectHeader(absolute);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  if (header.userVersion > latest) {
    throw new DossierError(
      'CASE_FILE_FROM_NEWER_VERSION',
      `${absolute} was written by a newer Dossier (schema ${header.userVersion}; this version knows up to ${latest}). Update Dossier to open it.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(absolute, { readonly: options.readonly ?? false, fileMustExist: true, ...nativeBindingOption() });
    if (!options.readonly) applyConnectionPragmas(db);
    else db.pragma('foreign_keys = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (header.userVersion < latest) {
      if (options.readonly) {
        throw new DossierError('CASE_FILE_FROM_NEWER_VERSION', `${absolute} needs an upgrade; open it for writing first.`);
      }
      backupBeforeMigrate(absolute, header.userVersion);
      migrate(db, absolute, migrations);
    }
    // The clock only needs a unique tie-breaker per writer; the audit chain is settled on the
    // first write, so opening a file (to read, or to export from it) never changes its bytes.
    const clock = makeClock(db, `${options.actor.device}-${randomBytes(3).toString('hex')}`);
    let chain: string | null = options.readonly ? `${options.actor.device}-readonly` : null;
    const actor = options.actor;
    return {
      db,
      path: absolute,
      actor,
      clock,
      get chain(): string {
        chain ??= replicaChain(db!, absolute, actor);
        return chain;
      },
    };
  } catch (error) {
    db?.close();
    translateSqliteError(error, absolute);
  }
}

/** Creates an empty case file at the latest schema. Built beside the target, then renamed into place. */
export function createEmptyCaseFile(filePath: string, options: OpenOptions): CaseFile {
  const absolute = path.resolve(filePath);
  if (fs.existsSync(absolute)) {
    throw new DossierError('FILE_EXISTS', `${absolute} already exists; choose another name or open it.`);
  }
  const dir = path.dirname(absolute);
  if (!fs.existsSync(dir)) throw new DossierError('FILE_NOT_FOUND', `Folder ${dir} does not exist.`);
  const temp = path.join(dir, `.${path.basename(absolute)}.creating-${process.pid}`);
  const db = new Database(temp, nativeBindingOption());
  try {
    db.pragma(`page_size = ${CASE_FILE_PAGE_SIZE}`);
    applyConnectionPragmas(db);
    db.pragma(`application_id = ${DOSSIER_APPLICATION_ID}`);
    migrate(db, absolute);
    db.close();
    // link() refuses to replace a file that appeared meanwhile, where rename() would clobber it.
    fs.linkSync(temp, absolute);
    fs.rmSync(temp);
  } catch (error) {
    if (db.open) db.close();
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return openCaseFile(absolute, options);
}

/** Closes the connection; with a rollback journal nothing is left beside the file. */
export function closeCaseFile(caseFile: CaseFile): void {
  if (caseFile.db.open) caseFile.db.close();
}
