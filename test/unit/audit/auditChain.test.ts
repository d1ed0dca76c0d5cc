import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src-main/audit/appendAudit';
import { auditHeads, verifyAudit } from '../../../src-main/audit/verifyAudit';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';

function sqlite3(file: string, sql: string): string {
  return execFileSync('sqlite3', [file, sql], { encoding: 'utf8' });
}

describe('audit hash chain', () => {
  it('records every change and verifies', () => {
    const caseFile = newTestCase();
    const note = noteService.create(caseFile, { title: 'First', body: 'x' });
    noteService.update(caseFile, note.id, { body: 'y' });
    noteService.remove(caseFile, note.id);
    const actions = caseFile.db.prepare('SELECT action FROM audit_entry ORDER BY seq').pluck().all();
    expect(actions).toEqual(['case.create', 'note.create', 'note.update', 'note.delete']);
    const report = verifyAudit(caseFile.db);
    expect(report.ok).toBe(true);
    expect(report.entriesChecked).toBe(4);
    expect(auditHeads(caseFile.db)).toEqual([expect.objectContaining({ chain: caseFile.chain, length: 4, headHash: report.chains[0]!.headHash })]);
    expect(caseFile.chain.startsWith(`${ALICE.device}-`)).toBe(true);
  });

  it('keeps one chain per device', () => {
    const caseFile = newTestCase();
    const path = caseFile.path;
    const aliceChain = caseFile.chain;
    closeCaseFile(caseFile);
    const asBob = track(openCaseFile(path, { actor: BOB }));
    noteService.create(asBob, { title: 'Bob was here', body: '' });
    const report = verifyAudit(asBob.db);
    expect(report.ok).toBe(true);
    expect(report.chains.map((c) => [c.chain, c.length]).sort()).toEqual(
      [
        [aliceChain, 1],
        [asBob.chain, 1],
      ].sort(),
    );
    expect(asBob.chain.startsWith(`${BOB.device}-`)).toBe(true);
  });

  it('gives a copied file its own chain, so both copies can be written on one machine', () => {
    const caseFile = newTestCase();
    const original = caseFile.chain;
    closeCaseFile(caseFile);
    const copyPath = `${caseFile.path}.copy.dossier`;
    copyFileSync(caseFile.path, copyPath);
    const copy = track(openCaseFile(copyPath, { actor: ALICE }));
    const again = track(openCaseFile(caseFile.path, { actor: ALICE }));
    expect(again.chain).toBe(original);
    expect(copy.chain).not.toBe(original);
    expect(copy.chain.startsWith(`${ALICE.device}-`)).toBe(true);
  });

  it('refuses UPDATE and DELETE on the log', () => {
    const caseFile = newTestCase();
    expect(() => caseFile.db.prepare("UPDATE audit_entry SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => caseFile.db.prepare('DELETE FROM audit_entry').run()).toThrow(/append-only/);
  });

  it('finds the entry changed behind its back with the sqlite3 CLI', () => {
    const caseFile = newTestCase();
    for (let i = 0; i < 5; i += 1) appendAudit(caseFile, { action: 'test.step', detail: { i } });
    const path = caseFile.path;
    closeCaseFile(caseFile);
    sqlite3(
      path,
      `DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET detail = '{"i":99}' WHERE seq = 4;`,
    );
    const reopened = track(openCaseFile(path, { actor: ALICE }));
    const report = verifyAudit(reopened.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({ chain: reopened.chain, seq: 4, reason: 'content does not match its hash' });
  });

  it('finds a deleted entry', () => {
    const caseFile = newTestCase();
    for (let i = 0; i < 4; i += 1) appendAudit(caseFile, { action: 'test.step', detail: { i } });
    const path = caseFile.path;
    closeCaseFile(caseFile);
    sqlite3(path, 'DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq = 3;');
    const reopened = track(openCaseFile(path, { actor: ALICE }));
    expect(verifyAudit(reopened.db).firstBreak).toEqual({ chain: reopened.chain, seq: 4, reason: 'entry 3 is missing' });
  });
});
