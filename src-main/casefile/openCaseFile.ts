import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../contract/errors';
import type { Actor } from './Actor';
import { type CaseFile, CASE_FILE_PAGE_SIZE, DOSSIER_APPLICATION_ID } from './CaseFile';
import { HybridLogicalClock } from './HybridLogicalClock';
import { newestStamp } from './newestStamp';
import { inspectHeader } from './inspectHeader';
import { backupBeforeMigrate, migrate } from './migrate';
import { replicaChain } from './replicaChain';
import { registerHead } from './chainRegister';
import { noteRestoredChain } from './restoredChainNote';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/Migration';
import { classifySqliteError, mayWrite, openDatabase, type ReadableDb, rollBackInterruptedWrite } from './openDatabase';

export interface OpenOptions {
  actor: Actor;
  /**
   * Open for reading only (read commands): nothing is written, the schema is never upgraded, no
   * backup is taken. A file the user may not write to is opened this way even when not asked.
   */
  readonly?: boolean;
  /** The schema steps to apply; defaults to the app's registry (tests pass future steps). */
  migrations?: readonly Migration[];
  /** This computer's clock in ms (tests set a skewed one); defaults to Date.now. */
  wallClock?: () => number;
}

function makeClock(db: ReadableDb, device: string, wallClock: () => number): HybridLogicalClock {
  // Never stamp below the newest stamp already in the file, even if this machine's clock is
  // behind: its own latest edit must stay its latest (the audit times are wall-clock times).
  return new HybridLogicalClock(device, wallClock, () => newestStamp(db));
}

/**
 * Opens an existing case file. For writing, an older schema is upgraded (after taking a copy);
 * read-only (asked for, or because the file may not be written), nothing is ever written and an
 * older schema is refused with CASE_FILE_NEEDS_UPGRADE instead of being upgraded.
 */
export function openCaseFile(filePath: string, requested: OpenOptions): CaseFile {
  const absolute = path.resolve(filePath);
  const seen = inspectHeader(absolute); // a case file (application id) before anything touches it
  // The header on disk is only the saved state once an unfinished write is rolled back.
  const header = rollBackInterruptedWrite(absolute) ? inspectHeader(absolute) : seen;
  const options = requested.readonly || mayWrite(absolute) ? requested : { ...requested, readonly: true };
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]!.version;
  if (header.userVersion > latest) {
    throw new DossierError(
      'CASE_FILE_FROM_NEWER_VERSION',
      `${absolute} was written by a newer Dossier (schema ${header.userVersion}; this version knows up to ${latest}). Update Dossier to open it.`,
    );
  }
  let db: ReadableDb | undefined;
  try {
    db = options.readonly ? openDatabase(absolute, { readonly: true }) : openDatabase(absolute);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (header.userVersion < latest) {
      if (options.readonly) {
        // Reading an older schema with this version's queries could misread it; upgrading is a write.
        throw new DossierError(
          'CASE_FILE_NEEDS_UPGRADE',
          `${absolute} was saved by an older Dossier (schema ${header.userVersion}; this version reads ${latest}). ` +
            'It is upgraded, after a backup copy, by the first change made to it (any write command, or opening it in the app); reading alone never changes it.',
          { schemaVersion: header.userVersion },
        );
      }
      backupBeforeMigrate(absolute, header.userVersion);
      migrate(db, absolute, migrations);
    }
    // The clock only needs a unique tie-breaker per writer; the audit chain is settled on the
    // first write, so opening a file (to read, or to export from it) never changes its bytes.
    const clock = makeClock(db, `${options.actor.device}-${randomBytes(3).toString('hex')}`, options.wallClock ?? Date.now);
    let chain: string | null = options.readonly ? `${options.actor.device}-readonly` : null;
    const actor = options.actor;
    const caseFile: CaseFile = {
      db,
      path: absolute,
      actor,
      clock,
      get chain(): string {
        if (chain === null) {
          const resolved = replicaChain(db!, absolute, actor);
          chain = resolved.chain;
          writingChains.set(db!, chain);
          if (resolved.restored) noteRestoredChain(caseFile, resolved.restored);
        }
        return chain;
      },
    };
    chainSwitches.set(caseFile, (next) => {
      chain = next;
      if (next === null) writingChains.delete(db!);
      else writingChains.set(db!, next);
    });
    return caseFile;
  } catch (error) {
    db?.close();
    const classified = classifySqliteError(error, absolute);
    if (classified instanceof DossierError) throw classified;
    throw new DossierError('INTERNAL', `Could not open ${absolute}: ${(error as Error).message}`);
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
  const db = openDatabase(temp, { create: true });
  try {
    // page_size only takes effect before the first write, so journal_mode's own setup is harmless.
    db.pragma(`page_size = ${CASE_FILE_PAGE_SIZE}`);
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

/** How each open case file's audit chain is changed (continueOnChain). */
const chainSwitches = new WeakMap<CaseFile, (chain: string | null) => void>();

/**
 * Makes an open case file write under another audit chain from now on (a copy found restored by a
 * merge, merge/restoredChain.ts; and back, when that merge is rolled back: null means not settled
 * yet, as when opened). The caller stores the replica that names it (replicaChain's
 * startNewReplica) in the same transaction.
 */
export function continueOnChain(caseFile: CaseFile, chain: string | null): void {
  const change = chainSwitches.get(caseFile);
  if (!change) throw new DossierError('INTERNAL', 'This case file was not opened by openCaseFile; its audit chain cannot change.');
  change(chain);
}

/** The audit chain this open case file writes under, if it has settled it yet (null: not yet). */
export function settledChain(caseFile: CaseFile): string | null {
  return writingChains.get(caseFile.db) ?? null;
}

/** The chain each open connection wrote under, so closing can register its head. */
const writingChains = new WeakMap<ReadableDb, string>();

/**
 * Closes the connection; with a rollback journal nothing is left beside the file. When this
 * session wrote, the head of its audit chain is registered first (restore detection, chainRegister).
 */
export function closeCaseFile(caseFile: CaseFile): void {
  if (!caseFile.db.open) return;
  const chain = writingChains.get(caseFile.db);
  if (chain) registerHead(caseFile.db, chain);
  caseFile.db.close();
}
