import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { auditReport } from '../../../src-main/integrity/auditReport';
import { checkCaseFile } from '../../../src-main/integrity/checkCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import { ALICE, BOB, newTestCase } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * A case written on this computer, a backup taken, more written, then the backup copied back over
 * the file in place (same inode, as `cp backup case.dossier` does): the file's own audit chain
 * stops before what this computer already wrote on it. Its content alone cannot show that.
 */
function restoredInPlace(): string {
  vi.stubEnv('DOSSIER_STATE_DIR', path.join(tempDir(), 'state'));
  const first = newTestCase(ALICE);
  const file = first.path;
  noteService.create(first, { title: 'before the backup', body: '' });
  closeCaseFile(first);
  const backup = path.join(tempDir(), 'backup.dossier');
  fs.copyFileSync(file, backup);
  const later = openCaseFile(file, { actor: ALICE });
  noteService.create(later, { title: 'after the backup: custody of the seized disk', body: '' });
  closeCaseFile(later);
  const inode = fs.statSync(file).ino;
  fs.copyFileSync(backup, file);
  expect(fs.statSync(file).ino).toBe(inode);
  return file;
}

async function checkOf(file: string, actor = ALICE) {
  const caseFile = openCaseFile(file, { actor, readonly: true });
  try {
    return await checkCaseFile(caseFile);
  } finally {
    closeCaseFile(caseFile);
  }
}

describe('check of a copy restored over the original on this computer', () => {
  it('fails the audit check, naming the chain and the entries this computer wrote that the file no longer holds', async () => {
    const file = restoredInPlace();
    const report = await checkOf(file);
    expect(report.ok).toBe(false);
    const audit = report.sections.find((s) => s.name === 'audit')!;
    expect(audit.ok).toBe(false);
    const finding = report.findings.find((f) => f.check === 'audit')!;
    expect(finding.message).toMatch(/ends at entry \d+, but this computer wrote up to entry \d+/);
    expect(finding.message).toMatch(/restored from an older copy or its history was cut off/);
  });

  it('makes audit verify fail with the same reason, though every hash of the chain is intact', () => {
    const file = restoredInPlace();
    const caseFile = openCaseFile(file, { actor: ALICE, readonly: true });
    try {
      const report = auditReport(caseFile);
      expect(report.firstBreak).toBeNull();
      expect(report.ok).toBe(false);
      expect(report.behind).toMatch(/restored from an older copy or its history was cut off/);
    } finally {
      closeCaseFile(caseFile);
    }
  });

  it('still holds for a computer that never wrote this file (no register of its chain there), and for an untouched file', async () => {
    const file = restoredInPlace();
    expect((await checkOf(file, BOB)).ok).toBe(true);
    vi.stubEnv('DOSSIER_STATE_DIR', path.join(tempDir(), 'state-2'));
    const untouched = newTestCase(ALICE);
    noteService.create(untouched, { title: 'a note', body: '' });
    closeCaseFile(untouched);
    expect((await checkOf(untouched.path)).ok).toBe(true);
  });

  it('once a write has recorded the restore, passes and says in the audit summary when and how far back the copy went', async () => {
    const file = restoredInPlace();
    const writer = openCaseFile(file, { actor: ALICE });
    noteService.create(writer, { title: 'written after the restore', body: '' });
    closeCaseFile(writer);
    const report = await checkOf(file);
    expect(report.ok).toBe(true);
    const audit = report.sections.find((s) => s.name === 'audit')!;
    expect(audit.summary).toMatch(/restored from an older copy/);
    expect(audit.summary).toMatch(/Alice Investigator/);
  });
});
