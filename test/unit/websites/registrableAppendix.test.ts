import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { createDossierClient } from '../../../src-main/contract/createDossierClient';
import { tempDir } from '../../helpers/tempDir';
import { ALICE } from '../../helpers/testCase';

function client(session: CaseSession) {
  return createDossierClient((channel, request) => dispatch(session, channel, request) as never, () => () => {});
}

/** A case with an order covering a domain named three ways, a Cyrillic look-alike and a registry contact. */
async function caseWithOrder(extra: string[] = []) {
  const session = new CaseSession(ALICE);
  const api = client(session);
  const dir = tempDir();
  await api['case.create']({ path: path.join(dir, 'appendix.dossier'), case: { title: 'Storm' } });
  const order = await api['orders.create']({ title: 'Ex Parte Temporary Restraining Order', docket: '1:25-cv-1', court: 'SDNY', order_type: 'ex_parte_tro', ecf_number: '17', granted_at: '2025-03-12' });
  await api['stakeholders.create']({ name: 'Verisign', kind: 'registry', email: 'legal@verisign.example', phone: '+1 703 555 0100' });
  const inputs = ['www.example.com', 'api.example.com/x', 'example.com', 'hotmailbox.me', 'hоtmailbox.me', ...extra];
  for (const input of inputs) {
    const registry = input.endsWith('.me') ? 'Identity Digital (.me)' : 'Verisign (.com)';
    const site = await api['websites.add']({ input, registrar: input.endsWith('.me') ? 'NameCheap, Inc.' : 'MarkMonitor Inc.', registry, registrant: 'Withheld' });
    await api['links.create']({ from_id: order.id, to_id: site.id, relation: 'covers' });
  }
  return { api, dir, order, session };
}

describe('Appendix A: one row per registrable domain', () => {
  it('folds subdomains and URLs into their registrable domain, flags the look-alike, names the order; CSV likewise', async () => {
    const { api, dir, order } = await caseWithOrder();
    const out = path.join(dir, 'packet.pdf');
    await api['packet.export']({ outPath: out, options: { sections: ['appendix'], profile: 'generic-50mb', orderId: order.id, date: '2025-03-14T00:00:00.000Z' } });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(out, path.join(process.env.DOSSIER_KEEP_PDF, 'appendix.pdf'));
    expect(text.replace(/\s+/g, ' ')).toContain('APPENDIX A TO THE EX PARTE TEMPORARY RESTRAINING ORDER OF 2025-03-12 (ECF NO. 17)');
    // example.com is one entry; www. and api.../x are listed under it, not as entries of their own.
    const entries = text.split('\n').filter((l) => /A-\d+\s/.test(l));
    expect(entries.filter((l) => l.includes('example.com'))).toHaveLength(1);
    expect(entries.find((l) => l.includes('example.com'))).toMatch(/A-\d+\s+example\.com\s*$/);
    expect(text).toContain('www.example.com');
    expect(text).toContain('api.example.com/x');
    expect(entries).toHaveLength(3);
    // The Cyrillic look-alike: its own entry, U-label and A-label, flagged.
    expect(text).toContain('hоtmailbox.me (xn--htmailbox-');
    expect(text).toMatch(/IDN · mixed script · look-alike of hotmailbox\.me/);
    expect(text).toContain('Contact: Verisign · legal@verisign.example · +1 703 555 0100');
    expect(text).toContain('Contact: not recorded in the case');
    // Registrant and status are internal: absent unless asked for.
    expect(text).not.toContain('Withheld');

    const withColumns = path.join(dir, 'packet-columns.pdf');
    await api['packet.export']({ outPath: withColumns, options: { sections: ['appendix'], profile: 'generic-50mb', orderId: order.id, appendixColumns: true, date: '2025-03-14T00:00:00.000Z' } });
    expect(execFileSync('pdftotext', [withColumns, '-'], { encoding: 'utf8' })).toContain('Withheld');

    const csvPath = path.join(dir, 'a.csv');
    await api['websites.appendixCsv']({ orderId: order.id, outPath: csvPath });
    const csv = fs.readFileSync(csvPath, 'utf8');
    expect(csv.endsWith('\n')).toBe(true);
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual(['registrable_domain', 'u_label', 'a_label', 'registry', 'registrar', 'registrar_iana_id', 'flags', 'order', 'names_in_order']);
    expect(rows).toHaveLength(4);
    const example = rows.find((r) => r[0] === 'example.com');
    expect(example?.[8]).toBe('api.example.com/x www.example.com');
    expect(example?.[7]).toBe('Ex Parte Temporary Restraining Order (ECF No. 17)');
    const lookalike = rows.find((r) => r[1] === 'hоtmailbox.me');
    expect(lookalike?.[2]).toMatch(/^xn--htmailbox-/);
    expect(lookalike?.[6]).toContain('look-alike of hotmailbox.me');
  });

  it('sets a few thousand domains in a few dozen pages, one entry per line, searchable', async () => {
    const { api, dir, order, session } = await caseWithOrder();
    // Bulk: 3,000 more domains through the importer (one covers link each).
    const list = path.join(dir, 'sites.txt');
    fs.writeFileSync(list, `${Array.from({ length: 3000 }, (_, i) => `captcha-${String(i).padStart(4, '0')}-solver.com`).join('\n')}\n`);
    await api['websites.import']({ path: list, orderId: order.id });
    const out = path.join(dir, 'big.pdf');
    await api['packet.export']({ outPath: out, options: { sections: ['appendix'], profile: 'generic-50mb', orderId: order.id, date: '2025-03-14T00:00:00.000Z' } });
    if (process.env.DOSSIER_KEEP_PDF) fs.copyFileSync(out, path.join(process.env.DOSSIER_KEEP_PDF, 'big-appendix.pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeLessThanOrEqual(40);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    for (const i of [0, 1234, 2999]) expect(text).toContain(`captcha-${String(i).padStart(4, '0')}-solver.com`);
    void session;
  });

  it('gives a domain whose names record different registrars both, on one row; an IP address is marked as such', async () => {
    const { api, order } = await caseWithOrder();
    const other = await api['websites.add']({ input: 'shop.example.com', registrar: 'GoDaddy.com, LLC' });
    await api['links.create']({ from_id: order.id, to_id: other.id, relation: 'covers' });
    const ip = await api['websites.add']({ input: 'http://192.0.2.7/panel' });
    await api['links.create']({ from_id: order.id, to_id: ip.id, relation: 'covers' });
    const page = await api['websites.appendix']({ orderId: order.id });
    const example = page.domains!.filter((d) => d.domain_ascii === 'example.com');
    expect(example.map((d) => [d.registry, d.registrar])).toEqual([['Verisign (.com)', 'GoDaddy.com, LLC; MarkMonitor Inc.']]);
    expect(page.domains!.find((d) => d.domain_ascii === '192.0.2.7')?.host_kind).toBe('ip');
    expect(page.domains!.filter((d) => d.host_kind === 'domain')).toHaveLength(3);
  });
});
