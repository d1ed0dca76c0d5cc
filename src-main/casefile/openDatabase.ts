import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DossierError } from '../contract/errors';
import { nativeBindingOption } from './nativeBinding';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * A connection that may be read from. Every connection Dossier holds comes from `openDatabase`, so
 * the brand also says "pragmas applied, SQLite errors classified".
 */
export type ReadableDb = Database.Database & { readonly [readableBrand]: true };

/** A connection opened for writing: what write paths (transactions, migrations) require. */
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

export interface OpenDatabaseOptions {
  /** Open read-only: SQLite refuses every write, nothing (journal, schema change) touches the file. */
  readonly?: boolean;
  /** Create the file when it does not exist (new case files, snapshot destinations). */
  create?: boolean;
}

/** How long a statement waits for another program's lock before it fails with CASE_FILE_LOCKED. */
export const BUSY_TIMEOUT_MS = 5000;

/** SQLite result codes (primary or extended, e.g. SQLITE_BUSY_SNAPSHOT) a user can cause, by what they mean. */
function sqliteCodeIs(code: string, primary: string): boolean {
  return code === primary || code.startsWith(`${primary}_`);
}

/**
 * The one translation of SQLite's failures into the contract's codes (issue 10 item 10): a busy
 * or locked file, a read-only file, a full disk, a damaged file and a file that cannot be opened
 * each reach the user by name with what to do. Anything else (constraint errors that services
 * turn into their own messages, programming errors) is returned unchanged.
 */
