import { describe, expect, it } from 'vitest';
import { needsFullTextEntry } from '../../../src-main/websites/siteSearchEntry';
import type { SearchedSiteFields } from '../../../src-main/websites/websiteSpec';

const bare: SearchedSiteFields = {
  host_unicode: 'shop.example.co.uk', host_ascii: 'shop.example.co.uk', url_path: null, registrable_domain: 'example.co.uk',
  raw_input: 'shop.example.co.uk', registrar: null, registry: null, registrant: null, hosting_provider: null, asn: null,
  role: 'other', notes: null, ips: [], name_servers: [],
};

describe('needsFullTextEntry', () => {
  it('is false for a site that is only its host (typed in any case, with the default role)', () => {
    expect(needsFullTextEntry(bare)).toBe(false);
    expect(needsFullTextEntry({ ...bare, raw_input: ' SHOP.example.co.uk ' })).toBe(false);
  });

  it('is true as soon as any one field the search text holds says more than the host', () => {
    const more: Partial<SearchedSiteFields>[] = [
      { url_path: '/login' }, { raw_input: 'https://shop.example.co.uk/login' }, { registrar: 'NameCheap' }, { registry: 'Nominet' },
      { registrant: 'J. Doe' }, { hosting_provider: 'Host Co' }, { asn: '64500' }, { role: 'phishing' }, { notes: 'seen in spam' },
      { ips: ['203.0.113.5'] }, { name_servers: ['ns1.example.net'] },
    ];
    for (const change of more) expect(needsFullTextEntry({ ...bare, ...change }), JSON.stringify(change)).toBe(true);
  });
});
