import { describe, expect, it } from 'vitest';
import { parseColumnMapping, resolveSiteListColumns } from '../../../src-main/websites/siteListColumns';
import { SiteListError } from '../../../src-main/websites/SiteListError';

function listError(run: () => unknown): SiteListError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SiteListError);
    return error as SiteListError;
  }
  throw new Error('expected a SiteListError');
}

describe('resolveSiteListColumns', () => {
  it('maps headers by case-insensitive synonyms and keeps the rest as extra', () => {
    const columns = resolveSiteListColumns(['Web Site', 'Status', 'Registrar IANA ID', 'Name Servers', 'IP Addresses', 'AS Number', 'Type', 'First Seen', 'Comments', 'Analyst']);
    expect(columns.site).toBe(0);
    expect([...columns.fields]).toEqual([
      [1, 'status'],
      [2, 'registrar_iana_id'],
      [3, 'name_servers'],
      [4, 'ips'],
      [5, 'asn'],
      [6, 'role'],
      [7, 'first_seen'],
      [8, 'notes'],
    ]);
    expect(columns.extra).toEqual([{ index: 9, name: 'Analyst' }]);
  });

  it('lets the first of two candidate columns win and keeps the other as extra', () => {
    const columns = resolveSiteListColumns(['URL', 'Domain', 'notes']);
    expect(columns.site).toBe(0);
    expect(columns.extra).toEqual([{ index: 1, name: 'Domain' }]);
  });

  it('names blank or repeated extra headers by position', () => {
    const columns = resolveSiteListColumns(['domain', '', 'x', 'x']);
    expect(columns.extra.map((e) => e.name)).toEqual(['column_2', 'column_3', 'column_4']);
  });

  it('applies --map by header name or column number, before the synonyms', () => {
    const mapping = parseColumnMapping(['Adresse=url', '3=status', 'Domain = notes']);
    const columns = resolveSiteListColumns(['Domain', 'Adresse', 'Etat'], mapping);
    expect(columns.site).toBe(1);
    expect([...columns.fields]).toEqual([
      [0, 'notes'],
      [2, 'status'],
    ]);
  });

  it('says which headers exist when no column holds the sites', () => {
    const error = listError(() => resolveSiteListColumns(['Name', 'Owner']));
    expect(error.code).toBe('NO_SITE_COLUMN');
    expect(error.message).toContain('"Name"');
  });

  it('rejects bad --map specs', () => {
    expect(listError(() => parseColumnMapping(['no-equals-sign'])).code).toBe('BAD_COLUMN_MAP');
    expect(listError(() => parseColumnMapping(['A=colour'])).message).toContain('registrar_iana_id');
    expect(listError(() => resolveSiteListColumns(['domain'], parseColumnMapping(['Missing=status']))).code).toBe('BAD_COLUMN_MAP');
    expect(listError(() => resolveSiteListColumns(['a', 'b'], parseColumnMapping(['a=url', 'b=domain']))).code).toBe('BAD_COLUMN_MAP');
  });

  it('accepts field names in the forms people type', () => {
    expect(parseColumnMapping(['x=Hosting Provider', 'y=first-seen', 'z=DOMAIN'])).toEqual([
      { column: 'x', field: 'hosting_provider' },
      { column: 'y', field: 'first_seen' },
      { column: 'z', field: 'site' },
    ]);
  });
});
