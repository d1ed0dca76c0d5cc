import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkCase, demoCase } from '../helpers/demoCheck';
import { runCliJson } from '../helpers/runCli';

/*
 * `dossier check` compares the search indexes with what the records give (src-main/search/
 * verifySearchIndex.ts): beside the adversarial reproductions (adv-ui/searchIndexBehindBack), the
 * host name index and an entry removed from the full-text index.
 */

/** Runs SQL on the file with the sqlite3 command line, as someone editing behind the app's back would. */
const sqlite3 = (file: string, statement: string): string => execFileSync('sqlite3', [file, statement], { encoding: 'utf8' }).trim();

describe('check compares the search indexes with the records', () => {
  it('names a website whose host name index entry was rewritten, so part of another host would find it', () => {
    const file = demoCase();
    const site = runCliJson<{ items: { id: string }[] }>(['site', 'list', file, '--limit', '1']).items[0]!.id;
    sqlite3(file, `UPDATE host_trigram SET host = 'innocent-bank.example' WHERE rowid = (SELECT rowid FROM website WHERE id = '${site}')`);
    const { status, report } = checkCase(file);
    expect(status).toBe(4);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'search', table: 'host_trigram', id: site, fields: ['host'] }));
  });

  it('names a note removed from the full-text index (search could no longer find it)', () => {
    const file = demoCase();
    const note = sqlite3(file, "SELECT id FROM note WHERE title = 'Open items'");
    sqlite3(file, `DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE record_id = '${note}')`);
    const { status, report } = checkCase(file);
    expect(status).toBe(4);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'search', table: 'search_fts', id: note }));
    expect(checkCase(demoCase()).report.sections.find((s) => s.name === 'search')?.ok, 'a fresh demo case passes').toBe(true);
  });

  it('names a website removed from the full-text index when it has more to search than its host (search by its registry or notes would miss it)', () => {
    const file = demoCase();
    const site = sqlite3(file, "SELECT id FROM website WHERE registry IS NOT NULL AND deleted_at IS NULL ORDER BY host_ascii LIMIT 1");
    expect(site).not.toBe('');
    sqlite3(file, `DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE record_id = '${site}'); DELETE FROM search_doc WHERE record_id = '${site}'`);
    const { status, report } = checkCase(file);
    expect(status).toBe(4);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'search', table: 'search_fts', id: site }));
  });

  it('names a website whose full-text entry lost its text (the entry kept, its words gone)', () => {
    const file = demoCase();
    const site = sqlite3(file, "SELECT id FROM website WHERE registry IS NOT NULL AND deleted_at IS NULL ORDER BY host_ascii LIMIT 1");
    sqlite3(file, `DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE record_id = '${site}')`);
    const { status, report } = checkCase(file);
    expect(status).toBe(4);
    expect(report.findings).toContainEqual(expect.objectContaining({ check: 'search', table: 'search_fts', id: site }));
  });
});
