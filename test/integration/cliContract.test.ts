import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CHANNEL_COMMANDS, DIRECT_CHANNELS, UI_ONLY_CHANNELS } from '../../src-main/cli/channelCommands';
import { editableFields } from '../../src-main/cli/commands/editCommands';
import { loadBuildProgram } from '../../src-main/cli/runDossier';
import { CHANNELS } from '../../src-main/contract/DossierApi';
import { createKeyFile } from '../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../src-main/share/userIdentity';
import { dispatchedBy, dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

function commandAt(program: Command, words: string[]): Command | undefined {
  let at: Command | undefined = program;
  for (const word of words) at = at?.commands.find((c) => c.name() === word);
  return at;
}

async function newCase(title = 'Contract'): Promise<string> {
  const file = path.join(tempDir(), 'case.dossier');
  await dossierJson(['new', file, '--title', title]);
  return file;
}

describe('the CLI is a client of the contract', () => {
  it('reaches every channel from a command, or says why not', async () => {
    const program = (await loadBuildProgram())();
    for (const channel of CHANNELS) {
      const places = [CHANNEL_COMMANDS[channel], DIRECT_CHANNELS[channel], UI_ONLY_CHANNELS[channel]].filter((p) => p !== undefined);
      expect(places, channel).toHaveLength(1);
      const command = CHANNEL_COMMANDS[channel] ?? DIRECT_CHANNELS[channel]?.command;
      if (command !== undefined) expect(commandAt(program, command.split(' ')), `${channel} -> dossier ${command}`).toBeDefined();
      else expect(UI_ONLY_CHANNELS[channel]!.length, channel).toBeGreaterThan(20);
    }
    for (const table of [CHANNEL_COMMANDS, DIRECT_CHANNELS, UI_ONLY_CHANNELS]) {
      for (const channel of Object.keys(table)) expect(CHANNELS as readonly string[], channel).toContain(channel);
    }
    // edit has a flag for every field of every update schema in the contract.
    const edit = commandAt(program, ['edit'])!;
    for (const field of editableFields().keys()) {
      expect(edit.options.map((o) => o.long), field).toContain(`--${field.replace(/_/g, '-')}`);
    }
  });

  it('edits orders, websites, stakeholders, notes, evidence metadata and the case; history keeps the old version', async () => {
    const file = await newCase();
    const dir = path.dirname(file);
    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', '1:23-cv-1068', '--court', 'SDNY', '--type', 'tro', '--granted', '2023-12-07']);
    const fixed = await dossierJson<{ docket: string; order_type: string; granted_at: string; judge: string | null }>([
      'edit', file, order.id, '--docket', '1:23-cv-10685', '--order-type', 'ex-parte-tro', '--granted-at', '2023-12-08', '--judge', 'Hon. P. Kevin Castel',
    ]);
    expect(fixed).toMatchObject({ docket: '1:23-cv-10685', order_type: 'ex_parte_tro', granted_at: '2023-12-08', judge: 'Hon. P. Kevin Castel' });
    expect((await dossierJson<{ judge: string | null }>(['edit', file, order.id, '--judge', ''])).judge).toBeNull();
    expect((await dossierJson<{ history: unknown[] }>(['show', file, order.id])).history).toHaveLength(2);

    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'rockcaptcha.com']);
    expect(await dossierJson(['edit', file, site.id, '--ips', '192.0.2.1, 192.0.2.2', '--role', 'captcha service', '--registrar', 'NameCheap']))
      .toMatchObject({ ips: ['192.0.2.1', '192.0.2.2'], role: 'captcha_service', registrar: 'NameCheap' });
    const person = await dossierJson<{ id: string }>(['stakeholder', 'add', file, '--name', 'Arkose']);
    expect(await dossierJson(['edit', file, person.id, '--organization', 'Arkose Labs', '--kind', 'partner'])).toMatchObject({ organization: 'Arkose Labs', kind: 'partner' });
    const note = await dossierJson<{ id: string }>(['note', 'add', file, '--title', 'Plan', '--body', 'x']);
    expect(await dossierJson(['edit', file, note.id, '--body', 'Seize it.'])).toMatchObject({ title: 'Plan', body: 'Seize it.' });
    const capture = path.join(dir, 'capture.txt');
    fs.writeFileSync(capture, 'captured');
    const exhibit = (await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, capture])).items[0]!.evidence;
    expect(await dossierJson(['edit', file, exhibit.id, '--exhibit-label', 'PX-1', '--tags', 'captcha,storm', '--acquired-at', '2023-12-04T15:21:00Z']))
      .toMatchObject({ exhibit_label: 'PX-1', tags: ['captcha', 'storm'], acquired_at: '2023-12-04T15:21:00.000Z' });
    expect(await dossierJson(['edit', file, 'case', '--docket-number', '1:23-cv-10685', '--classification', 'tlp:amber'])).toMatchObject({ docket_number: '1:23-cv-10685', classification: 'TLP:AMBER' });

    const human = await dossier(['edit', file, order.id, '--summary', 'TRO granted']);
    expect(human.stdout).toBe('Updated order TRO\nsummary: TRO granted\n');
    const foreign = await dossier(['edit', file, site.id, '--docket', 'x', '--court', 'y']);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/^dossier: --docket, --court do not apply to a website; its fields: --registrar, /);
    expect((await dossier(['edit', file, order.id])).stderr).toMatch(/Nothing to change/);
    expect((await dossier(['edit', file, site.id, '--status', 'served'])).stderr).toMatch(/--status does not apply to a website; .* Change its status with: dossier site status FILE \S+ STATUS --date DATE\./);
    const badDate = await dossier(['edit', file, order.id, '--served-at', '12/07/2023']);
    expect(badDate.stderr).toBe('dossier: --served-at is not a date: "12/07/2023" (use YYYY-MM-DD, or an ISO-8601 time with its zone like 2023-12-07T14:30:00Z). [INVALID_REQUEST]\n');
    expect((await dossier(['edit', file, order.id, '--title', 'bad\u001b[2Jtitle'])).stderr).toMatch(/--title must not contain control characters/);
  });

  it('deletes, unlinks, transfers custody, and shows history, links, graph, audit log, preview and profiles', async () => {
    const file = await newCase();
    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', 'D', '--court', 'SDNY', '--type', 'tro']);
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'hotmailbox.me']);
    await dossierJson(['link', file, order.id, site.id, '--relation', 'covers']);
    const second = await dossierJson<{ id: string }>(['link', file, order.id, site.id, '--relation', 'mentions']);
    expect((await dossierJson<{ id: string }[]>(['links', file, site.id])).map((l) => l.id)).toEqual([order.id, order.id]);
    const graph = await dossierJson<{ edges: unknown[] }>(['graph', file]);
    expect(graph.edges).toHaveLength(2);
    expect((await dossier(['graph', file])).stdout).toMatch(/order TRO\s+covers\s+website hotmailbox\.me/);

    const one = await dossierJson<{ removed: { relation: string }[] }>(['unlink', file, site.id, order.id, '--relation', 'covers']);
    expect(one.removed.map((l) => l.relation)).toEqual(['covers']);
    expect(await dossierJson(['unlink', file, second.id])).toEqual({ removed: [{ link_id: second.id }] });
    expect(await dossierJson(['links', file, site.id])).toEqual([]);
    expect((await dossier(['unlink', file, site.id, order.id])).stderr).toMatch(/No link between/);

    await dossierJson(['site', 'status', file, site.id, 'served', '--date', '2023-12-13', '--order', order.id]);
    const history = await dossierJson<{ status: string; at: string; order_id: string }[]>(['site', 'history', file, site.id]);
    expect(history.map((h) => [h.status, h.at])).toContainEqual(['served', '2023-12-13']);

    const capture = path.join(path.dirname(file), 'page.txt');
    fs.writeFileSync(capture, 'Buy Outlook accounts');
    const exhibit = (await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, capture])).items[0]!.evidence;
    expect((await dossier(['evidence', 'preview', file, exhibit.id])).stdout).toBe('Buy Outlook accounts\n');
    const moved = await dossierJson<{ action: string; to_party: string; at: string }>(['custody', 'transfer', file, exhibit.id, '--to', 'Clerk of Court', '--date', '2024-01-05', '--purpose', 'filing']);
    expect(moved).toMatchObject({ action: 'transferred', to_party: 'Clerk of Court' });
    expect((await dossierJson<{ events: { action: string }[] }>(['custody', file, exhibit.id])).events.map((e) => e.action)).toContain('transferred');
    expect((await dossier(['custody', 'transfer', file, exhibit.id])).stderr).toBe('dossier: missing --to (see dossier custody transfer --help) [INVALID_REQUEST]\n');
    expect((await dossier(['custody', 'transfer', file, exhibit.id, '--to', 'X', '--date', '2999-01-01'])).stderr).toMatch(/^dossier: --date is in the future/);

    const deleted = await dossierJson<{ deleted: string; kind: string }>(['delete', file, site.id]);
    expect(deleted).toEqual({ deleted: site.id, kind: 'website' });
    expect((await dossierJson<{ items: unknown[] }>(['list', file, 'websites'])).items).toEqual([]);
    expect((await dossier(['delete', file, site.id])).status).not.toBe(0);
    await dossierJson(['delete', file, exhibit.id]);
    expect((await dossier(["show", file, exhibit.id])).stderr).toMatch(/No evidence with id/);
    const kept = await dossierJson<{ evidence: { deleted_at: string | null }; events: { action: string }[] }>(['custody', file, exhibit.id]);
    expect(kept.evidence.deleted_at).not.toBeNull();
    expect(kept.events.map((e) => e.action)).toContain('transferred');

    const log = await dossierJson<{ items: { action: string }[] }>(['audit', 'log', file, '--limit', '1000']);
    expect(log.items.length).toBeGreaterThan(5);
    expect((await dossier(['audit', 'log', file])).stdout).toMatch(/^at\s+actor\s+action/);
    const profiles = await dossierJson<{ name: string }[]>(['packet', 'profiles']);
    expect(profiles.map((p) => p.name)).toContain('sdny-ecf');
  });

  it('names every missing option at once, marks required options in --help, and names flags in errors', async () => {
    const file = await newCase();
    const missing = await dossier(['order', 'add', file]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('dossier: missing --title, --docket, --court, --type (see dossier order add --help) [INVALID_REQUEST]\n');
    const help = (await dossier(['order', 'add', '--help'])).stdout;
    const described = (flag: string) => new RegExp(`\n  ${flag} <\\w+>([\\s\\S]*?)(?=\n  -)`).exec(help)?.[1] ?? '';
    for (const flag of ['--title', '--docket', '--court', '--type']) expect(described(flag), flag).toMatch(/\(required\)$/);
    for (const flag of ['--judge', '--granted']) expect(described(flag), flag).not.toMatch(/required/);
    const granted = await dossier(['order', 'add', file, '--title', 'T', '--docket', 'D', '--court', 'C', '--type', 'tro', '--granted', '12/07/2023', '--filed', '2999-01-01']);
    expect(granted.stderr).toMatch(/^dossier: --filed is in the future \("2999-01-01"\); it records something that already happened; --granted is not a date: "12\/07\/2023"/);
    expect(granted.stderr).not.toMatch(/granted_at|filed_at/);
    for (const [args, line] of [
      [['order', 'add', file, '--bogus'], "dossier: unknown option '--bogus' (see --help) [INVALID_REQUEST]\n"],
      [['frobnicate'], "dossier: unknown command 'frobnicate' (see --help) [INVALID_REQUEST]\n"],
      [['show', file], "dossier: missing required argument 'id' (see --help) [INVALID_REQUEST]\n"],
    ] as const) {
      const usage = await dossier([...args]);
      expect(usage, args.join(' ')).toMatchObject({ status: 2, stdout: '', stderr: line });
    }
    const email = await dossier(['stakeholder', 'add', file, '--name', 'X', '--email', 'not-mail']);
    expect(email.stderr).toBe('dossier: --email is not an e-mail address. [INVALID_REQUEST]\n');
  });

  it('stores only real, past dates for past events; expiry may lie ahead', async () => {
    const file = await newCase();
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'anycaptcha.com']);
    const typed = await dossier(['site', 'status', file, site.id, 'served', '--date', '13/12/2023']);
    expect(typed.status).toBe(2);
    expect(typed.stderr).toMatch(/^dossier: --date is not a date: "13\/12\/2023" \(use YYYY-MM-DD/);
    expect((await dossier(['site', 'status', file, site.id, 'served', '--date', '2024-02-30'])).stderr).toMatch(/--date is not a real calendar date: "2024-02-30"/);
    expect((await dossier(['site', 'status', file, site.id, 'served', '--date', '2999-12-13'])).stderr).toMatch(/--date is in the future/);
    expect((await dossierJson<{ status_at: string }>(['site', 'status', file, site.id, 'served', '--date', '2023-12-13T10:00:00+01:00'])).status_at).toBe('2023-12-13T09:00:00.000Z');
    expect((await dossier(['site', 'add', file, 'b.com', '--first-seen', '2999-01-01'])).stderr).toMatch(/--first-seen is in the future/);
    expect((await dossierJson<{ expires_at: string }>(['site', 'add', file, 'c.com', '--expires', '2999-01-01'])).expires_at).toBe('2999-01-01');
    expect((await dossierJson<{ expires_at: string }>(['order', 'add', file, '--title', 'T', '--docket', 'D', '--court', 'C', '--type', 'tro', '--expires', '2999-01-01'])).expires_at).toBe('2999-01-01');
    const capture = path.join(path.dirname(file), 'c.txt');
    fs.writeFileSync(capture, 'c');
    expect((await dossier(['evidence', 'add', file, capture, '--acquired-at', '2023-12-04 15:21'])).stderr).toMatch(/--acquired-at has a time but no time zone/);
    expect((await dossier(['timeline', file, '--from', '01/01/2023'])).stderr).toMatch(/--from is not a date/);
    // Nothing refused was stored: the timeline holds only the one good status date.
    const timeline = await dossierJson<{ items: { at: string }[] }>(['timeline', file]);
    expect(timeline.items.every((e) => /^\d{4}-\d{2}-\d{2}/.test(e.at))).toBe(true);
  });

  it('lists --all as the same table with its header', async () => {
    const file = await newCase();
    for (const host of ['a-one.com', 'b-two.com', 'c-three.com']) await dossierJson(['site', 'add', file, host]);
    const page = (await dossier(['list', file, 'websites'])).stdout.split('\n');
    const all = (await dossier(['list', file, 'websites', '--all', '--limit', '2'])).stdout.split('\n');
    expect(all[0]).toMatch(/^id\s+title\s+details$/);
    expect(all[1]).toMatch(/^-+\s+-+/);
    expect(page[0]).toMatch(/^id\s+title\s+details$/);
    const rows = all.slice(2, 5);
    expect(rows.map((r) => r.split(/\s{2,}/))).toEqual(page.slice(2, 5).map((r) => r.split(/\s{2,}/)));
    // One column grid for every page: the titles and details start at the same place on each row.
    expect(new Set(rows.map((r) => r.search(/\S+\.com/))).size).toBe(1);
    expect(new Set(rows.map((r) => r.indexOf('other'))).size).toBe(1);
    expect(all[6]).toBe('3 item(s).');
    const json = await dossierJson<{ id: string }[]>(['list', file, 'websites', '--all', '--limit', '2']);
    expect(json).toHaveLength(3);
  });

  it('dispatches every channel of the table from the command the table names', async () => {
    dispatchedBy.clear();
    const dir = tempDir();
    const file = path.join(dir, 'all.dossier');
    await dossierJson(['new', file, '--title', 'Every channel']);
    await dossierJson(['info', file]);
    await dossierJson(['edit', file, 'case', '--summary', 'All of it']);
    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', 'D', '--court', 'SDNY', '--type', 'tro', '--granted', '2023-12-07']);
    await dossierJson(['edit', file, order.id, '--judge', 'J']);
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'hotmailbox.me', '--registrar', 'R', '--registry', 'Verisign']);
    await dossierJson(['edit', file, site.id, '--registrar', 'R2']);
    await dossierJson(['site', 'status', file, site.id, 'named_in_order', '--date', '2023-12-08', '--order', order.id]);
    await dossierJson(['site', 'history', file, site.id]);
    const csv = path.join(dir, 'sites.csv');
    fs.writeFileSync(csv, 'site\nanycaptcha.com\n');
    await dossierJson(['site', 'import', file, csv, '--order', order.id]);
    // That import finished, so there is nothing to roll back; the request still goes through the contract.
    expect((await dossier(['site', 'import', file, '--rollback', 'no-such-chain#1'])).stderr).toContain('No unfinished import with id no-such-chain#1');
    await dossierJson(['appendix', file, order.id]);
    expect((await dossier(['appendix', file, order.id, '--csv'])).stdout).toContain('anycaptcha.com');
    const person = await dossierJson<{ id: string }>(['stakeholder', 'add', file, '--name', 'Arkose']);
    await dossierJson(['edit', file, person.id, '--role', 'partner']);
    const note = await dossierJson<{ id: string }>(['note', 'add', file, '--title', 'Plan', '--body', 'x']);
    await dossierJson(['edit', file, note.id, '--body', 'y']);
    const link = await dossierJson<{ id: string }>(['link', file, note.id, site.id]);
    await dossierJson(['links', file, site.id]);
    await dossierJson(['unlink', file, link.id]);
    const capture = path.join(dir, 'page.txt');
    fs.writeFileSync(capture, 'Buy accounts');
    const exhibit = (await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, capture])).items[0]!.evidence;
    await dossierJson(['edit', file, exhibit.id, '--title', 'Storefront']);
    await dossierJson(['evidence', 'verify', file]);
    await dossierJson(['evidence', 'extract', file, exhibit.id, path.join(dir, 'out.txt')]);
    await dossierJson(['evidence', 'preview', file, exhibit.id]);
    await dossierJson(['custody', 'transfer', file, exhibit.id, '--to', 'Clerk']);
    await dossierJson(['custody', file, exhibit.id]);
    await dossierJson(['redact', 'scan', file]);
    await dossierJson(['redact', 'list', file]);
    const redaction = await dossierJson<{ id: string }>(['redact', 'add', file, exhibit.id, '--text', 'accounts']);
    await dossierJson(['redact', 'accept', file, redaction.id]);
    await dossierJson(['packet', file, '--reference-list', path.join(dir, 'reference-list.pdf')]);
    const har = path.join(dir, 'shop.har');
    const entry = (url: string) => ({
      pageref: 'p1', startedDateTime: '2023-12-01T10:00:00.000Z', time: 1,
      request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [] },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: 'text/html' }], content: { size: 40, mimeType: 'text/html', text: '<title>Shop</title><p>Buy Outlook accounts</p>' } },
    });
    fs.writeFileSync(har, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [{ id: 'p1', title: 'Shop', startedDateTime: '2023-12-01T10:00:00.000Z' }], entries: [entry('https://hotmailbox.me/')] } }));
    const captured = await dossierJson<{ evidence_id: string }>(['capture', 'import', file, har]);
    const captures = await dossierJson<{ pages: { id: string }[] }[]>(['capture', 'list', file]);
    await dossierJson(['capture', 'show', file, captures[0]!.pages[0]!.id]);
    // A finished capture is refused (nothing to reparse), but the request went through the contract.
    expect((await dossier(['capture', 'reparse', file, captured.evidence_id])).status).toBe(2);
    await dossierJson(['list', file, 'notes']);
    await dossierJson(['show', file, note.id]);
    await dossierJson(['search', file, 'hotmailbox']);
    await dossierJson(['timeline', file]);
    await dossierJson(['graph', file]);
    await dossierJson(['audit', 'verify', file]);
    await dossierJson(['audit', 'log', file]);
    await dossierJson(['packet', 'profiles']);
    await dossier(['packet', file, '--check', '--json']);
    await dossierJson(['productions', file]);
    await dossierJson(['caption', 'set', file, '--judge-initials', 'PAE']);
    await dossierJson(['caption', 'show', file]);
    await dossierJson(['delete', file, note.id]);

    const alice = await generateUserIdentity('Alice Example');
    const bob = await generateUserIdentity('Bob Builder');
    const aliceKey = path.join(dir, 'alice.dossier-key');
    const bobKey = path.join(dir, 'bob.dossier-key');
    await createKeyFile(aliceKey, alice, 'alice pass', { scryptWorkFactor: 10 });
    await createKeyFile(bobKey, bob, 'bob pass', { scryptWorkFactor: 10 });
    await dossierJson(['roster', 'add', file, formatPublicIdentity(alice.publicIdentity)]);
    await dossierJson(['roster', 'add', file, formatPublicIdentity(bob.publicIdentity)]);
    await dossierJson(['roster', 'list', file]);
    const share = path.join(dir, 'to-bob.dossier.age');
    await dossierJson(['share', file, '--to', 'Bob Builder', '--out', share, '--identity', aliceKey], { DOSSIER_PASSPHRASE: 'alice pass' });
    const bobCopy = path.join(dir, 'bob.dossier');
    await dossierJson(['receive', share, '--out', bobCopy, '--identity', bobKey, '--case', file], { DOSSIER_PASSPHRASE: 'bob pass' });
    await dossierJson(['merge', file, bobCopy]);
    // Already trusted: refused or a no-op, but sent through the contract either way.
    await dossier(['roster', 'trust', file, bob.publicIdentity.fingerprint]);
    expect((await dossierJson<{ ok: boolean }>(['check', file])).ok).toBe(true);
    const checkpoint = path.join(dir, 'now.checkpoint.json');
    await dossierJson(['audit', 'checkpoint', file, '--identity', aliceKey, '--out', checkpoint], { DOSSIER_PASSPHRASE: 'alice pass' });
    expect((await dossierJson<{ ok: boolean }>(['audit', 'verify', file, '--against', checkpoint])).ok).toBe(true);
    await dossierJson(['roster', 'remove', file, bob.publicIdentity.fingerprint]);
    await dossierJson(['conflicts', file]);
    // No conflict with this id: refused, but sent through the contract.
    expect((await dossier(['conflicts', 'resolve', file, '0'.repeat(32), '--keep', 'mine'])).status).toBe(2);
    await dossierJson(['evidence', 'renumber', file, exhibit.id, '9']);

    for (const [channel, command] of Object.entries(CHANNEL_COMMANDS)) {
      expect([...(dispatchedBy.get(channel) ?? [])], `${channel} from dossier ${command}`).toContain(command);
    }
    // Nothing is dispatched that the table does not account for.
    for (const channel of dispatchedBy.keys()) expect(Object.keys(CHANNEL_COMMANDS), channel).toContain(channel);
  });
});
