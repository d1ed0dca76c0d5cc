import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseCheckReport, InterruptedImport } from '../../src-main/contract/integrity';
import { killSiteImportMidway } from '../helpers/killSiteImport';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

describe('an import killed midway', () => {
  it('is shown by info and check with how far it got, and --resume completes it', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'cut.dossier');
    runCliJson(['new', caseFile, '--title', 'Cut short']);
    runCliJson(['site', 'add', caseFile, 'cut7.example.org']); // in the case before the import: a merge
    const list = path.join(dir, 'sites.txt');
    // Batches of 3,000 (--batch-rows): killed after the first of four, as after the first of many.
    // Every tenth row repeats an earlier site (merged), as real lists do.
    fs.writeFileSync(list, `${Array.from({ length: 12_000 }, (_, i) => `cut${i % 10 === 9 ? i - 5000 * Math.floor(i / 5000) - 9 : i}.example.org`).join('\n')}\n`);
    // What the same import says uninterrupted, on a copy of the case: the resumed one must say the same.
    const whole = path.join(dir, 'whole.dossier');
    fs.copyFileSync(caseFile, whole);
    const uninterrupted = runCliJson<{ imported: number; merged: number }>(['site', 'import', whole, list, '--batch-rows', '3000'], { timeoutMs: 300_000 });
    expect(uninterrupted.merged).toBeGreaterThan(1000);
    expect(await killSiteImportMidway(caseFile, list, ['--batch-rows', '3000']), 'the import must still be running after its first batch, to be killed midway').toBe('SIGKILL');

    const info = runCliJson<{ interruptedImports: InterruptedImport[] }>(['info', caseFile]);
    expect(info.interruptedImports).toHaveLength(1);
    const cut = info.interruptedImports[0]!;
    expect(cut).toMatchObject({ file: 'sites.txt' });
    expect(cut.batches).toBeGreaterThanOrEqual(1);
    const stored = Number(execFileSync('sqlite3', [caseFile, 'SELECT count(*) FROM website;'], { encoding: 'utf8' }).trim()) - 1;
    expect(cut.rowsWritten).toBeGreaterThanOrEqual(stored);
    expect(runCli(['info', caseFile]).stdout).toContain('UNFINISHED IMPORT');

    const checked = runCli(['check', caseFile, '--json']);
    expect(checked.status).toBe(4);
    const report = JSON.parse(checked.stdout) as CaseCheckReport;
    expect(report.sections.filter((s) => !s.ok).map((s) => s.name)).toEqual(['imports']);
    expect(report.findings[0]!.message).toContain(`${cut.rowsWritten} row(s) written`);

    // Host trigrams are built at the end of an import: the rows of the killed one have none yet.
    const unindexed = () => Number(execFileSync('sqlite3', [caseFile, 'SELECT count(*) FROM website w WHERE NOT EXISTS (SELECT 1 FROM host_trigram t WHERE t.rowid = w.rowid);'], { encoding: 'utf8' }).trim());
    expect(unindexed()).toBe(stored);

    // The resumed import reports, and audits, the totals of the whole import, not of its last part.
    const resumed = runCliJson<{ imported: number; merged: number; importedBeforeResume: number }>(['site', 'import', caseFile, list, '--resume'], { timeoutMs: 300_000 });
    expect(resumed).toMatchObject({ imported: uninterrupted.imported, merged: uninterrupted.merged, importedBeforeResume: stored, resumeCovers: 'whole list' });
    const ended = (file: string) => JSON.parse(execFileSync('sqlite3', [file, "SELECT detail FROM audit_entry WHERE action = 'website.import' ORDER BY at DESC LIMIT 1;"], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(ended(caseFile)).toMatchObject({ imported: uninterrupted.imported, merged: uninterrupted.merged });
    expect(ended(whole)).toMatchObject({ imported: uninterrupted.imported, merged: uninterrupted.merged });
    expect(runCli(['site', 'import', whole, list]).stdout).not.toContain('completing');
    expect(runCli(['check', caseFile]).status).toBe(0);
    expect(unindexed()).toBe(0);
    expect(runCliJson<{ items: unknown[] }>(['site', 'list', caseFile, '--filter', 'cut1.example', '--limit', '5', '--json']).items.length).toBeGreaterThan(0);
    expect(runCli(['site', 'import', caseFile, list, '--resume']).stderr).toContain('nothing to resume');
  }, 600_000);
});
