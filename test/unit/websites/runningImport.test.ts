import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src-main/audit/appendAudit';
import { writeTransaction } from '../../../src-main/casefile/writeTransaction';
import { checkCaseFile } from '../../../src-main/integrity/checkCaseFile';
import { thisImportProcess } from '../../../src-main/websites/importProcess';
import { findInterruptedImports } from '../../../src-main/websites/interruptedImports';
import { rollbackSiteImport } from '../../../src-main/websites/rollbackSiteImport';
import { newTestCase } from '../../helpers/testCase';

/** An import's start entry as importSiteList writes it, for a process that is `process`. */
function startImport(process: unknown): void {
  const cf = caseFile;
  writeTransaction(cf, () => appendAudit(cf, { action: 'website.import.start', recordKind: 'case', detail: { file: 'sites.txt', sha256: 'a'.repeat(64), bytes: 10, process } }));
}
let caseFile: ReturnType<typeof newTestCase>;

describe('an import whose process still runs', () => {
  it('is in progress, not interrupted: check says so, and it cannot be rolled back under its feet', async () => {
    caseFile = newTestCase();
    startImport(thisImportProcess()); // this very process: running
    const [running] = findInterruptedImports(caseFile.db);
    expect(running).toMatchObject({ running: true, file: 'sites.txt' });
    const report = await checkCaseFile(caseFile);
    expect(report.findings.find((f) => f.check === 'imports')!.message).toMatch(/is running now/);
    expect(() => rollbackSiteImport(caseFile, running!.id)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/still running/) }));
  });

  it('a pid now used by another process (other start time), another boot or another computer is not that import', () => {
    caseFile = newTestCase();
    const me = thisImportProcess();
    startImport({ ...me, started: me.started === null ? null : `${me.started}1` });
    startImport({ ...me, boot: me.boot === null ? null : 'another-boot' });
    startImport({ ...me, host: 'someone-elses-laptop' });
    startImport(undefined); // an import recorded before processes were
    const found = findInterruptedImports(caseFile.db);
    expect(found).toHaveLength(4);
    // Off Linux the start time and boot are unknown; only the host and pid can tell.
    const expected = me.started === null ? [true, true, false, false] : [false, me.boot === null, false, false];
    expect(found.map((i) => i.running)).toEqual(expected);
    // Killed ones roll back: nothing committed, one sealed entry.
    expect(rollbackSiteImport(caseFile, found[2]!.id)).toMatchObject({ removed: 0, restored: 0, links: 0 });
  });
});
