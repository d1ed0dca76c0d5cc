import { writeFileSync } from 'node:fs';
import { access, rm, stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { DossierError } from '../contract/errors';
import { ShareError } from './ShareError';
import { openDatabase } from '../casefile/openDatabase';

/*
 * A consistent copy of a case file that may be open (and written) elsewhere, via SQLite's online
 * backup API. Chosen over VACUUM INTO because it copies page by page in steps (progress, cancel)
 * and keeps the page layout (page_size 65536) as is.
 * Phase 1 lives here; it belongs in src-main/casefile/ (backup/snapshot) once that layer lands.
 */

export interface Snapshot {
  readonly path: string;
  readonly size: number;
  /**
   * lowercase hex, when the caller hashed it; createShare then ships it only if the bytes it
   * encrypts hash the same. A snapshot taken here is not hashed: createShare hashes it once, as
   * it encrypts it.
   */
  readonly sha256?: string;
}

export interface SnapshotOptions {
  signal?: AbortSignal;
  /** bytes copied so far (pages x page size) and the total */
  onProgress?: (progress: { stage: 'snapshot'; done: number; total: number }) => void;
}

/** 256 pages of 64 KiB = 16 MiB per step: progress a few times a second, short lock holds. */
const PAGES_PER_STEP = 256;
/**
 * In rollback-journal mode a write by another connection restarts the backup. After this many
 * restarts we copy the rest in one step, holding the read lock (writers wait) rather than never
 * finishing.
 */
const MAX_RESTARTS = 3;
/** better-sqlite3's largest step (it clamps to 0x7fffffff). */
const ALL_REMAINING_PAGES = 0x7fffffff;

/**
 * Snapshot of an open database (preferred in the app: writes through this same connection are
 * folded into the copy without restarting it). `destPath` must not exist.
 */
export async function snapshotDatabase(
  db: Database.Database,
  destPath: string,
  options: SnapshotOptions = {},
): Promise<Snapshot> {
  if (await exists(destPath)) {
    throw new ShareError('IO_FAILED', `${destPath} already exists; a snapshot never overwrites a file.`, { path: destPath });
  }
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  try {
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    createEmptyDatabase(destPath, pageSize);
    const finished = await db.backup(destPath, {
      progress: ({ totalPages, remainingPages }) => {
        if (options.signal?.aborted) {
          throw new ShareError('CANCELLED', 'The snapshot was cancelled.', {}, { cause: options.signal.reason });
        }
        // A restart shows as no progress: the step began again at page 1 and copied one step's worth.
        if (remainingPages >= lastRemaining) restarts += 1;
        lastRemaining = remainingPages;
        options.onProgress?.({
          stage: 'snapshot',
          done: (totalPages - remainingPages) * pageSize,
          total: totalPages * pageSize,
        });
        return restarts >= MAX_RESTARTS ? ALL_REMAINING_PAGES : PAGES_PER_STEP;
      },
    });
    options.onProgress?.({ stage: 'snapshot', done: finished.totalPages * pageSize, total: finished.totalPages * pageSize });
  } catch (err) {
    await removeSnapshotFiles(destPath);
    if (err instanceof ShareError) throw err;
    const message = (err as Error).message;
    if (/not a database|file is encrypted/i.test(message)) {
      throw new ShareError('SNAPSHOT_SOURCE_INVALID', `The case file is not an SQLite database (${message}).`, {}, { cause: err });
    }
    throw new ShareError('SNAPSHOT_FAILED', `Could not copy the case file: ${message}`, {}, { cause: err });
  }
  try {
    return { path: destPath, size: (await stat(destPath)).size };
  } catch (err) {
    await removeSnapshotFiles(destPath);
    throw err;
  }
}

/**
 * The backup's destination, empty, at the source's page size. Backing up into a file of another
 * page size (a new file gets 4 KiB pages; case files have 64 KiB) makes SQLite keep every copied
 * page in memory until the end: measured +255 MiB peak RSS for a 256 MiB case, against +30 MiB
 * when the sizes match. test/bench/shareBench.ts measures it at 1 GiB.
 */
function createEmptyDatabase(destPath: string, pageSize: number): void {
  // Mode 0600 from the first byte (SQLite gives its journal the same mode): the snapshot is the
  // whole case in plain text.
  writeFileSync(destPath, '', { mode: 0o600, flag: 'wx' });
  const dest = openDatabase(destPath, { create: true });
  try {
    dest.pragma(`page_size = ${pageSize}`);
    dest.exec('VACUUM'); // writes the header, fixing the page size
  } finally {
    dest.close();
  }
}

/** Snapshot of the case file at `sourcePath`, opened read-only for the duration. */
export async function snapshotCaseFile(
  sourcePath: string,
  destPath: string,
  options: SnapshotOptions = {},
): Promise<Snapshot> {
  let db: Database.Database;
  try {
    const info = await stat(sourcePath);
    if (!info.isFile()) throw new Error('not a file');
    db = openDatabase(sourcePath, { readonly: true });
  } catch (err) {
    // A case file that is there but cannot be read yet (an interrupted write it may not roll back) says so itself.
    if (err instanceof DossierError && err.code === 'READ_ONLY') throw err;
    // The opener reads the header now (to roll back a hot journal): a file that is not SQLite says so here.
    if (err instanceof DossierError && err.code === 'CASE_FILE_CORRUPT') {
      throw new ShareError('SNAPSHOT_SOURCE_INVALID', `The case file is not an SQLite database (${err.message}).`, {}, { cause: err });
    }
    throw new ShareError('SNAPSHOT_SOURCE_NOT_FOUND', `No case file at ${sourcePath}.`, { path: sourcePath }, { cause: err });
  }
  try {
    return await snapshotDatabase(db, destPath, options);
  } finally {
    db.close();
  }
}

async function exists(filePath: string): Promise<boolean> {
  return access(filePath).then(
    () => true,
    () => false,
  );
}

async function removeSnapshotFiles(destPath: string): Promise<void> {
  await rm(destPath, { force: true });
  await rm(`${destPath}-journal`, { force: true });
}
