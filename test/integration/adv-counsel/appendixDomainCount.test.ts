import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';
import { packetText } from './advCase';

// Adversarial finding (expected to fail until fixed): Appendix A promises "one per registrable
// domain" and its packet page states "N registrable domains". Folding is keyed by registry and
// registrar too, so hotmailbox.me (registry recorded) and www.hotmailbox.me (registry not recorded)
// give two rows "hotmailbox.me", the first under "Registry: (not recorded)" though the case records
// its registry; and an IP address is counted as a registrable domain. The count printed is false.

const pdftotext = packetText;

async function orderCase(dir: string, sites: string[][]): Promise<{ file: string; order: string }> {
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', '1:24-cv-01234', '--court', 'SDNY', '--type', 'tro']);
  for (const args of sites) {
    const site = await dossierJson<{ id: string }>(['site', 'add', file, ...args]);
    await dossierJson(['link', file, order.id, site.id, '--relation', 'covers']);
  }
  return { file, order: order.id };
}

const packetAppendix = async (dir: string, file: string, order: string) => {
  const out = path.join(dir, 'p.pdf');
  await dossierJson(['packet', file, '--out', out, '--order', order, '--profile', 'generic-50mb', '--sections', 'appendix', '--layout', 'combined']);
  return pdftotext(out);
};

describe('Appendix A: one row per registrable domain, and a true count', () => {
  it('lists hotmailbox.me once when only its www name lacks the registry', async () => {
    const dir = tempDir();
    const { file, order } = await orderCase(dir, [['hotmailbox.me', '--registry', 'doMEn d.o.o. (.me registry)'], ['www.hotmailbox.me']]);
    const appendix = await dossierJson<{ domains: { domain_ascii: string }[] }>(['appendix', file, order]);
    expect(appendix.domains.map((d) => d.domain_ascii)).toEqual(['hotmailbox.me']);
    const text = await packetAppendix(dir, file, order);
    expect(text).not.toMatch(/2 registrable domains/);
    expect(text).toMatch(/\b1 registrable domain\b/);
  });

  it('does not count an IP address as a registrable domain', async () => {
    const dir = tempDir();
    const { file, order } = await orderCase(dir, [['hotmailbox.me'], ['http://192.0.2.7/panel']]);
    const text = await packetAppendix(dir, file, order);
    expect(text).not.toMatch(/2 registrable domains/);
  });
});
