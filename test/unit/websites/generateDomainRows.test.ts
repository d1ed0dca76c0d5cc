import { describe, expect, it } from 'vitest';
import { normalizeSiteInput } from '../../../src-main/websites/normalizeSiteInput';
import { generateDomainRows } from '../../bench/generateDomainRows';

describe('generateDomainRows (bench data)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...generateDomainRows(500, 7)];
    expect([...generateDomainRows(500, 7)]).toEqual(a);
    expect([...generateDomainRows(500, 8)]).not.toEqual(a);
    expect(a).toHaveLength(500);
  });

  it('gives valid input with the intended mix', () => {
    const rows = [...generateDomainRows(20_000, 42)];
    const sites = rows.map((raw) => normalizeSiteInput(raw));
    const share = (test: (i: number) => boolean) => rows.filter((_, i) => test(i)).length / rows.length;
    expect(share((i) => sites[i]!.host_ascii.includes('xn--'))).toBeGreaterThan(0.04);
    expect(share((i) => /[^\x00-\x7f]/.test(rows[i]!))).toBeGreaterThan(0.02);
    expect(share((i) => sites[i]!.subdomain !== null)).toBeGreaterThan(0.08);
    expect(share((i) => sites[i]!.public_suffix!.includes('.'))).toBeGreaterThan(0.05);
    expect(share((i) => sites[i]!.path !== null)).toBeGreaterThan(0.03);
    expect(share((i) => /^[a-z][a-z0-9]{9,19}\./.test(rows[i]!) && /\d/.test(rows[i]!))).toBeGreaterThan(0.08);
    expect(share((i) => rows[i] !== rows[i]!.toLowerCase() || rows[i]!.endsWith('.'))).toBeGreaterThan(0.01);
  });
});
