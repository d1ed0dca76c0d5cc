import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { openDatabase } from '../../../src-main/casefile/openDatabase';
import { fieldDigests, recordDigest } from '../../../src-main/casefile/recordDigest';
import { DossierError } from '../../../src-main/contract/errors';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { expectVerified, fileHash } from './mergeCopies';
import { forgeNote, withoutTriggersOf } from '../../helpers/forgeCaseFile';

/*
 * H2: a copy changed behind the app's back (sqlite3) must not be taken in, let alone re-sealed by
 * the merge and then certified clean by `check`. Each test forges Bob's copy as the adversarial
 * testers did, then merges it into Alice's.
 */

/** Alice's case with a note, copied as Bob's; Bob adds a note of his own. */
function aliceAndBob(): { alicePath: string; bobPath: string; noteId: string; bobNoteId: string } {
  const alice = newTestCase(ALICE);
  const noteId = noteService.create(alice, { title: 'Plan', body: 'the real plan' }).id;
  closeCaseFile(alice);
  const bobPath = path.join(path.dirname(alice.path), 'bob.dossier');
  fs.copyFileSync(alice.path, bobPath);
  const bob = openCaseFile(bobPath, { actor: BOB });
  const bobNoteId = noteService.create(bob, { title: 'Bob', body: 'registrar answered' }).id;
  closeCaseFile(bob);
  return { alicePath: alice.path, bobPath, noteId, bobNoteId };
}

/** The stored note row, as verifyRecordSeals digests it. */
function bob2Row(file: string, noteId: string): Record<string, unknown> {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM note WHERE id = ?').get(noteId) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

function refusal(work: () => unknown): DossierError {
  try {
    work();
  } catch (error) {
    if (error instanceof DossierError) return error;
    throw error;
  }
  throw new Error('the merge was not refused');
}

describe('merging a copy edited behind the app', () => {
  it('refuses a copy whose note was changed with sqlite3, names it, and writes nothing', () => {
    const { alicePath, bobPath, noteId } = aliceAndBob();
    forgeNote(bobPath, noteId);
    const before = fileHash(alicePath);
    const alice = track(openCaseFile(alicePath, { actor: ALICE }));
    const error = refusal(() => mergeCaseFile(alice, bobPath));
    expect(error.code).toBe('RECORDS_ALTERED');
    expect(error.message).toContain(`note ${noteId}`);
    expect(error.message).toContain('body');
    expect(error.message).toContain('bob.dossier');
    expect(error.details).toMatchObject({ records: [{ table: 'note', id: noteId, fields: expect.arrayContaining(['body', 'hlc']) }] });
    expect(noteService.get(alice, noteId).body).toBe('the real plan');
    closeCaseFile(alice);
    expect(fileHash(alicePath)).toBe(before);
  });

  it('refuses a note added to the copy with sqlite3 (no audit entry ever recorded it)', () => {
    const { alicePath, bobPath, noteId } = aliceAndBob();
    execFileSync('sqlite3', [bobPath, `CREATE TEMP TABLE t AS SELECT * FROM note WHERE id = '${noteId}'; UPDATE t SET id = 'planted-note', body = 'planted'; INSERT INTO note SELECT * FROM t;`]);
    const alice = track(openCaseFile(alicePath, { actor: ALICE }));
    const error = refusal(() => mergeCaseFile(alice, bobPath));
    expect(error.code).toBe('RECORDS_ALTERED');
    expect(error.message).toContain('note planted-note');
    expect(alice.db.prepare("SELECT count(*) FROM note WHERE id = 'planted-note'").pluck().get()).toBe(0);
  });

  it('refuses a forged seal: the seal row edited to match the forged note', () => {
    const { alicePath, bobPath, noteId } = aliceAndBob();
    forgeNote(bobPath, noteId);
    // Make the newest seal of the note claim the forged row's digest (the entry's seal digest no longer matches).
    const bob = openDatabase(bobPath, { readonly: true });
    const findings = verifyRecordSeals(bob).findings;
    bob.close();
    expect(findings.map((f) => f.id)).toContain(noteId);
    const forged = bob2Row(bobPath, noteId);
    withoutTriggersOf(bobPath, 'audit_seal', `UPDATE audit_seal SET digest = '${recordDigest(forged)}', field_digests = '${fieldDigests(forged)}' WHERE record_id = '${noteId}'`);
    const alice = track(openCaseFile(alicePath, { actor: ALICE }));
    expect(refusal(() => mergeCaseFile(alice, bobPath)).code).toBe('RECORDS_ALTERED');
    expect(noteService.get(alice, noteId).body).toBe('the real plan');
  });

  it('still merges an honest copy; a row edited without its stamp is the version Alice holds, and is not taken', () => {
    const { alicePath, bobPath, noteId, bobNoteId } = aliceAndBob();
    execFileSync('sqlite3', [bobPath, `UPDATE note SET body = 'FORGED' WHERE id = '${noteId}'`]);
    const alice = track(openCaseFile(alicePath, { actor: ALICE }));
    const report = mergeCaseFile(alice, bobPath);
    expect(report.inserted.note).toBe(1);
    expect(noteService.get(alice, bobNoteId).body).toBe('registrar answered');
    expect(noteService.get(alice, noteId).body).toBe('the real plan');
    expectVerified(alice);
  });
});
