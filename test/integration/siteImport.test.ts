import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSiteList } from '../../src-main/websites/importSiteList';
import { orderService } from '../../src-main/orders/orderService';
import { addWebsite, findWebsiteByKey, listWebsites } from '../../src-main/websites/websiteService';
import { searchCase } from '../../src-main/search/searchCase';
import { verifyAudit } from '../../src-main/audit/verifyAudit';
import { newTestCase } from '../helpers/testCase';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

function writeCsv(lines: string[]): string {
  const file = path.join(tempDir(), 'sites.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const count = (db: { prepare: (s: string) => { pluck: () => { get: () => unknown } } }, sql: string) => db.prepare(sql).pluck().get() as number;

describe('bulk site import', () => {
  it('imports 19,800 of 20,000 rows (four batches) and reports the 200 bad ones by row number', async () => {
    const cf = newTestCase();
    const garbage = ['bad domain', '', 'a..b.com', `${'x'.repeat(64)}.com`, 'nosuffix', '-lead.com', 'http://', 'exa mple.org'];
    const lines = ['domain,registrar,status'];
    const badRows: number[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      if (i % 100 === 7) {
        badRows.push(lines.length + 1);
        lines.push(`"${garbage[(i / 100) % garbage.length | 0]}",Some Registrar,identified`);
      } else {
        lines.push(`site${i}.example${i % 3 === 0 ? '.co.uk' : '.com'},Registrar ${i % 5},identified`);
      }
    }
    const report = await importSiteList(cf, writeCsv(lines));
    expect(report).toMatchObject({ rowsRead: 20_000, imported: 19_800, merged: 0, errorCount: 200, cancelled: false, stoppedAt: null });
    expect(report.errors.map((e) => e.rowNumber)).toEqual(badRows);
    expect(count(cf.db, 'SELECT count(*) FROM website')).toBe(19_800);
    expect(count(cf.db, 'SELECT count(*) FROM host_trigram')).toBe(19_800);
    expect(count(cf.db, 'SELECT count(*) FROM website_status_event')).toBe(19_800);
    expect(findWebsiteByKey(cf, 'site1.example.com')?.registrar).toBe('Registrar 1');
    expect(searchCase(cf, 'site19999').map((h) => h.title)).toEqual(['site19999.example.com']);
  });

  it('finds an imported site by every field its search text holds: IP, name server, role, URL path, what was typed', async () => {
    const cf = newTestCase();
    const file = writeCsv([
      'url,ips,name_servers,role',
      'alpha-example.com,203.0.113.77,ns1.bad-ns.net,',
      'beta-example.com,,,captcha_service',
      'https://gamma-example.com/login-page,,,',
      'delta-example.com,,,',
    ]);
    await importSiteList(cf, file);
    const titles = (query: string) => searchCase(cf, query).map((h) => h.title);
    expect(titles('203.0.113.77')).toEqual(['alpha-example.com']);
    expect(titles('bad-ns')).toEqual(['alpha-example.com']);
    expect(titles('captcha service')).toEqual(['beta-example.com']);
    expect(titles('login-page')).toEqual(['gamma-example.com/login-page']);
    expect(titles('delta-example')).toEqual(['delta-example.com']);
    // A site with nothing but its host has no full-text entry (the host trigram index finds it).
    expect(count(cf.db, "SELECT count(*) FROM search_doc WHERE record_kind = 'website'")).toBe(3);
  });

  it('merges duplicates within the file and with the case, filling blanks and never overwriting', async () => {
    const cf = newTestCase();
    const existing = addWebsite(cf, { input: 'hotmailbox.me', registrar: 'Kept Registrar', ips: ['192.0.2.1'] });
    const order = orderService.create(cf, { title: 'TRO', docket: 'd', court: 'c', order_type: 'ex_parte_tro' });
    const file = writeCsv([
      'url,registrar,registry,ips,status,ticket',
      'https://hotmailbox.me,Other Registrar,doMEn,192.0.2.2,named_in_order,T-1',
      'anycaptcha.com,,VeriSign,,,T-2',
      'ANYCAPTCHA.com.,Late Registrar,,198.51.100.7,,T-3',
    ]);
    const report = await importSiteList(cf, file, { orderId: order.id });
    expect(report).toMatchObject({ imported: 1, merged: 2, errorCount: 0 });
    const merged = findWebsiteByKey(cf, 'hotmailbox.me')!;
    expect(merged.id).toBe(existing.id);
    expect(merged).toMatchObject({ registrar: 'Kept Registrar', registry: 'doMEn', ips: ['192.0.2.1', '192.0.2.2'], status: 'named_in_order' });
    const any = findWebsiteByKey(cf, 'anycaptcha.com')!;
    expect(any).toMatchObject({ registrar: 'Late Registrar', registry: 'VeriSign', ips: ['198.51.100.7'] });
    expect(any.notes).toBe('ticket: T-2');
    expect(listWebsites(cf, { orderId: order.id }).items.map((w) => w.host_ascii)).toEqual(['anycaptcha.com', 'hotmailbox.me']);
    const actions = cf.db.prepare("SELECT action, detail FROM audit_entry WHERE action LIKE 'website.import%' ORDER BY seq").all() as { action: string; detail: string }[];
    // One batch entry seals the rows the batch wrote (schema 5: the chain covers content).
    expect(actions.map((a) => a.action)).toEqual(['website.import.start', 'website.import.batch', 'website.import']);
    expect(JSON.parse(actions[2]!.detail)).toMatchObject({ sha256: report.sha256, imported: 1, merged: 2 });
    expect(verifyAudit(cf.db).ok).toBe(true);
  });

  it('stops cleanly on cancel, keeping whole batches only', async () => {
    const cf = newTestCase();
    const file = writeCsv(['domain', ...Array.from({ length: 20_000 }, (_, i) => `c${i}.example.net`)]);
    const controller = new AbortController();
    const report = await importSiteList(cf, file, {
      batchSize: 1000,
      onProgress: (done, total) => {
        if (done > total / 3) controller.abort();
      },
      signal: controller.signal,
    });
    expect(report.cancelled).toBe(true);
    const stored = count(cf.db, 'SELECT count(*) FROM website');
    expect(stored % 1000).toBe(0);
    expect(stored).toBeLessThan(20_000);
    expect(JSON.parse(cf.db.prepare("SELECT detail FROM audit_entry WHERE action = 'website.import'").pluck().get() as string).cancelled).toBe(true);
  });

  it('--batch-rows sets the rows per transaction, each sealed by its own audit entry; a bad value is refused before anything is written', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'batches.dossier');
    await dossierJson(['new', caseFile, '--title', 'Batches']);
    const list = path.join(dir, 'sites.txt');
    fs.writeFileSync(list, `${Array.from({ length: 2_500 }, (_, i) => `b${i}.example.org`).join('\n')}\n`);
    for (const bad of ['10', '100001', '1.5', 'many']) {
      const refused = await dossier(['site', 'import', caseFile, list, '--batch-rows', bad]);
      expect(refused.status, bad).not.toBe(0);
      expect(refused.stderr, bad).toMatch(/--batch-rows/);
    }
    expect((await dossier(['site', 'import', caseFile, '--rollback', 'chain#1', '--batch-rows', '1000'])).stderr).toMatch(/--batch-rows/);
    expect((await dossierJson<{ counts: { website: number } }>(['info', caseFile])).counts.website).toBe(0);
    expect((await dossierJson<{ imported: number }>(['site', 'import', caseFile, list, '--batch-rows', '1000'])).imported).toBe(2_500);
    const batches = execFileSync('sqlite3', [caseFile, "SELECT count(*) FROM audit_entry WHERE action = 'website.import.batch';"], { encoding: 'utf8' }).trim();
    expect(batches).toBe('3');
    expect((await dossier(['check', caseFile])).status).toBe(0);
  });

  it('reports a broken CSV at its row and keeps the rows before it', async () => {
    const cf = newTestCase();
    const file = writeCsv(['domain,notes', 'ok1.example.com,fine', 'ok2.example.com,"unclosed quote', ...Array.from({ length: 5 }, (_, i) => `x${i}.example.com,more`)]);
    const report = await importSiteList(cf, file);
    expect(report.stoppedAt?.rowNumber).toBe(3);
    expect(count(cf.db, 'SELECT count(*) FROM website')).toBe(1);
  });

  it('leaves a valid file with whole batches only when killed mid-import', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'kill.dossier');
    await dossierJson(['new', caseFile, '--title', 'Kill test']);
    const list = path.join(dir, 'big.txt');
    fs.writeFileSync(list, `${Array.from({ length: 15_000 }, (_, i) => `k${i}.example.org`).join('\n')}\n`);
    const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');
    const counts = () =>
      execFileSync('sqlite3', [caseFile, 'SELECT count(*) FROM website; SELECT count(*) FROM host_trigram; SELECT count(*) FROM website_status_event;'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map(Number);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // Batches of 2,500: a kill lands between or inside batches; only whole ones may remain.
      const child = spawn(process.execPath, [BIN, 'site', 'import', caseFile, list, '--batch-rows', '2500'], { stdio: 'ignore' });
      // Listen before killing: a fast child may finish first, and its exit must not be missed.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 700 + Math.random() * 1200));
      child.kill('SIGKILL');
      await exited;
      expect(execFileSync('sqlite3', [caseFile, 'PRAGMA integrity_check;'], { encoding: 'utf8' }).trim()).toBe('ok');
      const [sites, trigrams, events] = counts();
      expect(sites! % 2500).toBe(0);
      expect(events).toBe(sites); // each new site's first status event is in its batch
      // Host trigrams are built when an import finishes, for every row (a killed one leaves none).
      expect(trigrams === 0 || trigrams === sites).toBe(true);
    }
    expect((await dossierJson<{ ok: boolean }>(['audit', 'verify', caseFile])).ok).toBe(true);
    const resumed = await dossierJson<{ imported: number; merged: number }>(['site', 'import', caseFile, list]);
    expect(resumed.imported + resumed.merged).toBe(15_000);
    expect((await dossierJson<{ counts: { website: number } }>(['info', caseFile])).counts.website).toBe(15_000);
    expect(counts()).toEqual([15_000, 15_000, 15_000]);
    expect((await dossier(['site', 'import', caseFile, path.join(dir, 'missing.csv')])).stderr).toMatch(/No file at/);
  }, 400_000);
});
