import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src-main/audit/verifyAudit';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { addRedaction } from '../../../src-main/redaction/addRedaction';
import { listRedactions } from '../../../src-main/redaction/listRedactions';
import { reviewRedaction } from '../../../src-main/redaction/reviewRedaction';
import { scanRedactions } from '../../../src-main/redaction/scanRedactions';
import { SECRETS, writeRedactionFixtures } from '../../helpers/redactionFixtures';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, BOB, newTestCase, track } from '../../helpers/testCase';

describe('redaction records', () => {
  it('scans every kind of exhibit, stores candidates once, and records decisions with who, when and why, sealed by the audit chain', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const c = newTestCase(ALICE);
    await importEvidence(c, [fx.csv, fx.text, fx.email, fx.pdf, fx.png]);
    const report = await scanRedactions(c);
    expect(report).toMatchObject({ exhibitsScanned: 4, added: report.found, alreadyKnown: 0 });
    expect(report.notScanned).toEqual([{ exhibit: 'Exhibit 5', reason: expect.stringContaining('draw boxes') }]);
    const rows = listRedactions(c);
    const values = rows.map((r) => r.value);
    expect(values).toEqual(expect.arrayContaining([SECRETS.cardValid, SECRETS.cardValid2, SECRETS.ssn, SECRETS.dob, SECRETS.iban, SECRETS.account]));
    expect(values).not.toContain(SECRETS.cardInvalid);
    expect(rows.every((r) => r.status === 'pending' && r.source === 'detected')).toBe(true);
    const account = rows.find((r) => r.value === SECRETS.account)!;
    expect(account).toMatchObject({ category: 'account_number', rule: '5.2(a)(4)', page: 1, kept: 'XXXXXXXX6789' });
    // The box lies where the words are drawn: x from 72 pt, baseline at 792 - 660 from the top.
    expect(account.box!.x).toBeGreaterThan(72);
    expect(account.box!.y).toBeGreaterThan(100);
    expect(account.box!.y).toBeLessThan(132);

    // Scanning again adds nothing and keeps decisions.
    const ssn = rows.find((r) => r.value === SECRETS.ssn)!;
    const accepted = reviewRedaction(c, ssn.id, 'accepted', 'victim SSN');
    expect(accepted).toMatchObject({ status: 'accepted', decided_by: ALICE.name, reason: 'victim SSN' });
    expect(accepted.decided_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await scanRedactions(c);
    expect(again).toMatchObject({ added: 0, alreadyKnown: report.found });
    expect(listRedactions(c, { status: 'accepted' }).map((r) => r.id)).toEqual([ssn.id]);
    const rejected = reviewRedaction(c, ssn.id, 'rejected', 'test number');
    expect(rejected.status).toBe('rejected');
    const history = c.db.prepare("SELECT json_extract(version_json, '$.status') FROM record_history WHERE record_id = ?").pluck().all(ssn.id);
    expect(history).toEqual(['pending', 'accepted']);
    const actions = c.db.prepare("SELECT action FROM audit_entry WHERE action LIKE 'redaction.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['redaction.scan', 'redaction.scan', 'redaction.scan', 'redaction.scan', 'redaction.accept', 'redaction.reject']);
    expect(verifyAudit(c.db).ok).toBe(true);
    expect(verifyRecordSeals(c.db).ok).toBe(true);

    // A decision changed behind the app's back is found and named.
    c.db.prepare("UPDATE redaction SET status = 'pending', decided_at = NULL WHERE id = ?").run(ssn.id);
    const seals = verifyRecordSeals(c.db);
    expect(seals.findings).toEqual([expect.objectContaining({ kind: 'record_changed', table: 'redaction', id: ssn.id, fields: expect.arrayContaining(['status', 'decided_at']) })]);
  });

  it('adds by text (only text the exhibit holds) and by box (only on the page), kept part by category', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const c = newTestCase(ALICE);
    await importEvidence(c, [fx.text, fx.png, fx.pdf]);
    const name = await addRedaction(c, { exhibit: '1', text: 'Jane Roe', category: 'minor_name', reason: 'victim is a minor' });
    expect(name).toMatchObject({ source: 'manual', status: 'accepted', kept: 'J.R.', rule: '5.2(a)(3)', decided_by: ALICE.name, value: 'Jane Roe' });
    await expect(addRedaction(c, { exhibit: 'Exhibit 1', text: 'John Smith' })).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('does not occur') });
    const box = await addRedaction(c, { exhibit: 'exhibit 2', page: 1, box: fx.pngBox, reason: 'ID number' });
    expect(box).toMatchObject({ page: 1, box: fx.pngBox, value: null, category: 'other' });
    await expect(addRedaction(c, { exhibit: '2', page: 1, box: { x: 500, y: 10, w: 200, h: 10 } })).rejects.toMatchObject({ message: expect.stringContaining('600 × 300 pixels') });
    await expect(addRedaction(c, { exhibit: '2', page: 2, box: fx.pngBox })).rejects.toMatchObject({ message: expect.stringContaining('no page 2') });
    await expect(addRedaction(c, { exhibit: '3', page: 3, box: fx.pngBox })).rejects.toMatchObject({ message: expect.stringContaining('no page 3') });
    expect((await addRedaction(c, { exhibit: '3', page: 2, box: { x: 72, y: 80, w: 100, h: 20 } })).page).toBe(2);
    await expect(addRedaction(c, { exhibit: '9', text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(verifyRecordSeals(c.db).ok).toBe(true);
  });

  it('travels in a merge: both copies scanning find the same candidates once, and the later decision wins', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const a = newTestCase(ALICE);
    await importEvidence(a, [fx.text]);
    closeCaseFile(a);
    const bPath = path.join(dir, 'bob.dossier');
    fs.copyFileSync(a.path, bPath);
    const alice = track(openCaseFile(a.path, { actor: ALICE }));
    const bob = openCaseFile(bPath, { actor: BOB });
    await scanRedactions(alice);
    await scanRedactions(bob);
    const ssnId = listRedactions(alice).find((r) => r.value === SECRETS.ssn)!.id;
    reviewRedaction(alice, ssnId, 'rejected', 'looks like a test number');
    reviewRedaction(bob, ssnId, 'accepted', 'real SSN, confirmed with the victim');
    const added = await addRedaction(bob, { exhibit: '1', text: 'Jane Roe', category: 'minor_name' });
    closeCaseFile(bob);
    const report = mergeCaseFile(alice, bPath);
    expect(report.inserted.redaction).toBe(1);
    expect(report.conflicts).toEqual([expect.objectContaining({ kind: 'concurrent_edit', table: 'redaction', record_id: ssnId })]);
    const merged = listRedactions(alice);
    expect(merged.filter((r) => r.value === SECRETS.ssn)).toHaveLength(1);
    expect(merged.find((r) => r.id === ssnId)).toMatchObject({ status: 'accepted', decided_by: BOB.name });
    expect(merged.find((r) => r.id === added.id)).toMatchObject({ kept: 'J.R.' });
    expect(verifyRecordSeals(alice.db).ok).toBe(true);
  });
});
