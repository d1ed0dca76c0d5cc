import { describe, expect, it } from 'vitest';
import { dossierJson } from '../../helpers/dossierInProcess';
import { tempDir } from '../../helpers/tempDir';
import { newFilingCase } from './advCase';

// Adversarial finding (expected to fail until fixed): "site status SITE named_in_order --order O"
// records in the site's history that order O names it, yet O's Appendix A ("the domains a court
// order covers"), "site list --order O" and the packet's appendix leave it out: the case states
// both that O names the domain and, in what is filed, that O does not.

describe('a website recorded as named in an order', () => {
  it('is in that order\'s Appendix A and in "site list --order"', async () => {
    const dir = tempDir();
    const file = await newFilingCase(dir);
    const order = await dossierJson<{ id: string }>(['order', 'add', file, '--title', 'TRO', '--docket', '1:24-cv-01234', '--court', 'SDNY', '--type', 'tro']);
    const site = await dossierJson<{ id: string }>(['site', 'add', file, 'rockcaptcha.com']);
    await dossierJson(['site', 'status', file, site.id, 'named_in_order', '--order', order.id, '--date', '2024-08-29']);
    const history = await dossierJson<unknown>(['site', 'history', file, site.id]);
    expect(JSON.stringify(history)).toContain(order.id);
    const appendix = await dossierJson<{ domains: { domain_ascii: string }[] }>(['appendix', file, order.id]);
    expect(appendix.domains.map((d) => d.domain_ascii)).toEqual(['rockcaptcha.com']);
    const listed = await dossierJson<{ items: { id: string }[] }>(['site', 'list', file, '--order', order.id]);
    expect(listed.items.map((s) => s.id)).toEqual([site.id]);
  });
});
