import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../src-main/audit/verifyRecordSeals';
import type { CaseFile } from '../../src-main/casefile/CaseFile';
import { checkCaseFile } from '../../src-main/integrity/checkCaseFile';
import { searchCase } from '../../src-main/search/searchCase';
import { importSiteList, type SiteImportOptions } from '../../src-main/websites/importSiteList';
import { addWebsite, listWebsites } from '../../src-main/websites/websiteService';
import { parseSiteList, splitSiteList } from '../../src-main/websites/parseSiteList';
import { bySiteIdentity } from '../../src-main/websites/SiteRowReader';
import { normalizeInThreads } from '../../src-main/websites/siteNormalizerPool';
import { newTestCase } from '../helpers/testCase';
import { tempDir } from '../helpers/tempDir';

/**
 * A few thousand rows with what real lists hold: bad rows of each kind, repeats of a site in other
 * spellings (case, trailing dot, URL), a site already in the case, look-alikes and IDNs, and
 * columns that fill or merge fields. Returns the list and the row numbers of the bad rows.
 */
function writeMixedList(): { file: string; badRows: number[] } {
  const lines = ['domain,registrar,status,ips,ticket'];
  const badRows: number[] = [];
  const bad = ['bad domain', 'a..b.com', `${'x'.repeat(64)}.com`, 'nosuffix', '-lead.com', 'exa\u0007mple.com'];
  const good = (i: number): string => {
    switch (i % 9) {
      case 0: return `shop${i}.example.com,Registrar ${i % 4},identified,,T-${i}`;
      case 1: return `https://www.login${i}.example.co.uk/path?x=1,,named_in_order,192.0.2.${i % 250},`;
      case 2: return `SHOP${i - 2}.EXAMPLE.COM.,Late Registrar,,198.51.100.${i % 250},T-late`; // repeat of row i-2's site
      case 3: return `раypal${i}.com,,,,`; // Cyrillic "ра": a look-alike
      case 4: return `paypa1-secure${i}.net,,,,`;
      case 5: return `bücher${i}.de,Registrar IDN,identified,,`;
      case 6: return `${new URL(`http://bücher${i - 1}.de/`).hostname},,,,`; // row i-1's site as an A-label
      case 7: return 'kept-in-case.example.org,New Registrar,served,203.0.113.9,T-kept';
      default: return `dga${(i * 7919) % 100_000}x.top,,,,`;
    }
  };
  for (let i = 0; i < 3000; i += 1) {
    if (i % 97 === 13) {
      badRows.push(lines.length + 1);
      lines.push(`"${bad[i % bad.length]}",Some Registrar,identified,,`);
    } else if (i === 1500) {
      badRows.push(lines.length + 1);
      lines.push('shop1500.example.com,Registrar,not-a-status,,');
    } else {
      lines.push(good(i));
    }
  }
  const file = path.join(tempDir(), 'mixed.csv');
  // The last row is Latin-1, not UTF-8 (a spreadsheet's "CSV" export): its é is one byte, 0xE9.
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`${lines.join('\n')}\n`, 'utf8'), Buffer.from('caf\xe9.example.com,Latin-1 Registrar,,,\n', 'latin1')]));
  badRows.push(lines.length + 1);
  return { file, badRows };
}

/** What a case holds after an import, without what differs per run (ids, clocks, times). */
function contentOf(cf: CaseFile) {
  const sites = cf.db
    .prepare(
      `SELECT raw_input, dedupe_key, host_kind, host_unicode, host_ascii, registrable_domain, public_suffix, url_path, flags, flag_reasons,
         registrar, registry, name_servers, ips, role, status, notes, deleted_at IS NULL AS live,
         (SELECT group_concat(status || ':' || coalesce(note, ''), '|') FROM (SELECT status, note FROM website_status_event e WHERE e.website_id = w.id ORDER BY status)) AS events
       FROM website w ORDER BY dedupe_key`,
    )
    .all();
  const history = cf.db.prepare('SELECT count(*) FROM record_history').pluck().get();
  const trigrams = cf.db.prepare('SELECT count(*) FROM host_trigram').pluck().get();
  const fts = cf.db.prepare('SELECT count(*) FROM search_fts').pluck().get();
  const audit = cf.db.prepare("SELECT action, detail FROM audit_entry WHERE action LIKE 'website.import%' ORDER BY seq").all() as { action: string; detail: string }[];
  const seals = cf.db.prepare('SELECT record_table, count(*) AS n FROM audit_seal GROUP BY record_table ORDER BY record_table').all();
  return { sites, history, trigrams, fts, audit: audit.map((a) => ({ action: a.action, detail: JSON.parse(a.detail) as unknown })), seals };
}

async function importInto(threads: number, extra: Partial<SiteImportOptions> = {}) {
  const cf = newTestCase();
  addWebsite(cf, { input: 'kept-in-case.example.org', registrar: 'Kept Registrar' });
  const { file, badRows } = writeMixedList();
  // Small batches, so that several are in flight on the threads at once.
  const report = await importSiteList(cf, file, { batchSize: 400, normalizers: { threads }, ...extra });
  return { cf, report: { ...report, file: path.basename(report.file) }, badRows };
}

