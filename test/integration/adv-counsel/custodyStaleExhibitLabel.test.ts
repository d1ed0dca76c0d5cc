import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase, packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): the custody note "Same bytes as Exhibit 1;
// stored once." is text frozen at import with the exhibit number of that day. After an audited
// renumbering, "Exhibit 1" names another exhibit, and the packet's Chain of Custody states that
// Exhibit 2 has the same bytes as an Exhibit 1 whose SHA-256, printed on the same page, differs.

const pdftotext = packetText;

describe('custody notes that name another exhibit', () => {
  it('never say "same bytes as Exhibit N" of an exhibit N whose bytes differ', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const write = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const added = await dossierJson<{ items: { evidence: { id: string; sha256: string } }[] }>([
      'evidence', 'add', file, write('order-a.txt', 'order 7731\n'), write('order-b.txt', 'order 7731\n'), write('invoice.txt', 'invoice 12\n'),
    ]);
    const [a, , invoice] = added.items.map((i) => i.evidence);
    // Exhibit 1 (order-a) becomes 9; the invoice takes number 1.
    await dossierJson(['evidence', 'renumber', file, a!.id, '9']);
    await dossierJson(['evidence', 'renumber', file, invoice!.id, '1']);
    const out = path.join(dir, 'p.pdf');
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', '--exhibits', '1,2', ...SIGNED]);
    const text = pdftotext(out);
    const custody = text.slice(text.indexOf('CHAIN OF CUSTODY'), text.indexOf('AUDIT CHAIN'));
    // In this packet Exhibit 1 is the invoice, whose bytes are not those of Exhibit 2 (order-b).
    expect(custody).toContain(`Exhibit 1 — invoice.txt SHA-256 ${invoice!.sha256}`);
    expect(custody).not.toMatch(/Same bytes as Exhibit 1\b/);
  });

  it('never do in a filing numbered with --renumber, where "Exhibit 2" is another exhibit', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const write = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const added = await dossierJson<{ items: { evidence: { sha256: string } }[] }>([
      'evidence', 'add', file, write('invoice.txt', 'invoice 12\n'), write('order-a.txt', 'order 7731\n'), write('order-b.txt', 'order 7731\n'),
    ]);
    const invoice = added.items[0]!.evidence;
    const out = path.join(dir, 'p.pdf');
    // Case exhibit 3 (order-b, same bytes as case exhibit 2) filed as Exhibit 1, the invoice as Exhibit 2.
    await dossierJson(['packet', file, '--out', out, '--layout', 'combined', '--exhibits', '3,1', '--renumber', ...SIGNED]);
    const text = pdftotext(out);
    const custody = text.slice(text.indexOf('CHAIN OF CUSTODY'), text.indexOf('AUDIT CHAIN'));
    expect(custody).toContain(`Exhibit 2 — invoice.txt SHA-256 ${invoice.sha256}`);
    expect(custody).not.toMatch(/Same bytes as Exhibit 2\b/);
  });

  it('name the exhibit of the same SHA-256 by its number in this filing, or say it is not filed', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const write = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    await dossierJson(['evidence', 'add', file, write('invoice.txt', 'invoice 12\n'), write('order-a.txt', 'order 7731\n'), write('order-b.txt', 'order 7731\n')]);
    const custodyOf = async (exhibits: string) => {
      const out = path.join(dir, `p-${exhibits}.pdf`);
      await dossierJson(['packet', file, '--out', out, '--layout', 'combined', '--exhibits', exhibits, '--renumber', '--draft', ...SIGNED]);
      const text = pdftotext(out);
      return text.slice(text.indexOf('CHAIN OF CUSTODY'), text.indexOf('AUDIT CHAIN'));
    };
    // Case exhibit 3 (order-b) filed as Exhibit 1, case exhibit 2 (order-a, the same bytes) as Exhibit 2.
    expect(await custodyOf('3,2')).toContain('Same bytes as Exhibit 2; stored once.');
    expect(await custodyOf('3,1')).toContain('Same bytes as evidence imported earlier, not in this filing; stored once.');
  });
});
