import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { closeCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { exportCasePacket } from '../../../src-main/packet/exportCasePacket';
import { getFilingCaption, updateFilingCaption } from '../../../src-main/packet/filingCaption';
import { ALICE, BOB } from '../../helpers/testCase';
import { copies, expectVerified } from './mergeCopies';

function refusal(run: () => unknown): DossierError {
  try {
    run();
  } catch (error) {
    if (error instanceof DossierError) return error;
    throw error;
  }
  throw new Error('the merge went through');
}

/** An edit with sqlite3 on a closed copy, the append-only trigger dropped and made again as it was. */
function editBehindBack(file: string, sql: string): void {
  const db = new Database(file);
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'production_no_update'").pluck().get() as string;
  db.exec(`DROP TRIGGER production_no_update; ${sql}; ${trigger}`);
  db.close();
}

describe('a merge does not take filings edited behind the app\'s back on the other copy', () => {
  it('refuses a copy whose production or caption differs from what its audit chain sealed, naming them, and merges nothing', async () => {
    const { files, dir } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    const text = path.join(dir, 'chat.txt');
    fs.writeFileSync(text, 'seller: payment to wallet bc1q...\n');
    await importEvidence(b, [text], { title: 'Chat log' });
    updateFilingCaption(b, { judge: 'Hon. Paul A. Engelmayer' });
    await exportCasePacket(b, path.join(dir, 'bob.pdf'), { sections: ['exhibits'], profile: 'generic-50mb', batesPrefix: 'STORM-', declarant: { name: 'Bob Counsel', role: 'an investigator', place: 'Redmond' } });
    const production = b.db.prepare('SELECT id FROM production').pluck().get() as string;
    closeCaseFile(b);
    editBehindBack(b.path, `UPDATE production SET frozen_input = replace(frozen_input, '"Bob Counsel"', '"Forged Person"'); UPDATE filing_caption SET judge = 'Hon. Someone Else'`);

    const error = refusal(() => mergeCaseFile(a, b.path));
    expect(error.code).toBe('RECORDS_ALTERED');
    expect(error.message).toContain(`production ${production} differs from its last audited state (frozen_input)`);
    expect(error.message).toMatch(/filing_caption \S+ differs from its last audited state \(judge\)/);
    expect(error.message).toContain('Nothing was merged');
    expect(a.db.prepare('SELECT count(*) FROM production').pluck().get()).toBe(0);
    expect(getFilingCaption(a).judge).toBeNull();
    expectVerified(a);
  }, 120_000);

  it('refuses a copy with a record edited behind the app\'s back under a newer stamp (it would win and be sealed again here)', () => {
    const { files } = copies([{ name: 'a.dossier', actor: ALICE }, { name: 'b.dossier', actor: BOB }]);
    const [a, b] = files as [CaseFile, CaseFile];
    const site = b.db.prepare('SELECT id FROM website LIMIT 1').pluck().get() as string;
    closeCaseFile(b);
    const db = new Database(b.path);
    db.prepare("UPDATE website SET status = 'released', hlc = ? WHERE id = ?").run(`${Date.now() + 1000}.0000.forged`, site);
    db.close();
    const error = refusal(() => mergeCaseFile(a, b.path));
    expect(error.code).toBe('RECORDS_ALTERED');
    expect(error.message).toContain(`website ${site}`);
    expect(a.db.prepare('SELECT status FROM website WHERE id = ?').pluck().get(site)).not.toBe('released');
    expectVerified(a);
  });
});
