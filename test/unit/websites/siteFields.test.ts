import { describe, expect, it } from 'vitest';
import { normalizeIsoDate } from '../../../src-main/websites/normalizeIsoDate';
import { SiteFieldError } from '../../../src-main/websites/SiteFieldError';
import { SITE_ROLES, SITE_STATUSES, parseSiteRole, parseSiteStatus, readSiteFields } from '../../../src-main/websites/siteFields';

function fieldError(run: () => unknown): SiteFieldError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SiteFieldError);
    return error as SiteFieldError;
  }
  throw new Error('expected a SiteFieldError');
}

describe('site status and role enums', () => {
  it('export the values the database will CHECK', () => {
    expect(SITE_STATUSES).toEqual([
      'identified', 'evidence_captured', 'named_in_order', 'served', 'transfer_confirmed', 'hold_confirmed', 'sinkholed', 'offline', 'released',
    ]);
    expect(SITE_ROLES).toEqual(['marketplace', 'captcha_service', 'c2', 'phishing', 'payment', 'hosting', 'redirector', 'infrastructure', 'other']);
  });

  it('forgive case, spaces and hyphens', () => {
    expect(parseSiteStatus(' Named in Order ')).toBe('named_in_order');
    expect(parseSiteStatus('TRANSFER-CONFIRMED')).toBe('transfer_confirmed');
    expect(parseSiteRole('CAPTCHA service')).toBe('captcha_service');
    expect(parseSiteRole('C2')).toBe('c2');
  });

  it('reject anything else and list the allowed values', () => {
    const error = fieldError(() => parseSiteStatus('seized'));
    expect(error.code).toBe('INVALID_STATUS');
    expect(error.message).toContain('named_in_order');
    expect(fieldError(() => parseSiteRole('botnet')).code).toBe('INVALID_ROLE');
  });
});

describe('normalizeIsoDate', () => {
  it('keeps a date as a date and turns zoned times into UTC with milliseconds', () => {
    expect(normalizeIsoDate('2023-12-13', 'first_seen')).toBe('2023-12-13');
    expect(normalizeIsoDate('2023-12-13T09:30:00Z', 'first_seen')).toBe('2023-12-13T09:30:00.000Z');
    expect(normalizeIsoDate('2023-12-13T10:30+01:00', 'first_seen')).toBe('2023-12-13T09:30:00.000Z');
    expect(normalizeIsoDate('2023-12-13 04:30:15.5-0500', 'first_seen')).toBe('2023-12-13T09:30:15.500Z');
    expect(normalizeIsoDate('2024-02-29', 'first_seen')).toBe('2024-02-29');
  });

  it.each(['2023-02-30', '2023-13-01', '12/13/2023', '13.12.2023', 'yesterday', '2023-12-13T09:30:00', '2023-12-13T25:00Z', '2023-12-13T10:00+25:00', '1969-12-31', '2999-01-01'])(
    'refuses %j',
    (text) => {
      const error = fieldError(() => normalizeIsoDate(text, 'last_seen'));
      expect(error.code).toBe('INVALID_DATE');
      expect(error.field).toBe('last_seen');
      expect(error.message).toContain(text);
    },
  );
});

describe('readSiteFields', () => {
  it('validates and normalises every field', () => {
    const fields = readSiteFields(
      {
        status: 'served',
        registrar: '  NameCheap, Inc. ',
        registrar_iana_id: '1068',
        registry: 'Verisign',
        registrant: '',
        name_servers: 'NS1.Hotmailbox.me.; ns2.hotmailbox.me ns1.hotmailbox.me',
        ips: '104.21.4.1; 2606:4700:3033:0:0:0:6815:401\t104.21.4.1, 172.67.1.1',
        hosting_provider: 'Cloudflare',
        asn: 'AS 13335',
        role: 'marketplace',
        notes: '=HYPERLINK("http://evil.example/")',
        first_seen: '2023-06-01',
        last_seen: '2023-12-13T09:30:00Z',
      },
      { Analyst: 'jd' },
    );
    expect(fields).toEqual({
      status: 'served',
      registrar: 'NameCheap, Inc.',
      registrar_iana_id: 1068,
      registry: 'Verisign',
      registrant: null,
      name_servers: ['ns1.hotmailbox.me', 'ns2.hotmailbox.me'],
      ips: ['104.21.4.1', '2606:4700:3033::6815:401', '172.67.1.1'],
      hosting_provider: 'Cloudflare',
      asn: 13335,
      role: 'marketplace',
      notes: '=HYPERLINK("http://evil.example/")',
      first_seen: '2023-06-01',
      last_seen: '2023-12-13T09:30:00.000Z',
      extra: { Analyst: 'jd' },
    });
  });

  it('gives nulls and empty lists for a row with only a site', () => {
    expect(readSiteFields({})).toMatchObject({ status: null, ips: [], name_servers: [], asn: null, extra: {} });
  });

  it.each([
    [{ registrar_iana_id: '1068a' }, 'INVALID_IANA_ID', 'registrar_iana_id'],
    [{ registrar_iana_id: '-5' }, 'INVALID_IANA_ID', 'registrar_iana_id'],
    [{ ips: '104.21.4.1; 300.1.1.1' }, 'INVALID_IP', 'ips'],
    [{ ips: '01.2.3.4' }, 'INVALID_IP', 'ips'],
    [{ ips: 'fe80::1%eth0' }, 'INVALID_IP', 'ips'],
    [{ asn: 'AS-13335x' }, 'INVALID_ASN', 'asn'],
    [{ asn: '4294967296' }, 'INVALID_ASN', 'asn'],
    [{ name_servers: 'ns1.evil.com; 1.2.3.4' }, 'INVALID_NAME_SERVER', 'name_servers'],
    [{ name_servers: 'https://ns1.evil.com/x' }, 'INVALID_NAME_SERVER', 'name_servers'],
    [{ first_seen: '2023-12-14', last_seen: '2023-12-13' }, 'INVALID_DATE', 'last_seen'],
  ] as const)('rejects %j with %s', (cells, code, field) => {
    const error = fieldError(() => readSiteFields(cells));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('lets first_seen and last_seen fall on the same day in different precisions', () => {
    expect(readSiteFields({ first_seen: '2023-12-13T10:00:00Z', last_seen: '2023-12-13' }).last_seen).toBe('2023-12-13');
  });
});
