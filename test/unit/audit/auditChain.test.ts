import { execFileSync } from 'node:child_process';
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
    expect(auditHeads(caseFile.db)).toEqual([expect.objectContaining({ chain: ALICE.device, length: 4, headHash: report.chains[0]!.headHash })]);
  });

  it('keeps one chain per device', () => {
    const caseFile = newTestCase();
    const path = caseFile.path;
    closeCaseFile(caseFile);
    const asBob = track(openCaseFile(path, { actor: BOB }));
    noteService.create(asBob, { title: 'Bob was here', body: '' });
    const report = verifyAudit(asBob.db);
    expect(report.ok).toBe(true);
    expect(report.chains.map((c) => [c.chain, c.length])).toEqual([
      [ALICE.device, 1],
      [BOB.device, 1],
    ]);
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
    expect(report.firstBreak).toEqual({ chain: ALICE.device, seq: 4, reason: 'content does not match its hash' });
  });

  it('finds a deleted entry', () => {
    const caseFile = newTestCase();
    for (let i = 0; i < 4; i += 1) appendAudit(caseFile, { action: 'test.step', detail: { i } });
    const path = caseFile.path;
    closeCaseFile(caseFile);
    sqlite3(path, 'DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq = 3;');
    const reopened = track(openCaseFile(path, { actor: ALICE }));
    expect(verifyAudit(reopened.db).firstBreak).toEqual({ chain: ALICE.device, seq: 4, reason: 'entry 3 is missing' });
  });
});
