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

/**
 * The one place in src-main that constructs a better-sqlite3 connection:
 * the native binding the runtime needs, a busy timeout so a second writer waits before it fails,
 * the connection pragmas, and SQLite's errors classified for every later statement.
 * Case files are checked (header, application id, schema version) by `openCaseFile`, not here.
 */
export function openDatabase(filePath: string, options: OpenDatabaseOptions & { readonly: true }): ReadableDb;
export function openDatabase(filePath: string, options?: OpenDatabaseOptions & { readonly?: false }): WritableDb;
export function openDatabase(filePath: string, options: OpenDatabaseOptions = {}): ReadableDb | WritableDb {
  const readonly = options.readonly ?? false;
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
  return db as WritableDb;
}

/** The connection as writable, or READ_ONLY when it was opened for reading (a read command, a read-only file). */
export function writableDb(db: ReadableDb, filePath: string = db.name): WritableDb {
  if (db.readonly) {
    throw new DossierError('READ_ONLY', `${filePath} is open read-only (for a read command, or because you may not write to the file or its folder), so nothing was changed. To change it, make the file and its folder writable, or work on a copy.`, { path: filePath });
  }
  return db as WritableDb;
}
