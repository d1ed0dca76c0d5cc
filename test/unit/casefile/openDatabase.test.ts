import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, type WritableDb } from '../../../src-main/casefile/openDatabase';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { writeTransaction } from '../../../src-main/casefile/writeTransaction';
import { DossierError } from '../../../src-main/contract/errors';
import { damageRootPage } from '../../helpers/damagePage';
import { fileSha256 } from '../../helpers/fileHash';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, newTestCase, track } from '../../helpers/testCase';

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return (error as DossierError).code;
  }
  throw new Error('expected a DossierError, nothing was thrown');
}

function scratchDb(): { db: WritableDb; file: string } {
  const file = path.join(tempDir(), 'scratch.db');
  const db = openDatabase(file, { create: true });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)');
  db.prepare('INSERT INTO t (body) VALUES (?)').run(Buffer.alloc(1000, 1));
  return { db, file };
}

describe('openDatabase classifies SQLite failures on every statement, not only at open', () => {
  it('another program holding the write lock gives CASE_FILE_LOCKED, and nothing is written', () => {
    const caseFile = newTestCase();
    const other = new Database(caseFile.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      caseFile.db.pragma('busy_timeout = 50');
      caseFile.db.exec('CREATE TABLE IF NOT EXISTS scratch (x TEXT)');
      expect.unreachable('the write should have been refused');
    } catch (error) {
      expect((error as DossierError).code).toBe('CASE_FILE_LOCKED');
      expect((error as DossierError).message).toContain(caseFile.path);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(caseFile.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'").pluck().get()).toBe(0);
  });

  it('a lock taken at COMMIT time (a reader holding SHARED) is classified too', () => {
    const { db, file } = scratchDb();
    db.pragma('busy_timeout = 50');
    const reader = new Database(file, { readonly: true });
    const rows = reader.prepare('SELECT * FROM t').iterate();
    rows.next(); // holds a SHARED lock while the statement is open
    try {
      expect(codeOf(() => db.transaction(() => db.prepare('INSERT INTO t (body) VALUES (?)').run(Buffer.alloc(10)))())).toBe('CASE_FILE_LOCKED');
    } finally {
      rows.return?.();
      reader.close();
      db.close();
    }
  });

  it('writing through a read-only connection gives READ_ONLY and leaves the file byte-identical', () => {
    const { db, file } = scratchDb();
    db.close();
    const before = fileSha256(file);
    const readonly = openDatabase(file, { readonly: true });
    try {
      expect(codeOf(() => readonly.prepare('INSERT INTO t (body) VALUES (?)').run(Buffer.alloc(10)))).toBe('READ_ONLY');
      expect(codeOf(() => readonly.exec('DELETE FROM t'))).toBe('READ_ONLY');
    } finally {
      readonly.close();
    }
    expect(fileSha256(file)).toBe(before);
  });

  it('a case file opened read-only refuses writeTransaction with READ_ONLY before running anything', () => {
    const caseFile = newTestCase();
    const filePath = caseFile.path;
    closeCaseFile(caseFile);
    const readonly = track(openCaseFile(filePath, { actor: ALICE, readonly: true }));
    let ran = false;
    expect(codeOf(() => writeTransaction(readonly, () => (ran = true)))).toBe('READ_ONLY');
    expect(ran).toBe(false);
  });

  it('a full disk (the size limit reached) gives DISK_FULL and the transaction is rolled back', () => {
    const { db } = scratchDb();
    try {
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
      expect(codeOf(() => db.transaction(() => insert.run(Buffer.alloc(1 << 20, 2)))())).toBe('DISK_FULL');
      expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('a damaged page met while iterating gives CASE_FILE_CORRUPT', () => {
    const { db, file } = scratchDb();
    db.transaction(() => {
      for (let i = 0; i < 200; i += 1) db.prepare('INSERT INTO t (body) VALUES (?)').run(Buffer.alloc(3000, i));
    })();
    db.close();
    damageRootPage(file, 't');
    const damaged = openDatabase(file, { readonly: true });
    try {
      expect(codeOf(() => [...damaged.prepare('SELECT * FROM t').iterate()])).toBe('CASE_FILE_CORRUPT');
    } finally {
      damaged.close();
    }
  });

  it('a folder that does not exist gives CASE_FILE_CANNOT_OPEN', () => {
    expect(codeOf(() => openDatabase(path.join(tempDir(), 'missing', 'x.db'), { create: true }))).toBe('CASE_FILE_CANNOT_OPEN');
  });

  it('errors a user did not cause (constraints, bad SQL) keep SQLite\'s own error', () => {
    const { db } = scratchDb();
    try {
      expect(() => db.prepare('INSERT INTO t (id) VALUES (1)').run()).toThrow(Database.SqliteError);
      expect(() => db.prepare('SELEC 1')).toThrow(Database.SqliteError);
    } finally {
      db.close();
    }
  });
});

describe('nested write transactions', () => {
  it('run in a savepoint: a failed inner step is undone alone and the outer work still commits', () => {
    const caseFile = newTestCase();
    caseFile.db.exec('CREATE TABLE scratch (x TEXT)');
    const insert = (x: string) => caseFile.db.prepare('INSERT INTO scratch (x) VALUES (?)').run(x);
    writeTransaction(caseFile, () => {
      insert('outer before');
      try {
        writeTransaction(caseFile, () => {
          insert('inner');
          throw new Error('inner step failed');
        });
      } catch {
        // the caller decided to go on without the inner step
      }
      insert('outer after');
    });
    expect(caseFile.db.prepare('SELECT x FROM scratch ORDER BY rowid').pluck().all()).toEqual(['outer before', 'outer after']);
  });
});
