import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { checkCaseFile } from '../../../src-main/integrity/checkCaseFile';
import { stakeholderService } from '../../../src-main/stakeholders/stakeholderService';
import { damageRootPage } from '../../helpers/damagePage';
import { ALICE, newTestCase, track } from '../../helpers/testCase';
import { runCli } from '../../helpers/runCli';

describe('dossier check on a damaged case file', () => {
  it('reports the damage as its integrity finding (a full report, exit 4), not a refusal to check', async () => {
    const cf = newTestCase();
    stakeholderService.create(cf, { name: 'NameCheap Legal', kind: 'registrar' });
    const file = cf.path;
    closeCaseFile(cf);
    damageRootPage(file, 'stakeholder');
    const before = fs.readFileSync(file);

    const damaged = track(openCaseFile(file, { actor: ALICE, readonly: true }));
    const report = await checkCaseFile(damaged);
    expect(report.ok).toBe(false);
    const integrity = report.sections.find((s) => s.name === 'integrity')!;
    expect(integrity.ok).toBe(false);
    expect(report.findings.some((f) => f.check === 'integrity')).toBe(true);

    const cli = runCli(['check', file]);
    expect(cli.status, cli.stderr).toBe(4);
    expect(cli.stdout).toContain('FAIL  integrity');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
