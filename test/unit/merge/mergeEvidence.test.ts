import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { listCustody } from '../../../src-main/evidence/custody';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { verifyEvidence } from '../../../src-main/evidence/verifyEvidence';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { searchCase } from '../../../src-main/search/searchCase';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';
import { tempDir } from '../../helpers/tempDir';

describe('merging evidence', () => {
  it('copies the other side exhibits byte for byte with their custody and text, and flags clashing exhibit numbers', async () => {
    const dir = tempDir();
    const a = newTestCase(ALICE);
    closeCaseFile(a);
    const bPath = path.join(dir, 'bob.dossier');
    fs.copyFileSync(a.path, bPath);
    const alice = track(openCaseFile(a.path, { actor: ALICE }));
    const bob = track(openCaseFile(bPath, { actor: BOB }));
    const aliceFile = path.join(dir, 'alice.txt');
    const bobFile = path.join(dir, 'bob.log');
    fs.writeFileSync(aliceFile, 'wallet transfers to the marketplace operator');
    fs.writeFileSync(bobFile, Buffer.concat([Buffer.from('captcha solver api key leaked in access log\n'), Buffer.alloc(3 << 20, 0x41)]));
    await importEvidence(alice, [aliceFile], { title: 'Wallet notes' });
    const bobExhibit = (await importEvidence(bob, [bobFile], { title: 'Access log' })).items[0]!.evidence;
    closeCaseFile(bob);

    const report = mergeCaseFile(alice, bPath);
    expect(report.evidenceContentsCopied).toBe(1);
    expect(report.conflicts).toEqual([expect.objectContaining({ kind: 'duplicate_exhibit_number' })]);
    const results = await verifyEvidence(alice);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(listCustody(alice, bobExhibit.id).map((c) => c.action)).toEqual(expect.arrayContaining(['imported']));
    expect(searchCase(alice, 'captcha solver leaked').map((h) => h.id)).toEqual([bobExhibit.id]);
    const out = path.join(dir, 'out.log');
    const { extractEvidence } = await import('../../../src-main/evidence/extractEvidence');
    await extractEvidence(alice, bobExhibit.id, out);
    expect(fs.readFileSync(out).equals(fs.readFileSync(bobFile))).toBe(true);
  });
});

describe('merging damaged evidence', () => {
  it('refuses a copy whose stored bytes no longer match their SHA-256, merging nothing', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = tempDir();
    const a = newTestCase(ALICE);
    closeCaseFile(a);
    const bPath = path.join(dir, 'bob.dossier');
    fs.copyFileSync(a.path, bPath);
    const bob = track(openCaseFile(bPath, { actor: BOB }));
    const file = path.join(dir, 'x.txt');
    fs.writeFileSync(file, 'original bytes');
    await importEvidence(bob, [file]);
    closeCaseFile(bob);
    execFileSync('sqlite3', [bPath, "DROP TRIGGER IF EXISTS evidence_chunk_no_update; DROP TRIGGER IF EXISTS evidence_chunk_rekey_only; UPDATE evidence_chunk SET data = CAST('tampered bytes' AS BLOB);"]);
    const alice = track(openCaseFile(a.path, { actor: ALICE }));
    expect(() => mergeCaseFile(alice, bPath)).toThrow(/do not match their SHA-256/);
    expect(alice.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
  });
});
