import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFile } from '../../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { demoCopies, sqlite } from '../../helpers/demoCopies';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: high.
 * What a user sees: Bob edits a note body, Alice edits it later. Bob sets his field_stamp for
 * that body one minute in the future with sqlite3 (no trigger guards field_stamp; within the
 * 5-minute CLOCK_AHEAD allowance). `dossier check bob.dossier` names the forged stamp ("would
 * decide how that field merges"), but `dossier merge alice.dossier bob.dossier` exits 0 and Bob's
 * OLDER body replaces Alice's newer one; the forged stamp is copied into Alice's file, which now
 * fails `dossier check`, and will keep winning later merges for that field.
 * Why it matters: verifyFieldStamps exists precisely because "a forged future stamp would make a
 * field win every merge against a teammate's correction"; the README says merge refuses
 * (RECORDS_ALTERED) a copy whose records differ from its own seals, before anything is written.
 * The merge's incoming check (merge/incomingSeals.ts) does not run the field-stamp rule.
 * The share route too: `share --force` ships it (saying so), `receive` refuses it
 * (RECORDS_ALTERED), but `merge alice.dossier bob.dossier.age` takes it in, although
 * docs/share-format.md says mergeShare runs the same checks as receive.
 */

describe("a future merge stamp forged in a teammate's copy", () => {
  it('merge refuses it; the newer body stays and the receiving copy still passes check', () => {
    const { alice, bob, noteId } = demoCopies();
    expect(runCli(['--actor', 'Bob', 'edit', bob, noteId, '--body', 'Bob, earlier']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'edit', alice, noteId, '--body', 'Alice, later']).status).toBe(0);
    const stamp = sqlite(bob, `SELECT hlc FROM field_stamp WHERE record_id = '${noteId}' AND field = 'body'`);
    const device = stamp.split('.').slice(2).join('.');
    const future = `${String(Date.now() + 60_000).padStart(13, '0')}.0000.${device}`;
    sqlite(bob, `UPDATE field_stamp SET hlc = '${future}' WHERE record_id = '${noteId}' AND field = 'body'`);
    expect(runCli(['check', bob]).status).toBe(4);

    const merged = runCli(['--actor', 'Alice', 'merge', alice, bob]);
    expect(merged.status).toBe(4);
    expect(merged.stderr).toContain('[RECORDS_ALTERED]');
    expect(sqlite(alice, `SELECT body FROM note WHERE id = '${noteId}'`)).toBe('Alice, later');
    expect(runCli(['check', alice]).status).toBe(0);
  }, 180_000);

  it('merging a forced share that carries it is refused, as receiving it is', async () => {
    const dir = tempDir();
    const alice = await generateUserIdentity('Alice Example');
    const bob = await generateUserIdentity('Bob Example');
    const aliceKey = path.join(dir, 'alice.dossier-key');
    const bobKey = path.join(dir, 'bob.dossier-key');
    await createKeyFile(aliceKey, alice, 'pass', { scryptWorkFactor: 10 });
    await createKeyFile(bobKey, bob, 'pass', { scryptWorkFactor: 10 });
    const env = { DOSSIER_PASSPHRASE: 'pass' };
    const aliceCase = path.join(dir, 'alice.dossier');
    const bobCase = path.join(dir, 'bob.dossier');
    runCliJson(['demo', aliceCase]);
    for (const who of [alice, bob]) expect(runCli(['roster', 'add', aliceCase, formatPublicIdentity(who.publicIdentity)]).status).toBe(0);
    fs.copyFileSync(aliceCase, bobCase);
    const noteId = sqlite(aliceCase, 'SELECT id FROM note ORDER BY id LIMIT 1');
    expect(runCli(['--actor', 'Bob', 'edit', bobCase, noteId, '--body', 'Bob, earlier']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'edit', aliceCase, noteId, '--body', 'Alice, later']).status).toBe(0);
    const stamp = sqlite(bobCase, `SELECT hlc FROM field_stamp WHERE record_id = '${noteId}' AND field = 'body'`);
    const future = `${String(Date.now() + 60_000).padStart(13, '0')}.0000.${stamp.split('.').slice(2).join('.')}`;
    sqlite(bobCase, `UPDATE field_stamp SET hlc = '${future}' WHERE record_id = '${noteId}' AND field = 'body'`);
    const share = path.join(dir, 'bob.dossier.age');
    const made = runCli(['share', bobCase, '--to', alice.publicIdentity.fingerprint, '--identity', bobKey, '--out', share, '--force'], { env });
    expect(made.status, made.stderr).toBe(0);
    const received = runCli(['receive', share, '--identity', aliceKey, '--case', aliceCase, '--out', path.join(dir, 'received.dossier')], { env });
    expect(received.stderr).toContain('[RECORDS_ALTERED]');

    const merged = runCli(['--actor', 'Alice', 'merge', aliceCase, share, '--identity', aliceKey], { env });
    expect(merged.status).toBe(4);
    expect(merged.stderr).toContain('[RECORDS_ALTERED]');
    expect(sqlite(aliceCase, `SELECT body FROM note WHERE id = '${noteId}'`)).toBe('Alice, later');
  }, 300_000);
});
