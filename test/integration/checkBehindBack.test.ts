import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { InterruptedImport } from '../../src-main/contract/integrity';
import { killSiteImportMidway } from '../helpers/killSiteImport';
import { checkCaseInProcess, demoCaseInProcess } from '../helpers/demoCheck';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { runCli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/*
 * Edits made with sqlite3 behind the app's back, the way adversarial testers made them: where a
 * trigger guards the table, it is dropped, the row edited, and the trigger made again with its
 * very SQL (so the schema check sees nothing). `dossier check` must name each one.
 */


/** Runs `sql` on the file with the named triggers dropped for the edit and re-created exactly as they were. */
function editBehindBack(file: string, triggers: string[], sql: string, ...params: unknown[]): void {
  const db = new Database(file);
  try {
    const saved = triggers.map((name) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string);
    db.transaction(() => {
      for (const name of triggers) db.exec(`DROP TRIGGER ${name}`);
      db.prepare(sql).run(...params);
      for (const text of saved) db.exec(text);
    })();
  } finally {
    db.close();
  }
}

function one<T>(file: string, sql: string): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as T;
  } finally {
    db.close();
  }
}

describe('dossier check notices edits made behind the app\'s back', () => {
  it('re-hashes the bytes of a deleted exhibit too: they stay in the case and can be extracted', async () => {
    const file = await demoCaseInProcess();
    const ex4 = one<string>(file, "SELECT id FROM evidence WHERE exhibit_label = 'Exhibit 4'");
    expect((await dossier(['delete', file, ex4])).status).toBe(0);
    expect((await checkCaseInProcess(file)).status).toBe(0);
    const content = one<string>(file, `SELECT content_sha256 FROM evidence WHERE id = '${ex4}'`);
    editBehindBack(
      file,
      ['evidence_chunk_no_update'],
      "UPDATE evidence_chunk SET data = CAST(char(unicode(substr(CAST(data AS TEXT), 1, 1)) + 1) || substr(CAST(data AS TEXT), 2) AS BLOB) WHERE content_sha256 = ? AND seq = 0",
      content,
    );
    expect((await dossier(['evidence', 'verify', file, ex4])).stdout).toMatch(/FAILED|MISMATCH/i);
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    const finding = report.findings.find((f) => f.check === 'evidence' && f.id === ex4);
    expect(finding?.message).toContain('Exhibit 4');
    expect(finding?.message).toContain('deleted');
  }, 300_000);

  it('names a production whose frozen input or Bates range was edited, and will not re-export the forged text under its numbers', async () => {
    const file = await demoCaseInProcess();
    const out = path.join(tempDir(), 'd.pdf');
    expect((await dossier(['packet', file, '--out', out, '--declarant', 'J', '--declarant-role', 'I', '--place', 'X'])).status).toBe(0);
    expect((await checkCaseInProcess(file)).status).toBe(0);
    const production = one<string>(file, 'SELECT id FROM production');
    editBehindBack(file, ['production_no_update'], `UPDATE production SET frozen_input = replace(frozen_input, '"J"', '"Forged Person"')`);
    expect(one<string>(file, 'SELECT frozen_input FROM production')).toContain('Forged Person');
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    const found = report.findings.filter((f) => f.table === 'production').map((f) => [f.check, f.id, f.fields]);
    expect(found).toEqual([['content', production, ['frozen_input']]]);

    const again = await dossier(['packet', file, '--production', production, '--out', path.join(tempDir(), 'again.pdf')]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain(production);
    expect(again.stderr).toContain('frozen_input');

    editBehindBack(file, ['production_no_update'], 'UPDATE production SET bates_last = 5');
    const bates = (await checkCaseInProcess(file)).report.findings.filter((f) => f.table === 'production');
    expect(bates.map((f) => f.fields)).toEqual([['bates_last', 'frozen_input']]);
  }, 300_000);

  it('names the filing caption edited behind the app\'s back; setting it through the app keeps check clean', async () => {
    const file = await demoCaseInProcess();
    expect((await dossier(['caption', 'set', file, '--judge', 'Hon. Lewis J. Liman', '--judge-initials', 'LJL'])).status).toBe(0);
    expect((await checkCaseInProcess(file)).status).toBe(0);
    const caption = one<string>(file, 'SELECT id FROM filing_caption');
    editBehindBack(file, [], "UPDATE filing_caption SET judge = 'Hon. Someone Else'");
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    expect(report.findings.filter((f) => f.table === 'filing_caption').map((f) => [f.check, f.id, f.fields])).toEqual([['content', caption, ['judge']]]);
  }, 300_000);

  it('checks every old version in record_history against the seal written when it was current', async () => {
    const file = await demoCaseInProcess();
    const version = one<string>(file, `SELECT id FROM record_history WHERE version_json LIKE '%"raw_input":"hotmailbox.me"%'`);
    expect(version).toBeTruthy();
    editBehindBack(
      file,
      ['record_history_no_update'],
      `UPDATE record_history SET version_json = replace(version_json, '"raw_input":"hotmailbox.me"', '"raw_input":"evil.example"')`,
    );
    const site = one<string>(file, `SELECT record_id FROM record_history WHERE id = '${version}'`);
    expect((await dossier(['show', file, site, '--json'])).stdout).toContain('evil.example');
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    const found = report.findings.filter((f) => f.table === 'record_history');
    expect(found.map((f) => [f.check, f.id, f.fields])).toEqual([['content', version, ['raw_input']]]);
    expect(found[0]!.message).toContain(`website ${site}`);

  }, 300_000);

  it('reports a truncated case file as its integrity finding (exit 4, a full report) and writes nothing', async () => {
    const file = await demoCaseInProcess();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(3_000_000);
    fs.truncateSync(file, 3_000_000);
    const before = fs.readFileSync(file);
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    expect(report.ok).toBe(false);
    const integrity = report.sections.find((s) => s.name === 'integrity')!;
    expect(integrity.ok).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ check: 'integrity', message: expect.stringContaining(`3000000 bytes on disk, ${size} expected`) })]);
    expect(report.sections.filter((s) => s.name !== 'integrity').every((s) => !s.ok && s.summary.startsWith('Not checked'))).toBe(true);
    const human = runCli(['check', file]); // through the real process: what a script sees of a truncated file
    expect(human.status).toBe(4);
    expect(human.stdout).toContain('CHECK FAILED');
    expect(human.stdout).toContain('FAIL  integrity');
    expect(human.stderr).toBe('');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  }, 300_000);

  it('names a merge field stamp that no sealed version of its record ever had (a forged future stamp wins every merge)', async () => {
    const file = await demoCaseInProcess();
    const site = one<string>(file, "SELECT record_id FROM field_stamp WHERE record_table = 'website' AND field = 'status' LIMIT 1");
    editBehindBack(file, [], "UPDATE field_stamp SET hlc = '9999999999999.0000.forged' WHERE record_id = ? AND field = 'status'", site);
    const { status, report } = await checkCaseInProcess(file);
    expect(status).toBe(4);
    expect(report.findings.filter((f) => f.table === 'field_stamp').map((f) => [f.check, f.id, f.fields])).toEqual([['content', `website/${site}`, ['status']]]);

    // A stamp borrowed from another record's sealed version is no version of this one either.
    editBehindBack(
      file,
      [],
      "INSERT INTO field_stamp (record_table, record_id, field, hlc) SELECT 'website', ?, 'notes', hlc FROM website WHERE id <> ? ORDER BY hlc DESC LIMIT 1",
      site,
      site,
    );
    expect((await checkCaseInProcess(file)).report.findings.filter((f) => f.table === 'field_stamp').map((f) => f.fields)).toEqual([['notes'], ['status']]);
  }, 300_000);

  it('site import --rollback will not put back a kept version edited behind the app\'s back', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cut.dossier');
    await dossierJson(['new', file, '--title', 'Cut short']);
    const before = await dossierJson<{ id: string }>(['site', 'add', file, 'cut1.example.org']);
    const list = path.join(dir, 'sites.csv');
    fs.writeFileSync(list, `domain,registrar\n${Array.from({ length: 12_000 }, (_, i) => `cut${i}.example.org,Registrar ${i}`).join('\n')}\n`);
    expect(await killSiteImportMidway(file, list, ['--batch-rows', '3000'])).toBe('SIGKILL');
    const cut = (await dossierJson<{ interruptedImports: InterruptedImport[] }>(['info', file])).interruptedImports[0]!;
    const version = one<string>(file, `SELECT id FROM record_history WHERE record_id = '${before.id}' AND reason = 'update'`);
    editBehindBack(file, ['record_history_no_update'], `UPDATE record_history SET version_json = json_set(version_json, '$.notes', 'planted') WHERE id = ?`, version);

    const refused = await dossier(['site', 'import', file, '--rollback', cut.id]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain(`record_history ${version}`);
    expect(refused.stderr).toContain('(notes)');
    expect(one<string | null>(file, `SELECT notes FROM website WHERE id = '${before.id}'`)).toBeNull();
    expect((await dossierJson<{ interruptedImports: InterruptedImport[] }>(['info', file])).interruptedImports).toHaveLength(1);
  }, 600_000);
});