export function classifySqliteError(error: unknown, filePath: string): unknown {
  if (error instanceof DossierError || !(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  const where = filePath === ':memory:' || filePath === '' ? 'The database' : filePath;
  if (sqliteCodeIs(code, 'SQLITE_BUSY') || sqliteCodeIs(code, 'SQLITE_LOCKED')) {
    return new DossierError('CASE_FILE_LOCKED', `${where} is in use by another program or window (${code}); close it there and retry. Nothing was changed.`, { path: filePath });
  }
  if (sqliteCodeIs(code, 'SQLITE_READONLY')) {
    return new DossierError(
      'READ_ONLY',
      `${where} is read-only (file permissions or a read-only disk), so nothing was changed. Reading it still works; to change it, make it writable or work on a copy.`,
      { path: filePath },
    );
  }
  if (sqliteCodeIs(code, 'SQLITE_FULL')) {
    return new DossierError(
      'DISK_FULL',
      `Not enough space for ${where}: the disk is full or the case file reached its size limit. Nothing of this change was saved; free some space and retry.`,
      { path: filePath },
    );
  }
  if (sqliteCodeIs(code, 'SQLITE_CORRUPT') || sqliteCodeIs(code, 'SQLITE_NOTADB')) {
    return new DossierError('CASE_FILE_CORRUPT', `${where} is damaged (${code}). Restore it from a backup or a teammate's copy.`, { path: filePath });
  }
  if (sqliteCodeIs(code, 'SQLITE_CANTOPEN')) {
    return new DossierError(
      'CASE_FILE_CANNOT_OPEN',
      `${where} cannot be opened (${code}): its folder is missing or not accessible, or no journal can be created beside it. Check the folder and its permissions.`,
      { path: filePath },
    );
  }
  if (sqliteCodeIs(code, 'SQLITE_IOERR')) {
    return new DossierError('IO_FAILED', `Reading or writing ${where} failed (${code}); check the disk, then retry. Nothing of this change was saved.`, { path: filePath });
  }
  return error;
}

function guarded<A extends unknown[], R>(filePath: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (error) {
      throw classifySqliteError(error, filePath);
    }
  };
}

function guardIterator<T>(filePath: string, iterator: IterableIterator<T>): IterableIterator<T> {
  const next = guarded(filePath, iterator.next.bind(iterator));
  const wrapped: IterableIterator<T> = {
    next,
    return: iterator.return ? guarded(filePath, iterator.return.bind(iterator)) : undefined,
    [Symbol.iterator]() {
      return wrapped;
    },
  };
  return wrapped;
}

function guardStatement(filePath: string, statement: Database.Statement): Database.Statement {
  const s = statement as unknown as Record<string, unknown>;
  for (const method of ['run', 'get', 'all'] as const) {
    s[method] = guarded(filePath, (statement[method] as (...a: unknown[]) => unknown).bind(statement));
  }
  const iterate = statement.iterate.bind(statement) as (...a: unknown[]) => IterableIterator<unknown>;
  s.iterate = guarded(filePath, (...args: unknown[]) => guardIterator(filePath, iterate(...args)));
  return statement;
}

type TransactionFn = ((...args: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive', (...args: unknown[]) => unknown>;

/**
 * Makes every statement, pragma, exec and transaction (including its COMMIT) of `db` raise the
 * classified error: a busy lock or a full disk usually shows up at a write or a commit, long after
 * the file was opened, so classifying only at open would let them through as "unexpected error".
 */
function guardConnection(db: Database.Database, filePath: string): void {
  const prepare = db.prepare.bind(db);
  const transaction = db.transaction.bind(db);
  Object.assign(db, {
    prepare: guarded(filePath, (sql: string) => guardStatement(filePath, prepare(sql))),
    exec: guarded(filePath, db.exec.bind(db)),
    pragma: guarded(filePath, db.pragma.bind(db)),
    transaction: (fn: (...args: unknown[]) => unknown) => {
      const tx = transaction(fn) as unknown as TransactionFn;
      const wrapped = guarded(filePath, tx) as TransactionFn;
      wrapped.deferred = guarded(filePath, tx.deferred);
      wrapped.immediate = guarded(filePath, tx.immediate);
      wrapped.exclusive = guarded(filePath, tx.exclusive);
      return wrapped;
    },
  });
}

/** True when this process may change the file and create its journal beside it. */
export function mayWrite(filePath: string): boolean {
  try {
    fs.accessSync(filePath, fs.constants.W_OK);
    fs.accessSync(path.dirname(filePath), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The rollback journal beside the file, when it holds something (a change in progress, or one a killed writer left). */
function journalLeftBeside(filePath: string): string | null {
  const journal = `${filePath}-journal`;
  return (fs.statSync(journal, { throwIfNoEntry: false })?.size ?? 0) > 0 ? journal : null;
}

/**
 * A writer killed mid-change (kill -9, a power cut) leaves a hot journal that SQLite must play back
 * before anyone may read the file, and a read-only connection cannot: SQLite refuses it as if the
 * file were read-only. When this process may write the file and its folder, a short writable
 * connection rolls the unfinished change back (the file returns to its last saved state, exactly
 * what the next writer's open does). A journal of a live writer in another program is not hot:
 * SQLite leaves it alone (its locks say so). Returns whether a journal was there to look at.
 */
export function rollBackInterruptedWrite(filePath: string): boolean {
  if (journalLeftBeside(filePath) === null || !mayWrite(filePath)) return false;
  const recovering = openDatabase(filePath);
  try {
    recovering.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    recovering.close();
  }
  return true;
}

/** The READ_ONLY a hot journal causes when it cannot be rolled back here, said as what it is. */
function interruptedWriteError(error: unknown, filePath: string): unknown {
  const journal = journalLeftBeside(filePath);
  if (!(error instanceof DossierError && error.code === 'READ_ONLY') || journal === null) return error;
  return new DossierError(
    'READ_ONLY',
    `${filePath} holds an unfinished change from a Dossier (or other program) that was interrupted while writing; its journal ${journal} is still beside it. ` +
      'The change must be rolled back before the case can be read, and that needs write access to the file and its folder, which you do not have here. ' +
      'Make them writable, or copy both files (same names, same folder) somewhere writable, and retry. Nothing was changed.',
    { path: filePath, journal },
  );
}

/**
 * The one place in src-main that constructs a better-sqlite3 connection:
 * the native binding the runtime needs, a busy timeout so a second writer waits before it fails,
 * the connection pragmas, and SQLite's errors classified for every later statement.
 * Case files are checked (header, application id, schema version) by `openCaseFile`, not here.
 * Opened read-only, a file a killed writer left a hot journal beside is rolled back first when
 * this process may write it (rollBackInterruptedWrite), and otherwise refused saying so.
 */
export function openDatabase(filePath: string, options: OpenDatabaseOptions & { readonly: true }): ReadableDb;
export function openDatabase(filePath: string, options?: OpenDatabaseOptions & { readonly?: false }): WritableDb;
export function openDatabase(filePath: string, options: OpenDatabaseOptions = {}): ReadableDb | WritableDb {
  const readonly = options.readonly ?? false;
  if (readonly && !options.create && filePath !== ':memory:' && filePath !== '') rollBackInterruptedWrite(filePath);
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { readonly, fileMustExist: !options.create, ...nativeBindingOption() });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      // DESIGN.md "The case file": rollback journal (nothing left beside a closed file), durable commits.
      db.pragma('journal_mode = DELETE');
      // FULL, not NORMAL: with a rollback journal NORMAL skips the sync that makes a commit survive a
      // power cut (SQLite docs, "PRAGMA synchronous"); evidence must never be lost. Bulk writers pay
      // for it once per commit, so they commit per file (evidence) or per batch (site lists).
      // Pages a transaction appends past the file's old end are not journaled, so a large evidence
      // import writes its bytes once (64 KiB pages: CASE_FILE_PAGE_SIZE in CaseFile.ts).
      db.pragma('synchronous = FULL');
      // Evidence is streamed in MiB chunks; a larger cache keeps B-tree pages hot without holding blobs.
      db.pragma('cache_size = -32768');
    }
  } catch (error) {
    db?.close();
    // better-sqlite3 checks the folder itself and throws a TypeError before SQLite is asked.
    if (error instanceof TypeError && /directory does not exist/.test(error.message)) {
      throw new DossierError('CASE_FILE_CANNOT_OPEN', `${filePath} cannot be opened: its folder does not exist. Choose an existing folder.`, { path: filePath });
    }
    throw classifySqliteError(error, filePath);
  }
  guardConnection(db, filePath);
  if (readonly && filePath !== ':memory:' && filePath !== '') {
    // Read now: a hot journal beside the file fails the first read, and is best named here.
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      db.close();
      throw interruptedWriteError(error, filePath);
    }
  }
  return db as WritableDb;
}

/** The connection as writable, or READ_ONLY when it was opened for reading (a read command, a read-only file). */
export function writableDb(db: ReadableDb, filePath: string = db.name): WritableDb {
  if (db.readonly) {
    throw new DossierError('READ_ONLY', `${filePath} is open read-only (for a read command, or because you may not write to the file or its folder), so nothing was changed. To change it, make the file and its folder writable, or work on a copy.`, { path: filePath });
  }
  return db as WritableDb;
}
