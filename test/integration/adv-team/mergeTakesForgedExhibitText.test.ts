import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCopies, sqlite } from '../../helpers/demoCopies';
import { runCli } from '../../helpers/runCli';

/*
 * Severity: low.
 * What a user sees: Bob imports an exhibit, then rewrites its extracted text (evidence_text, no
 * trigger) with sqlite3; `check bob.dossier` names it. Alice merges Bob's copy: exit 0, "evidence
 * files: 1", and her clean file now fails `dossier check` ("the text kept for its bytes is not the
 * text found in them at import ... changed behind the app's back").
 * Why it matters: a merge must not adopt what the other copy's own audit log contradicts
 * (README: merge refuses RECORDS_ALTERED before anything is written). mergeCaseFile unions
 * evidence_text as is "to save re-parsing", without the digest check that check applies; Alice is
 * left with a failing file she did nothing to, and no way to tell from the merge output why.
 */

describe('forged exhibit text in the other copy', () => {
  it('is not taken in by a merge (refused, or the text found again from the bytes)', () => {
    const { dir, alice, bob } = demoCopies();
    const exhibit = path.join(dir, 'payment.txt');
    fs.writeFileSync(exhibit, 'the suspect paid with card 4111 1111 1111 1111\n');
    const sha = createHash('sha256').update(fs.readFileSync(exhibit)).digest('hex');
    expect(runCli(['--actor', 'Bob', 'evidence', 'add', bob, exhibit]).status).toBe(0);
    sqlite(bob, `UPDATE evidence_text SET text = 'nothing of interest here' WHERE content_sha256 = '${sha}'`);
    expect(runCli(['check', bob]).status).toBe(4);

    const merged = runCli(['--actor', 'Alice', 'merge', alice, bob]);
    if (merged.status !== 0) expect(merged.stderr).toContain('[RECORDS_ALTERED]');
    // Refused or not, Alice's file holds no forged text and still passes check.
    expect(sqlite(alice, `SELECT text FROM evidence_text WHERE content_sha256 = '${sha}'`)).not.toContain('nothing of interest');
    expect(runCli(['check', alice]).status).toBe(0);
  }, 180_000);
});
