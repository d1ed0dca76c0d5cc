import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { listCustody } from '../../../src-main/evidence/custody';
import { deleteEvidence } from '../../../src-main/evidence/evidenceService';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { verifyEvidence } from '../../../src-main/evidence/verifyEvidence';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';
import { writeBulkFile, writeFile } from './evidenceFiles';

describe('verifyEvidence', () => {
  it('re-hashes every exhibit, reads shared bytes once, and records each check as custody', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const big = writeBulkFile(dir, 'disk.img', 9 * 1024 * 1024, 2);
    await importEvidence(cf, [big, writeFile(dir, 'log.txt', 'line\n'), big, writeFile(dir, 'empty', '')]);
    const progress: number[] = [];
    const results = await verifyEvidence(cf, undefined, { onProgress: (p) => progress.push(p.done) });
    expect(results.map((r) => [r.exhibit_label, r.ok])).toEqual([
      ['Exhibit 1', true], ['Exhibit 2', true], ['Exhibit 3', true], ['Exhibit 4', true],
    ]);
    expect(results[0]!.actual_sha256).toBe(results[0]!.expected_sha256);
    // Exhibits 1 and 3 share their bytes: 9 MiB + 5 bytes were read, not 18 MiB.
    expect(progress.at(-1)).toBe(9 * 1024 * 1024 + 5);
    for (const result of results) {
      const events = listCustody(cf, result.id);
      expect(events.at(-1)).toMatchObject({ action: 'verified', result: 'ok', hash_seen: result.expected_sha256 });
    }
    expect(verifyAudit(cf.db).ok).toBe(true);
  });

  it('reports a corrupted chunk loudly, naming the exhibit, and records the mismatch', async () => {
    const cf = newTestCase();
    const dir = tempDir();
    const { items } = await importEvidence(cf, [writeBulkFile(dir, 'capture.pcap', 6 * 1024 * 1024, 4), writeFile(dir, 'ok.txt', 'fine')]);
    const victim = items[0]!.evidence;
    // Tamper with the stored bytes behind Dossier's back, as someone with the sqlite3 shell could.
    cf.db.exec('DROP TRIGGER evidence_chunk_no_update');
    cf.db.prepare("UPDATE evidence_chunk SET data = CAST(substr(data, 1, 100) || 'X' || substr(data, 102) AS BLOB) WHERE content_sha256 = ? AND seq = 1").run(victim.sha256);

    const results = await verifyEvidence(cf);
    const bad = results.find((r) => r.id === victim.id)!;
    expect(bad.ok).toBe(false);
    expect(bad.expected_sha256).toBe(victim.sha256);
    expect(bad.actual_sha256).not.toBe(victim.sha256);
    expect(bad.message).toMatch(/^Exhibit 1 FAILED verification/);
    expect(bad.message).toContain(victim.sha256);
    expect(results.find((r) => r.id !== victim.id)!.ok).toBe(true);
    expect(listCustody(cf, victim.id).at(-1)).toMatchObject({ action: 'verified', result: 'mismatch', hash_seen: bad.actual_sha256 });

    // One exhibit at a time works too, and a missing chunk is a failure, not a crash.
    cf.db.exec('DROP TRIGGER evidence_chunk_no_delete');
    cf.db.prepare('DELETE FROM evidence_chunk WHERE content_sha256 = ? AND seq = 0').run(victim.sha256);
    const [single] = await verifyEvidence(cf, victim.id);
    expect(single).toMatchObject({ ok: false, actual_sha256: null });
    expect(single!.message).toContain('missing');
    expect(listCustody(cf, victim.id).at(-1)).toMatchObject({ action: 'verified', result: 'failed' });
  });

  it('skips deleted exhibits when checking all, but checks one by id', async () => {
    const cf = newTestCase();
    const { items } = await importEvidence(cf, [writeFile(tempDir(), 'gone.txt', 'bye')]);
    deleteEvidence(cf, items[0]!.evidence.id);
    expect(await verifyEvidence(cf)).toEqual([]);
    expect((await verifyEvidence(cf, items[0]!.evidence.id))[0]!.ok).toBe(true);
  });

  it('hashes large exhibits on worker threads and still catches a single flipped byte', async () => {
    const cf = newTestCase();
    const { items } = await importEvidence(cf, [writeBulkFile(tempDir(), 'big.img', 33 * 1024 * 1024 + 1, 31)]);
    const exhibit = items[0]!.evidence;
    expect((await verifyEvidence(cf))[0]).toMatchObject({ ok: true, actual_sha256: exhibit.sha256 });
    cf.db.exec('DROP TRIGGER evidence_chunk_no_update');
    // Flip one byte in the middle of the last full chunk, keeping every length the same.
    const row = cf.db.prepare('SELECT rowid, data FROM evidence_chunk WHERE content_sha256 = ? AND seq = 7').get(exhibit.sha256) as { rowid: number; data: Buffer };
    row.data[123_456] = row.data[123_456]! ^ 0xff;
    cf.db.prepare('UPDATE evidence_chunk SET data = ? WHERE rowid = ?').run(row.data, row.rowid);
    const [result] = await verifyEvidence(cf);
    expect(result).toMatchObject({ ok: false, expected_sha256: exhibit.sha256 });
    expect(result!.message).toContain('SHA-1 is');
    expect(result!.message).toContain('MD5 is');
  });
});
