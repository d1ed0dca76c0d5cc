import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFile } from '../../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: low.
 * What a user sees: Alice runs `dossier audit verify alice.dossier --against bob.dossier.age
 * --identity alice.key` on a share Bob made from his copy (with his own new entries), before she
 * merged it. Output: "THE CASE DOES NOT HOLD THE HISTORY ... Chain <Bob's chain> has 0 entries;
 * 1 were certified: entries 1-1 were removed." Against a share of ANOTHER case it prints the
 * case mismatch and then "entries 1-78 were removed" for that case's chain as well.
 * Why it matters: "were removed" accuses the file of having had entries cut out (the README's
 * "entries removed after dropping the triggers"); here they were never in it: Bob's entries are
 * not merged yet, and the other case's chain was never this case's. Every statement printed must
 * be true; a chain the file never held is "not in this copy" (merge it first), not "removed".
 */

describe('audit verify --against a teammate share not merged yet', () => {
  it('does not say that entries the copy never held were removed', async () => {
    const dir = tempDir();
    const alice = await generateUserIdentity('Alice Example');
    const bob = await generateUserIdentity('Bob Example');
    const aliceKey = path.join(dir, 'alice.dossier-key');
    const bobKey = path.join(dir, 'bob.dossier-key');
    await createKeyFile(aliceKey, alice, 'pass', { scryptWorkFactor: 10 });
    await createKeyFile(bobKey, bob, 'pass', { scryptWorkFactor: 10 });
    const env = { DOSSIER_PASSPHRASE: 'pass' };
    const aliceCase = path.join(dir, 'alice.dossier');
    runCliJson(['demo', aliceCase]);
    expect(runCli(['roster', 'add', aliceCase, formatPublicIdentity(alice.publicIdentity)]).status).toBe(0);
    expect(runCli(['roster', 'add', aliceCase, formatPublicIdentity(bob.publicIdentity)]).status).toBe(0);
    const bobCase = path.join(dir, 'bob.dossier');
    fs.copyFileSync(aliceCase, bobCase);
    // Bob's own write: a new chain in his copy (its own replica).
    expect(runCli(['--actor', 'Bob', 'note', 'add', bobCase, '--title', 'Bob', '--body', 'from Bob']).status).toBe(0);
    const share = path.join(dir, 'bob.dossier.age');
    const made = runCli(['share', bobCase, '--to', alice.publicIdentity.fingerprint, '--identity', bobKey, '--out', share], { env });
    expect(made.status, made.stderr).toBe(0);

    const verified = runCli(['audit', 'verify', aliceCase, '--against', share, '--identity', aliceKey], { env });
    expect(verified.status).toBe(3);
    expect(verified.stdout + verified.stderr).not.toMatch(/were removed/);

    const other = path.join(dir, 'other.dossier');
    runCliJson(['demo', other]);
    // Alice too: a share goes only to keys in the case's roster (RECIPIENT_UNKNOWN otherwise).
    for (const who of [alice, bob]) expect(runCli(['roster', 'add', other, formatPublicIdentity(who.publicIdentity)]).status).toBe(0);
    const otherShare = path.join(dir, 'other.dossier.age');
    const otherMade = runCli(['share', other, '--to', alice.publicIdentity.fingerprint, '--identity', bobKey, '--out', otherShare], { env });
    expect(otherMade.status, otherMade.stderr).toBe(0);
    const wrongCase = runCli(['audit', 'verify', aliceCase, '--against', otherShare, '--identity', aliceKey], { env });
    expect(wrongCase.status).toBe(3);
    expect(wrongCase.stdout + wrongCase.stderr).toMatch(/case/);
    expect(wrongCase.stdout + wrongCase.stderr).not.toMatch(/were removed/);
  }, 300_000);
});
