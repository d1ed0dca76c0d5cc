import { describe, expect, it } from 'vitest';
import { SealedRowInserter } from '../../../src-main/audit/SealedRowInserter';
import { canonicalJson } from '../../../src-main/casefile/canonicalJson';
import { fieldDigests, recordDigest, sealRow } from '../../../src-main/casefile/recordDigest';
import { newTestCase } from '../../helpers/testCase';

function site(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = '2026-12-07T10:00:00.000Z';
  return {
    id, raw_input: 'Ex\u00e4mple.com \u{1F600} "quoted" \\ \u2028', dedupe_key: `key-${id}`, host_kind: 'domain', host_unicode: 'exämple.com',
    host_ascii: 'xn--exmple-cua.com', registrable_domain: 'xn--exmple-cua.com', public_suffix: 'com', url_path: null, flags: '["mixed-script"]',
    flag_reasons: '[]', registrar: null, registrar_iana_id: '1234', registry: null, registrant: null, name_servers: '[]', ips: '["192.0.2.1"]',
    hosting_provider: null, asn: null, role: 'other', status: 'identified', status_at: now, expires_at: null, notes: 'a\nb\u0000c', first_seen: null,
    last_seen: null, created_at: now, created_by: 'Alice', updated_at: now, updated_by: 'Alice', hlc: '0001765101600000.0000.dev', deleted_at: null,
    ...overrides,
  };
}

describe('SealedRowInserter', () => {
  it('seals each row exactly as the row read back from the case file seals', () => {
    const cf = newTestCase();
    const inserter = new SealedRowInserter(cf.db, 'website');
    inserter.insert(site('w1'));
    inserter.insert(site('w2', { notes: null, raw_input: 'plain.com' }));
    const seals = inserter.takeSeals();
    expect(inserter.takeSeals()).toEqual([]);
    for (const seal of seals) {
      const stored = cf.db.prepare('SELECT * FROM website WHERE id = ?').get(seal.record_id) as Record<string, unknown>;
      expect(seal).toEqual(sealRow('website', stored));
      expect(seal.digest).toBe(recordDigest(stored));
      expect(seal.field_digests).toBe(fieldDigests(stored));
    }
  });

  it('refuses a value SQLite would store changed, a missing column and an extra one, writing nothing', () => {
    const cf = newTestCase();
    const inserter = new SealedRowInserter(cf.db, 'website');
    expect(() => inserter.insert(site('w1', { registrar_iana_id: 1234 }))).toThrow(/registrar_iana_id: a number cannot be stored unchanged in a TEXT column/);
    const missing = site('w2');
    delete missing.deleted_at;
    expect(() => inserter.insert(missing)).toThrow(/deleted_at: no value given/);
    expect(() => inserter.insert(site('w3', { colour: 'red' }))).toThrow(/columns the table lacks \(colour\)/);
    expect(cf.db.prepare('SELECT count(*) FROM website').pluck().get()).toBe(0);
    expect(inserter.takeSeals()).toEqual([]);
  });
});

describe('sealRow', () => {
  it('writes the same canonical JSON as canonicalJson for every kind of column value, and refuses what it refuses', () => {
    const row = { id: 'r', hlc: 'h', b: -0, a: 1e21, c: 0.1, d: '\u{1F600}\u00e9\u0000\u007f\u2029', e: null, Z: 'upper', _: '', n: -42 };
    expect(sealRow('note', row).digest).toBe(recordDigest(row));
    expect(sealRow('note', row).field_digests).toBe(fieldDigests(row));
    expect(() => sealRow('note', { id: 'r', hlc: 'h', x: 'lone \ud800' })).toThrow(/lone surrogate/);
    expect(() => canonicalJson({ x: 'lone \ud800' })).toThrow(/lone surrogate/);
    expect(() => sealRow('note', { id: 'r', hlc: 'h', x: Number.NaN })).toThrow(/NaN/);
  });
});
