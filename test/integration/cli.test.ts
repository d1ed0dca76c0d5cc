import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftoversBeside } from '../helpers/fileHash';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { runCli } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/** The stock sqlite3 CLI must open every case file and find it intact. */
function integrity(file: string): string {
  return execFileSync('sqlite3', [file, 'PRAGMA integrity_check;'], { encoding: 'utf8' }).trim();
}

describe('dossier CLI', () => {
  it('builds a case step by step; every step leaves a valid, standalone file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'storm.dossier');
    const created = await dossierJson<{ info: { title: string } }>(['new', file, '--title', 'Storm-1152', '--code-name', 'STORM', '--matter', 'M-1']);
    expect(created.info.title).toBe('Storm-1152');
    const site = await dossierJson<{ id: string; host_ascii: string }>(['site', 'add', file, 'https://Hotmailbox.me/', '--status', 'identified', '--registrar', 'Example Registrar', '--role', 'marketplace']);
    expect(site.host_ascii).toBe('hotmailbox.me');
    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', '1:23-cv-10685', '--court', 'SDNY', '--type', 'ex-parte-tro', '--granted', '2023-12-07', '--expires', '2023-12-21']);
    const person = await dossierJson<{ id: string }>(['stakeholder', 'add', file, '--name', 'Arkose Labs', '--org', 'Arkose Labs', '--kind', 'partner', '--email', 'contact@example.org']);
    const bodyFile = path.join(dir, 'note.md');
    fs.writeFileSync(bodyFile, '# Plan\nSeize **hotmailbox.me**.');
    const note = await dossierJson<{ id: string; body: string }>(['note', 'add', file, '--title', 'Plan', '--body-file', bodyFile]);
    expect(note.body).toContain('Seize');
    await dossierJson(['note', 'add', file, '--title', 'Inline', '--body', 'short']);
    await dossierJson(['link', file, order.id, site.id, '--relation', 'covers']);
    await dossierJson(['link', file, person.id, site.id]);
    expect(integrity(file)).toBe('ok');
    expect(leftoversBeside(file)).toEqual([]);

    const sites = await dossierJson<{ items: { id: string }[] }>(['list', file, 'websites']);
    expect(sites.items.map((s) => s.id)).toEqual([site.id]);
    expect((await dossierJson<{ items: unknown[] }>(['list', file, 'notes'])).items).toHaveLength(2);
    const shown = await dossierJson<{ kind: string; linked: { id: string }[] }>(['show', file, site.id]);
    expect(shown.kind).toBe('website');
    expect(shown.linked.map((l) => l.id).sort()).toEqual([order.id, person.id].sort());
    expect((await dossierJson<{ id: string }[]>(['search', file, 'hotmailbox'])).map((h) => h.id)).toContain(site.id);
    const events = (await dossierJson<{ items: { what: string }[] }>(['timeline', file])).items.map((e) => e.what);
    expect(events.slice(0, 2)).toEqual(['Order granted', 'Order expires']);
    expect((await dossierJson<{ ok: boolean }>(['audit', 'verify', file])).ok).toBe(true);
    expect(integrity(file)).toBe('ok');
    expect(leftoversBeside(file)).toEqual([]);
  });

  it('prints readable text without --json', async () => {
    const file = path.join(tempDir(), 'text.dossier');
    expect((await dossier(['new', file, '--title', 'Readable'])).stdout).toContain('Created');
    await dossier(['site', 'add', file, 'anycaptcha.com']);
    const info = await dossier(['info', file]);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/Case:\s+Readable/);
    expect(info.stdout).toMatch(/Websites:\s+1 \(identified 1\)/);
    expect((await dossier(['list', file, 'sites'])).stdout).toContain('anycaptcha.com');
    expect((await dossier(['audit', 'verify', file])).stdout).toContain('Audit log intact');
    const lookalike = await dossier(['site', 'add', file, 'micros0ft-login.com']);
    expect(lookalike.status).toBe(0);
    expect(lookalike.stdout).toMatch(/WARNING: .*microsoft/i);
    const idn = await dossierJson<{ host_ascii: string; host_unicode: string }>(['site', 'add', file, 'bücher.example']);
    expect(idn).toMatchObject({ host_ascii: 'xn--bcher-kva.example', host_unicode: 'bücher.example' });
  });

  it('fails with one clear line on stderr, a non-zero exit, and no stack trace', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'e.dossier');
    await dossier(['new', file, '--title', 'Errors']);
    const before = fs.readFileSync(file);
    const cases: [string[], RegExp][] = [
      [['info', path.join(dir, 'missing.dossier')], /No case file at/],
      [['new', file, '--title', 'Again'], /already exists/],
      [['order', 'add', file, '--title', 'X', '--docket', 'D', '--court', 'C', '--type', 'bogus'], /--type must be one of/],
      [['order', 'add', file, '--title', 'X', '--docket', 'D', '--court', 'C', '--type', 'tro', '--granted', 'yesterday'], /is not a date/],
      [['site', 'add', file, '   '], /URL-OR-DOMAIN is required/],
      [['list', file, 'spaceships'], /Unknown kind/],
      [['show', file, '01900000-0000-7000-8000-000000000000'], /No record with id/],
      [['note', 'add', file, '--title', 'T'], /exactly one of --body or --body-file/],
      [['link', file, 'a', 'b'], /not a record id/],
    ];
    for (const [args, message] of cases) {
      const result = await dossier(args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const notCase = path.join(dir, 'plain.dossier');
    fs.writeFileSync(notCase, 'hello');
    expect((await dossier(['info', notCase])).stderr).toMatch(/not a Dossier case file/);
    // The contract's case.open takes .dossier files only, as the app's open dialog does.
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'hello');
    expect((await dossier(['info', path.join(dir, 'plain.txt')])).stderr).toBe('dossier: FILE must end in .dossier. [INVALID_REQUEST]\n');
  });

  it('merges a teammate copy, and a second merge changes nothing', async () => {
    const dir = tempDir();
    const mine = path.join(dir, 'mine.dossier');
    const theirs = path.join(dir, 'theirs.dossier');
    await dossierJson(['demo', mine]);
    fs.copyFileSync(mine, theirs);
    await dossierJson(['note', 'add', theirs, '--title', 'From Bob', '--body', 'checked the registrar', '--actor', 'Bob']);
    const first = await dossierJson<{ unchanged: boolean; inserted: Record<string, number> }>(['merge', mine, theirs]);
    expect(first.unchanged).toBe(false);
    expect(first.inserted.note).toBe(1);
    expect((await dossierJson<{ unchanged: boolean }>(['merge', mine, theirs])).unchanged).toBe(true);
    expect((await dossier(['merge', mine, theirs])).stdout).toContain('already up to date');
    expect((await dossierJson<{ id: string }[]>(['search', mine, 'registrar checked'])).length).toBe(1);
    expect(integrity(mine)).toBe('ok');
  });

  it('moves a domain along its lifecycle and prints an order appendix', async () => {
    const file = path.join(tempDir(), 'life.dossier');
    await dossierJson(['new', file, '--title', 'Lifecycle']);
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'rockcaptcha.com', '--registrar', 'Example Registrar', '--registry', 'VeriSign']);
    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'Default judgment', '--docket', 'd', '--court', 'SDNY', '--type', 'default_judgment']);
    await dossierJson(['link', file, order.id, site.id, '--relation', 'covers']);
    const moved = await dossierJson<{ status: string; status_at: string }>(['site', 'status', file, site.id, 'named-in-order', '--date', '2024-08-29', '--order', order.id]);
    expect(moved).toMatchObject({ status: 'named_in_order', status_at: '2024-08-29' });
    expect((await dossierJson<{ items: { id: string }[] }>(['site', 'list', file, '--awaiting-confirmation'])).items.map((w) => w.id)).toEqual([site.id]);
    expect((await dossierJson<{ items: unknown[] }>(['site', 'list', file, '--status', 'transfer_confirmed'])).items).toEqual([]);
    const csv = (await dossier(['appendix', file, order.id, '--csv'])).stdout.trim().split('\n');
    // One row per registrable domain, as registries act on them (issue 12); status only with --columns.
    expect(csv).toEqual([
      'registrable_domain,u_label,a_label,registry,registrar,registrar_iana_id,flags,order,names_in_order',
      'rockcaptcha.com,rockcaptcha.com,rockcaptcha.com,VeriSign,Example Registrar,,,Default judgment (ECF No. not recorded),',
    ]);
    expect((await dossier(['appendix', file, order.id, '--csv', '--columns'])).stdout.trim().split('\n')[1]).toMatch(/,named_in_order$/);
    expect((await dossier(['appendix', file, order.id])).stdout).toContain('Registry: VeriSign');
    expect((await dossier(['site', 'status', file, site.id, 'vaporised'])).stderr).toMatch(/Unknown status "vaporised"/);
    expect(integrity(file)).toBe('ok');
  });

  it('adds, verifies, extracts evidence and shows its custody', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ev.dossier');
    await dossierJson(['new', file, '--title', 'Evidence']);
    const capture = path.join(dir, 'capture.html');
    fs.writeFileSync(capture, '<html><body>Buy Outlook accounts in bulk <script>alert(1)</script></body></html>');
    const added = await dossierJson<{ items: { evidence: { id: string; sha256: string; md5: string; exhibit_label: string } }[] }>([
      'evidence', 'add', file, capture, '--source', 'https://hotmailbox.me/', '--acquired-by', 'Alice', '--acquired-at', '2023-12-04T15:21:00Z',
    ]);
    const exhibit = added.items[0]!.evidence;
    expect(exhibit.exhibit_label).toBe('Exhibit 1');
    expect(exhibit.sha256).toBe(execFileSync('sha256sum', [capture], { encoding: 'utf8' }).split(' ')[0]);
    expect(exhibit.md5).toBe(execFileSync('md5sum', [capture], { encoding: 'utf8' }).split(' ')[0]);
    expect((await dossierJson<{ ok: boolean }[]>(['evidence', 'verify', file])).every((r) => r.ok)).toBe(true);
    const out = path.join(dir, 'out.html');
    await dossierJson(['evidence', 'extract', file, exhibit.id, out]);
    expect(fs.readFileSync(out).equals(fs.readFileSync(capture))).toBe(true);
    const again = await dossier(['evidence', 'extract', file, exhibit.id, out]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const custody = (await dossierJson<{ events: { action: string }[] }>(['custody', file, exhibit.id])).events.map((e) => e.action);
    expect(custody).toEqual(['acquired', 'imported', 'verified', 'extracted']);
    expect((await dossierJson<{ id: string }[]>(['search', file, 'outlook accounts bulk'])).map((h) => h.id)).toEqual([exhibit.id]);
    expect((await dossier(['evidence', 'add', file, path.join(dir, 'nope.png')])).stderr).toMatch(/nope\.png/);
    expect(integrity(file)).toBe('ok');
  });

  it('has --help on every command', async () => {
    for (const args of [[], ['site', 'add'], ['order', 'add'], ['list'], ['audit', 'verify'], ['demo']]) {
      const result = await dossier([...args, '--help']);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: dossier/);
    }
  });

  it('demo builds the Storm-1152 case and search finds the seized site', async () => {
    const file = path.join(tempDir(), 'x.dossier');
    const demo = await dossierJson<{ counts: Record<string, number> }>(['demo', file]);
    expect(demo.counts.website).toBe(5);
    expect(demo.counts.order).toBe(3);
    expect(demo.counts.evidence).toBe(4);
    const search = await dossier(['search', file, 'hotmailbox']);
    expect(search.status).toBe(0);
    expect(search.stdout).toContain('hotmailbox.me');
    expect(integrity(file)).toBe('ok');
    expect(leftoversBeside(file)).toEqual([]);
  });

  it('as a real process: output on stdout, one error line on stderr, exit codes 0/2, --help', () => {
    const file = path.join(tempDir(), 'proc.dossier');
    const created = runCli(['new', file, '--title', 'Process', '--json']);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout).info.title).toBe('Process');
    const refused = runCli(['order', 'add', file, '--title', 'X']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('dossier: missing --docket, --court, --type (see dossier order add --help) [INVALID_REQUEST]\n');
    const help = runCli(['order', 'add', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--docket <docket>\s+docket \/ civil action number \(required\)/);
  });
});
