import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseCheckReport, InterruptedImport } from '../../src-main/contract/integrity';
import { killSiteImportMidway } from '../helpers/killSiteImport';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

function sql(caseFile: string, query: string): string {
  return execFileSync('sqlite3', [caseFile, query], { encoding: 'utf8', stdio: 'pipe' }).trim();
}

describe('an import killed midway, rolled back', () => {
  it('removes exactly the rows it committed (sealed tombstones), restores what it merged, and the case checks clean', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'cut.dossier');
    runCliJson(['new', caseFile, '--title', 'Cut short']);
    // A site recorded before the import, which the list's row merges into (it fills the registrar).
    const before = runCliJson<{ id: string }>(['site', 'add', caseFile, 'cut1.example.org']);
    const order = runCliJson<{ id: string }>(['order', 'add', caseFile, '--title', 'TRO', '--docket', '1:26-cv-1', '--court', 'E.D. Va.', '--type', 'tro']);
    const list = path.join(dir, 'sites.csv');
    // Batches of 3,000 (--batch-rows): killed after the first of four, as after the first of many.
    fs.writeFileSync(list, `domain,registrar,status\n${Array.from({ length: 12_000 }, (_, i) => `cut${i}.example.org,Registrar ${i},named_in_order`).join('\n')}\n`);
    expect(await killSiteImportMidway(caseFile, list, ['--order', order.id, '--batch-rows', '3000']), 'the import must still be running after its first batch, to be killed midway').toBe('SIGKILL');

    const info = runCliJson<{ interruptedImports: InterruptedImport[] }>(['info', caseFile]);
    expect(info.interruptedImports).toHaveLength(1);
    const cut = info.interruptedImports[0]!;
    expect(cut.running).toBe(false);
    expect(cut.id).toBe(`${cut.chain}#${cut.seq}`);
    expect(runCli(['info', caseFile]).stdout).toContain(`--rollback ${cut.id}`);
    const liveBefore = Number(sql(caseFile, 'SELECT count(*) FROM website WHERE deleted_at IS NULL;'));
    expect(liveBefore).toBeGreaterThan(1);
    expect(sql(caseFile, `SELECT registrar || '|' || status FROM website WHERE id = '${before.id}';`)).toBe('Registrar 1|named_in_order');

    const rolled = runCliJson<{ importId: string; removed: number; restored: number; links: number }>(['site', 'import', caseFile, '--rollback', cut.id]);
    expect(rolled).toMatchObject({ importId: cut.id, removed: liveBefore - 1, restored: 1, links: liveBefore });

    // No row of that import is live; the site recorded before it is, as it was.
    expect(sql(caseFile, 'SELECT count(*) FROM website WHERE deleted_at IS NULL;')).toBe('1');
    expect(sql(caseFile, `SELECT id || '|' || coalesce(registrar, 'NULL') || '|' || status FROM website WHERE deleted_at IS NULL;`)).toBe(`${before.id}|NULL|identified`);
    // Its lifecycle says so: the import's event, then the one putting it back.
    const history = runCliJson<{ status: string; note: string | null }[]>(['site', 'history', caseFile, before.id]);
    expect(history.map((e) => e.status)).toEqual(['identified', 'named_in_order', 'identified']);
    expect(history.at(-1)!.note).toContain('rolled back');
    expect(sql(caseFile, "SELECT count(*) FROM link WHERE relation = 'covers' AND deleted_at IS NULL;")).toBe('0');
    // Tombstones with history, not dropped rows: every removed site keeps its last version.
    expect(Number(sql(caseFile, 'SELECT count(*) FROM website WHERE deleted_at IS NOT NULL;'))).toBe(liveBefore - 1);
    expect(Number(sql(caseFile, "SELECT count(*) FROM record_history WHERE record_kind = 'website' AND reason = 'delete';"))).toBe(liveBefore - 1);
    expect(runCli(['list', caseFile, 'websites', '--json']).stdout).not.toContain('cut2.example.org');

    const checked = runCli(['check', caseFile, '--json']);
    const report = JSON.parse(checked.stdout) as CaseCheckReport;
    expect(report.findings).toEqual([]);
    expect(checked.status).toBe(0);
    expect(runCli(['audit', 'verify', caseFile]).status).toBe(0);
    expect(runCliJson<{ interruptedImports: InterruptedImport[] }>(['info', caseFile]).interruptedImports).toEqual([]);

    const again = runCli(['site', 'import', caseFile, '--rollback', cut.id]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('No unfinished import');
    const noList = runCli(['site', 'import', caseFile]);
    expect(noList.status).not.toBe(0);
    expect(noList.stderr).toMatch(/list/i);
  }, 600_000);
});