describe('bulk site import on worker threads', () => {
  it('stores the same rows, reports the same errors and writes the same audit as on one thread', async () => {
    const one = await importInto(0);
    const pooled = await importInto(2);

    expect(pooled.report).toEqual(one.report);
    expect(one.report.errors.map((e) => e.rowNumber)).toEqual(one.badRows);
    expect([...new Set(one.report.errors.map((e) => e.code))].sort()).toEqual(
      ['CONTAINS_SPACE', 'CONTROL_CHARACTER', 'INVALID_LABEL', 'INVALID_STATUS', 'INVALID_UTF8', 'LABEL_TOO_LONG', 'NO_PUBLIC_SUFFIX'],
    );
    expect(one.report.merged).toBeGreaterThan(300);
    expect(contentOf(pooled.cf)).toEqual(contentOf(one.cf));

    for (const { cf } of [one, pooled]) {
      const sites = listWebsites(cf, { filter: 'раypal', limit: 500 }).items;
      expect(sites.length).toBeGreaterThan(300);
      expect(sites.every((s) => s.flags.length > 0)).toBe(true);
      expect(listWebsites(cf, { filter: 'bücher1', limit: 5 }).items.length).toBeGreaterThan(0);
      expect(searchCase(cf, 'T-late').length).toBeGreaterThan(0);
      const kept = listWebsites(cf, { filter: 'kept-in-case', limit: 5 }).items;
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ registrar: 'Kept Registrar', status: 'served', ips: ['203.0.113.9'] });
      expect(verifyAudit(cf.db).ok).toBe(true);
      expect(verifyRecordSeals(cf.db).findings).toEqual([]);
      const check = await checkCaseFile(cf);
      expect(check.sections.filter((s) => !s.ok)).toEqual([]);
    }
  });

  it('hands over the batches parseSiteList gives, rows sorted by site, repeats found across threads', async () => {
    const { file } = writeMixedList();
    const one = [];
    for await (const batch of parseSiteList(fs.createReadStream(file), { batchSize: 300 })) one.push(batch);
    const pooled = [];
    for await (const batch of normalizeInThreads(splitSiteList(fs.createReadStream(file), { batchSize: 300 }), { threads: 3 })!) pooled.push(batch);
    expect(pooled.map((b) => b.errors)).toEqual(one.map((b) => b.errors));
    expect(pooled.map((b) => b.rows)).toEqual(one.map((b) => [...b.rows].sort(bySiteIdentity)));
    expect(pooled.flatMap((b) => b.rows).filter((r) => r.duplicateOf !== null).length).toBeGreaterThan(300);
  });

  it('stops at a broken CSV row after the rows before it, as on one thread', async () => {
    const lines = ['domain,registrar', ...Array.from({ length: 2500 }, (_, i) => `broken${i}.example.com,R${i % 3}`)];
    lines.splice(2001, 0, '"unclosed.example.com,R');
    const file = path.join(tempDir(), 'broken.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const reports = [];
    for (const threads of [0, 2]) {
      const cf = newTestCase();
      const report = await importSiteList(cf, file, { batchSize: 300, normalizers: { threads } });
      reports.push({ ...report, sites: cf.db.prepare('SELECT count(*) FROM website').pluck().get(), check: (await checkCaseFile(cf)).sections.filter((c) => !c.ok) });
    }
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[0]).toMatchObject({ rowsRead: 2000, imported: 2000, stoppedAt: { rowNumber: 2002 }, sites: 2000, check: [] });
  });

  it('keeps every imported row under its audit seal: a sqlite3 edit of one is found and named', async () => {
    const { cf } = await importInto(2);
    const target = cf.db.prepare("SELECT id, host_ascii FROM website WHERE host_ascii LIKE 'shop9%' ORDER BY rowid DESC LIMIT 1").get() as { id: string; host_ascii: string };
    const event = cf.db.prepare('SELECT id FROM website_status_event ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
    expect((await checkCaseFile(cf)).ok).toBe(true);
    execFileSync('sqlite3', [
      cf.path,
      `UPDATE website SET registrar = 'Swapped Registrar' WHERE id = '${target.id}';
       DROP TRIGGER website_status_event_no_update;
       UPDATE website_status_event SET status = 'released' WHERE id = '${event}';`,
    ]);
    const findings = verifyRecordSeals(cf.db).findings;
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'record_changed', table: 'website', id: target.id, fields: ['registrar'] }),
      expect.objectContaining({ kind: 'record_changed', table: 'website_status_event', id: event, fields: ['status'] }),
    ]);
    const check = await checkCaseFile(cf);
    expect(check.ok).toBe(false);
    expect(check.sections.find((s) => s.name === 'content')?.ok).toBe(false);
  });

  it('fails with a clear error when a normalising thread dies, and leaves a valid case that a new import completes', async () => {
    const cf = newTestCase();
    const { file } = writeMixedList();
    // A heap far too small for the thread: it runs out of memory (a real crash, not a stand-in).
    const crashed = importSiteList(cf, file, { batchSize: 400, normalizers: { threads: 1, resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } } });
    await expect(crashed).rejects.toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/^The thread normalising the site list stopped \(.+\)\. Batches written before it/) });

    const afterCrash = await checkCaseFile(cf);
    expect(afterCrash.sections.filter((s) => !s.ok)).toEqual([]);
    const closing = cf.db.prepare("SELECT detail FROM audit_entry WHERE action = 'website.import' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(closing).stopped).toMatch(/thread normalising/);
    const written = cf.db.prepare('SELECT count(*) FROM website').pluck().get() as number;
    const batches = cf.db.prepare("SELECT coalesce(sum(json_extract(detail, '$.rows')), 0) FROM audit_entry WHERE action = 'website.import.batch'").pluck().get() as number;
    expect(batches).toBeGreaterThanOrEqual(written);

    const again = await importSiteList(cf, file, { batchSize: 400, normalizers: { threads: 1 } });
    const reference = await importInto(0);
    expect(again.imported + again.merged).toBe(reference.report.imported + reference.report.merged);
    expect(cf.db.prepare('SELECT count(*) FROM website').pluck().get()).toBe(reference.cf.db.prepare('SELECT count(*) FROM website').pluck().get());
    expect((await checkCaseFile(cf)).sections.filter((s) => !s.ok)).toEqual([]);
  });
});
