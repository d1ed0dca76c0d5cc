import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../src-main/case/caseInfo';
import { DOSSIER_APPLICATION_ID } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile, createEmptyCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/casefile/migrations/index';
import type { Migration } from '../../../src-main/casefile/migrations/Migration';
import { DossierError } from '../../../src-main/contract/errors';
import { fileSha256, leftoversBeside } from '../../helpers/fileHash';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, track } from '../../helpers/testCase';

function expectCode(work: () => unknown, code: string): DossierError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe(code);
    return error as DossierError;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

function newCaseAt(dir: string): string {
  const filePath = path.join(dir, 'case.dossier');
  closeCaseFile(createCase(filePath, { title: 'Lifecycle' }, ALICE));
  return filePath;
}

describe('creating and opening case files', () => {
  it('creates a standalone file with the measured pragmas and the latest schema', () => {
    const filePath = newCaseAt(tempDir());
    const db = new Database(filePath, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(DOSSIER_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('page_size', { simple: true })).toBe(65536);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(leftoversBeside(filePath)).toEqual([]);
    expect(fs.readdirSync(path.dirname(filePath))).toEqual(['case.dossier']);
  });

  it('opens with foreign keys on and synchronous FULL', () => {
    const caseFile = track(openCaseFile(newCaseAt(tempDir()), { actor: ALICE }));
    expect(caseFile.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(caseFile.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses to create over an existing file and leaves it alone', () => {
    const filePath = newCaseAt(tempDir());
    const before = fileSha256(filePath);
    expectCode(() => createEmptyCaseFile(filePath, { actor: ALICE }), 'FILE_EXISTS');
    expect(fileSha256(filePath)).toBe(before);
  });

  it('refuses a missing file', () => {
    expectCode(() => openCaseFile(path.join(tempDir(), 'nope.dossier'), { actor: ALICE }), 'FILE_NOT_FOUND');
  });

  it('refuses a text file and an SQLite database of another program, untouched', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.dossier');
    fs.writeFileSync(text, 'just some text, not a database\n'.repeat(10));
    const other = path.join(dir, 'other.dossier');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const hashes = [fileSha256(text), fileSha256(other)];
    expectCode(() => openCaseFile(text, { actor: ALICE }), 'NOT_A_CASE_FILE');
    expect(expectCode(() => openCaseFile(other, { actor: ALICE }), 'NOT_A_CASE_FILE').message).toContain('not a Dossier case file');
    expect([fileSha256(text), fileSha256(other)]).toEqual(hashes);
    expect(leftoversBeside(other)).toEqual([]);
  });

  it('refuses a truncated file with a clear message and leaves it untouched', () => {
    const filePath = newCaseAt(tempDir());
    const size = fs.statSync(filePath).size;
    fs.truncateSync(filePath, size - 65536 * 3);
    const before = fileSha256(filePath);
    const error = expectCode(() => openCaseFile(filePath, { actor: ALICE }), 'CASE_FILE_CORRUPT');
    expect(error.message).toMatch(/truncated/);
    expect(fileSha256(filePath)).toBe(before);
  });

  it('refuses a file whose pages are garbage', () => {
    const filePath = newCaseAt(tempDir());
    const fd = fs.openSync(filePath, 'r+');
    // Overwrite the schema page area after the 100-byte header.
    fs.writeSync(fd, Buffer.alloc(4000, 0xab), 0, 4000, 100);
    fs.closeSync(fd);
    const before = fileSha256(filePath);
    expectCode(() => openCaseFile(filePath, { actor: ALICE }), 'CASE_FILE_CORRUPT');
    expect(fileSha256(filePath)).toBe(before);
  });

  it('refuses a file from a newer Dossier, untouched', () => {
    const filePath = newCaseAt(tempDir());
    const db = new Database(filePath);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = fileSha256(filePath);
    const error = expectCode(() => openCaseFile(filePath, { actor: ALICE }), 'CASE_FILE_FROM_NEWER_VERSION');
    expect(error.message).toContain('newer Dossier');
    expect(fileSha256(filePath)).toBe(before);
  });
});

describe('migrations', () => {
  const addsColumn: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'test-adds-column',
    up: (db) => db.exec("ALTER TABLE note ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"),
  };
  const fails: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'test-fails-halfway',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER)');
      throw new Error('disk said no');
    },
  };

  it('upgrades an older file in place, keeping its rows, after taking a copy', () => {
    const filePath = newCaseAt(tempDir());
    const before = fileSha256(filePath);
    const caseFile = track(openCaseFile(filePath, { actor: ALICE, migrations: [...MIGRATIONS, addsColumn] }));
    expect(caseFile.db.pragma('user_version', { simple: true })).toBe(addsColumn.version);
    expect(caseFile.db.prepare('SELECT title FROM case_info').pluck().get()).toBe('Lifecycle');
    const backup = `${filePath}.schema-v${LATEST_SCHEMA_VERSION}.bak`;
    expect(fileSha256(backup)).toBe(before);
  });

  it('leaves the file at its old version when a step fails', () => {
    const filePath = newCaseAt(tempDir());
    const before = fileSha256(filePath);
    expectCode(() => openCaseFile(filePath, { actor: ALICE, migrations: [...MIGRATIONS, fails] }), 'MIGRATION_FAILED');
    const db = new Database(filePath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
    expect(fileSha256(filePath)).toBe(before);
  });

  it('builds every schema version from scratch in order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
