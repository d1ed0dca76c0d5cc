import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCase } from '../../src-main/case/caseInfo';
import { closeCaseFile } from '../../src-main/casefile/openCaseFile';
import { searchCase } from '../../src-main/search/searchCase';
import { importSiteList, type SiteImportProfile } from '../../src-main/websites/importSiteList';
import { parseSiteList } from '../../src-main/websites/parseSiteList';
import { listWebsites } from '../../src-main/websites/websiteService';
import { type Figure, latencyFigure, percentile, throughputFigure } from './Figure';
import { generateDomainRows } from './generateDomainRows';
import { websiteSqlFloor } from './websiteSqlFloor';

const ROWS = Number(process.env.DOSSIER_BENCH_DOMAINS ?? 1_000_000);

/**
 * Importing a million generated domains (IDNs, subdomains, multi-label suffixes) against SQLite's
 * own limit: a bare prepared-insert loop of the same rows into a table with no index, same run.
 */
function stageFigures(profile: SiteImportProfile, rows: number, importMs: number, bareRate: number): Figure[] {
  const stages: [string, number, string][] = [
    ['wait_for_normalised', profile.waitMs, `writer waiting for rows normalised on ${profile.threads} worker thread(s) (reading, splitting, normalising not overlapped)`],
    ['rows', profile.rowsMs, 'dedupe lookup, website + status event INSERTs with their 10 indexes, FK and CHECKs, seals computed (SHA-256 + field digits per row)'],
    ['audit_seals', profile.auditMs, "each batch's audit entry: seal-set digest and two audit_seal rows per site"],
    ['commit', profile.commitMs, 'COMMIT of each 20k-row batch (journal + database fsyncs, synchronous=FULL)'],
    ['trigram', profile.trigramMs, 'host trigram FTS5 index, built once at the end'],
  ];
  const other = importMs - stages.reduce((sum, [, ms]) => sum + ms, 0);
  stages.push(['other', other, 'SHA-256 of the list, start/end audit entries, thread start-up']);
  return stages.map(([name, ms, note]) =>
    throughputFigure(`websites.import_profile.${name}`, rows / (Math.max(ms, 0.001) / 1000), bareRate, 'rows/s', `profile: ${Math.round(ms)} ms of ${Math.round(importMs)} ms (${Math.round((100 * ms) / importMs)}%); ${note}`),
  );
}

export async function websitesBench(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-sites-'));
  try {
    const list = path.join(dir, 'domains.txt');
    const out = fs.createWriteStream(list);
    const hosts: string[] = [];
    for (const row of generateDomainRows(ROWS, 42)) {
      hosts.push(row);
      if (!out.write(`${row}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));

    const bare = new Database(path.join(dir, 'bare.db'));
    bare.pragma('page_size = 65536');
    bare.pragma('journal_mode = DELETE');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE website (id TEXT, host TEXT, status TEXT, created_at TEXT)');
    const insert = bare.prepare('INSERT INTO website VALUES (?, ?, ?, ?)');
    let start = performance.now();
    for (let b = 0; b < hosts.length; b += 5000) {
      bare.transaction(() => {
        const now = new Date().toISOString();
        for (let i = b; i < Math.min(b + 5000, hosts.length); i += 1) insert.run(`id-${i}`, hosts[i], 'identified', now);
      })();
    }
    const bareRate = hosts.length / ((performance.now() - start) / 1000);
    bare.close();
    const floorCase = createCase(path.join(dir, 'floor-schema.dossier'), { title: 'schema' }, { name: 'bench', device: 'bench' });
    const floorCasePath = floorCase.path;
    closeCaseFile(floorCase);
    const floor = websiteSqlFloor(floorCasePath, hosts, dir, bareRate);
    hosts.length = 0;

    // Profile, part 1: reading, parsing and normalising alone (PSL, IDNA, confusables, flags), no
    // database: what a worker pool could take off the writing thread.
    start = performance.now();
    let parsed = 0;
    for await (const batch of parseSiteList(fs.createReadStream(list, { highWaterMark: 1 << 16 }), { batchSize: 20_000 })) parsed += batch.rows.length + batch.errors.length;
    const parseRate = parsed / ((performance.now() - start) / 1000);

    const caseFile = createCase(path.join(dir, 'case.dossier'), { title: 'bench' }, { name: 'bench', device: 'bench' });
    start = performance.now();
    const profile: SiteImportProfile = { waitMs: 0, rowsMs: 0, auditMs: 0, commitMs: 0, trigramMs: 0, threads: 0 };
    const report = await importSiteList(caseFile, list, { profile });
    const importMs = performance.now() - start;
    const importRate = report.rowsRead / (importMs / 1000);

    // First page of a filtered, sorted list, cold statement each time.
    const firstPage: number[] = [];
    for (const filter of ['exa', 'shop', 'xn--', 'co.uk', 'mail', 'zz']) {
      const t = performance.now();
      listWebsites(caseFile, { filter, limit: 100 });
      firstPage.push(performance.now() - t);
    }
    const t0 = performance.now();
    listWebsites(caseFile, { status: 'identified', limit: 100 });
    const statusPage = performance.now() - t0;
    const searches: number[] = [];
    for (const q of ['shop', 'login', 'mail', 'secure', 'pay', 'xn--', 'bank', 'example', 'zzqx', 'cdn']) {
      const t = performance.now();
      searchCase(caseFile, q, { limit: 50 });
      searches.push(performance.now() - t);
    }
    firstPage.sort((a, b) => a - b);
    searches.sort((a, b) => a - b);
    closeCaseFile(caseFile);
    return [
      throughputFigure('websites.import_1m', importRate, bareRate, 'rows/s', `${ROWS} rows; baseline: bare prepared INSERT loop into an unindexed table; imported ${report.imported}, merged ${report.merged}, errors ${report.errorCount}; ${profile.threads} normalising thread(s)`),
      throughputFigure(
        'websites.import_profile.parse_normalise',
        parseRate,
        bareRate,
        'rows/s',
        'profile: parse + normalise only, one thread, no database, vs the bare insert (the import normalises on worker threads instead)',
      ),
      // Where the import's own time went: each stage as the rate it alone would allow (rows / its
      // seconds), against the same bare insert. The import's rate is 1 / the sum of 1/rate.
      ...stageFigures(profile, report.rowsRead, importMs, bareRate),
      ...floor,
      latencyFigure('websites.first_page_filtered_p95', percentile(firstPage, 95), 20, 'ms', 'baseline: the 20 ms goal (issue 13); filters exa, shop, xn--, co.uk, mail, zz'),
      latencyFigure('websites.first_page_by_status', statusPage, 20, 'ms', 'baseline: the 20 ms goal'),
      latencyFigure('websites.search_p50', percentile(searches, 50), 20, 'ms', 'baseline: the 20 ms goal'),
      latencyFigure('websites.search_p95', percentile(searches, 95), 20, 'ms', 'baseline: the 20 ms goal'),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
