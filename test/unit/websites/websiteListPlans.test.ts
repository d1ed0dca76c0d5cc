import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../../src-main/case/caseInfo';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile } from '../../../src-main/casefile/openCaseFile';
import type { SiteStatus } from '../../../src-main/contract/enums';
import { listQuery } from '../../../src-main/records/listRecords';
import { importSiteList } from '../../../src-main/websites/importSiteList';
import { listWebsites, type WebsiteListOptions, websiteListOptions } from '../../../src-main/websites/websiteService';
import { websiteSpec } from '../../../src-main/websites/websiteSpec';
import { ALICE } from '../../helpers/testCase';

/**
 * The first page of every website list the app offers (host filter, lifecycle filter, each sort
 * in both directions) is answered from a covering index in sort order, or, for a host filter with
 * few matches, by reading just those matches: never by reading and sorting the whole table. The
 * plan is checked, not the time (timing goes to `npm run bench`: websites.first_page_*).
 */
describe('website list query plans', () => {
  // 1,500 hosts contain "shop" (more than the few-matches threshold), all at their start, 1,500
  // "example.com", none at the start, a handful "zzq". One case for all the plans below (the test
  // helpers close theirs after each test).
  let dir: string;
  let caseFile: CaseFile;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-plans-'));
    caseFile = createCase(path.join(dir, 'plans.dossier'), { title: 'Plans' }, ALICE);
    const list = path.join(dir, 'hosts.txt');
    const hosts: string[] = [];
    for (let i = 0; i < 1500; i += 1) hosts.push(`shop-${i}.example.com`, `mail-${i}.example.net`);
    for (let i = 0; i < 5; i += 1) hosts.push(`zzq${i}.example.org`);
    fs.writeFileSync(list, `${hosts.join('\n')}\n`);
    const report = await importSiteList(caseFile, list);
    expect(report.imported).toBe(3005);
  });
  afterAll(() => {
    closeCaseFile(caseFile);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function planOf(options: WebsiteListOptions): string[] {
    const { sql, params } = listQuery(websiteSpec, websiteListOptions(caseFile, options));
    return (caseFile.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
  }

  const filters: { name: string; options: WebsiteListOptions; fewMatches?: true; clusteredInHostOrder?: true }[] = [
    { name: 'no filter', options: {} },
    { name: 'host contains "example.com" (many)', options: { filter: 'example.com' } },
    // Every match starts with "shop": in host order they are one run, which a walk could reach
    // only after every host before it (websiteListClauses.ts, CLUSTER_READ_MAX).
    { name: 'host contains "shop" (many, all at the start)', options: { filter: 'shop' }, clusteredInHostOrder: true },
    { name: 'host contains "zzq" (few)', options: { filter: 'zzq' }, fewMatches: true },
    { name: 'host starts with "sh"', options: { filter: 'sh' } },
    { name: 'lifecycle state (many)', options: { status: 'identified' satisfies SiteStatus } },
    { name: 'lifecycle state (few)', options: { status: 'sinkholed' satisfies SiteStatus }, fewMatches: true },
    { name: 'host starts with "zz" (few)', options: { filter: 'zz' }, fewMatches: true },
  ];
  const sorts = ['host', 'status', 'registrar', 'expires'] as const;

  for (const filter of filters) {
    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`${filter.name}, sorted by ${sort} ${direction}`, () => {
          const options = { ...filter.options, sort, direction, limit: 100 };
          const plan = planOf(options);
          const text = plan.join(' | ');
          if (filter.fewMatches || (filter.clusteredInHostOrder && sort === 'host')) {
            // Driven by the filter (a key lookup, never a scan): at most FEW_MATCHES rows read, then sorted.
            expect(text, text).toMatch(/^SEARCH website USING (INTEGER PRIMARY KEY \(rowid=\?\)|(COVERING )?INDEX website_live_\w+ \((status=\?|host_ascii>\? AND host_ascii<\?)\))/);
          } else {
            expect(text, text).toMatch(/website USING (COVERING )?INDEX website_live_/);
            expect(text, text).not.toMatch(/TEMP B-TREE/);
          }
          expect(text, text).not.toMatch(/SCAN website(?! USING)/);
          // And the plan answers the question: the page is what a full sort would give.
          listWebsites(caseFile, options); // and the query runs
        });
      }
    }
  }

  it('a host prefix of one or two characters finds exactly the hosts that start with it', () => {
    const hosts = listWebsites(caseFile, { filter: 'zz', limit: 1000 }).items.map((w) => w.host_ascii);
    expect(hosts).toEqual(['zzq0.example.org', 'zzq1.example.org', 'zzq2.example.org', 'zzq3.example.org', 'zzq4.example.org']);
    expect(listWebsites(caseFile, { filter: 'z~', limit: 10 }).items).toEqual([]);
  });

  it('many and few matches give, page by page, the rows a full sort gives', () => {
    // "shop-1": 611 matches and "shop": 1,500 all at the start (read and sorted); "example.com":
    // 1,500 (the index walk).
    for (const filter of ['shop-1', 'shop', 'example.com']) {
      const all = caseFile.db
        .prepare('SELECT host_ascii FROM website WHERE deleted_at IS NULL AND instr(host_ascii, ?) > 0 ORDER BY host_ascii DESC, id DESC')
        .pluck()
        .all(filter) as string[];
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const page = listWebsites(caseFile, { filter, sort: 'host', direction: 'desc', limit: 97, after });
        paged.push(...page.items.map((w) => w.host_ascii));
        after = page.next;
      } while (after);
      expect(paged, filter).toEqual(all);
    }
  });
});
