import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { LATEST_SCHEMA_VERSION } from '../../../src-main/casefile/migrations/index';
import { checkCaseFile } from '../../../src-main/integrity/checkCaseFile';
import { searchCase } from '../../../src-main/search/searchCase';
import { deleteWebsite } from '../../../src-main/websites/websiteService';
import { importSiteList } from '../../../src-main/websites/importSiteList';
import { ALICE, newTestCase, track } from '../../helpers/testCase';

describe('migration 0130 website search entries', () => {
  it('gives sites a version-12 import left without a full-text entry the entry their IPs, name servers, role or path need; check passes', async () => {
    const caseFile = newTestCase();
    const list = path.join(path.dirname(caseFile.path), 'sites.csv');
    fs.writeFileSync(list, 'url,ips,name_servers,role\nalpha-example.com,203.0.113.77,,\nbeta-example.com,,ns1.bad-ns.net,\ngamma-example.com,,,phishing\nhttps://delta-example.com/login-page,,,\nplain-example.com,,,\ngone-example.com,198.51.100.9,,\n');
    await importSiteList(caseFile, list);
    const gone = caseFile.db.prepare("SELECT id FROM website WHERE host_ascii = 'gone-example.com'").pluck().get() as string;
    deleteWebsite(caseFile, gone);
    const file = caseFile.path;
    closeCaseFile(caseFile);

    // As a version-12 import left them: full-text entries only for sites with a registrar, notes...
    const old = new Database(file);
    old.exec("DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_doc WHERE record_kind = 'website'); DELETE FROM search_doc WHERE record_kind = 'website'");
    old.pragma('user_version = 12');
    old.close();

    const upgraded = track(openCaseFile(file, { actor: ALICE }));
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const titles = (query: string) => searchCase(upgraded, query).map((h) => h.title);
    expect(titles('203.0.113.77')).toEqual(['alpha-example.com']);
    expect(titles('bad-ns')).toEqual(['beta-example.com']);
    expect(titles('phishing')).toEqual(['gamma-example.com']);
    expect(titles('login-page')).toEqual(['delta-example.com/login-page']);
    expect(titles('198.51.100.9')).toEqual([]); // deleted sites stay out of search
    const indexed = upgraded.db.prepare("SELECT w.host_ascii FROM search_doc d JOIN website w ON w.id = d.record_id ORDER BY 1").pluck().all();
    expect(indexed).toEqual(['alpha-example.com', 'beta-example.com', 'delta-example.com', 'gamma-example.com']);
    const report = await checkCaseFile(upgraded);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
