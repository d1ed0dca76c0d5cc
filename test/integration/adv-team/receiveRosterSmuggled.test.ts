import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyFile } from '../../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../../src-main/share/publicIdentity';
import { generateUserIdentity, type UserIdentity } from '../../../src-main/share/userIdentity';
import { runCli } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: medium.
 * What a user sees: Carol has her own copy of the case (roster: Alice, Bob, Carol). Bob adds
 * Mallory to the roster of his copy and shares it to Carol. Carol runs
 * `dossier receive SHARE --case carol.dossier --out carol2.dossier` ("your copy of the same case:
 * its team roster decides whether the sender is trusted"). The receive prints nothing about a new
 * key, and `roster list carol2.dossier` shows Mallory as "trusted". From then on Mallory's shares
 * are accepted with `--case carol2.dossier` and `share --to Mallory` works, without Carol ever
 * comparing Mallory's fingerprint.
 * Why it matters: had Carol merged the same share into carol.dossier, Mallory would be held
 * "not confirmed" until `roster trust` (README "Team roster trust": whoever sends a copy could
 * otherwise add their own key and be trusted silently). Receiving against a trusted local roster
 * is the same trust decision and must hold keys that roster does not have the same way.
 */

let bob: UserIdentity, carol: UserIdentity, mallory: UserIdentity;
beforeAll(async () => {
  [bob, carol, mallory] = await Promise.all([generateUserIdentity('Bob Example'), generateUserIdentity('Carol Example'), generateUserIdentity('Mallory Member')]);
});

describe('a roster key that arrives in a share received against a local copy', () => {
  it('is not trusted in the received file until Carol confirms it', async () => {
    const dir = tempDir();
    const bobKey = path.join(dir, 'bob.dossier-key');
    const carolKey = path.join(dir, 'carol.dossier-key');
    await createKeyFile(bobKey, bob, 'pass', { scryptWorkFactor: 10 });
    await createKeyFile(carolKey, carol, 'pass', { scryptWorkFactor: 10 });
    // Each person on their own computer: their own register of the chains they wrote.
    const asBob = { env: { DOSSIER_PASSPHRASE: 'pass', DOSSIER_STATE_DIR: path.join(dir, 'state-bob'), DOSSIER_ACTOR: 'Bob' } };
    const asCarol = { env: { DOSSIER_PASSPHRASE: 'pass', DOSSIER_STATE_DIR: path.join(dir, 'state-carol'), DOSSIER_ACTOR: 'Carol' } };
    const must = (r: { status: number | null; stderr: string }) => expect(r.status, r.stderr).toBe(0);

    const bobCase = path.join(dir, 'bob.dossier');
    must(runCli(['demo', bobCase], asBob));
    must(runCli(['roster', 'add', bobCase, formatPublicIdentity(bob.publicIdentity)], asBob));
    must(runCli(['roster', 'add', bobCase, formatPublicIdentity(carol.publicIdentity)], asBob));
    const first = path.join(dir, 'first.dossier.age');
    must(runCli(['share', bobCase, '--to', carol.publicIdentity.fingerprint, '--identity', bobKey, '--out', first], asBob));
    const carolCase = path.join(dir, 'carol.dossier');
    must(runCli(['receive', first, '--identity', carolKey, '--accept-sender', bob.publicIdentity.fingerprint, '--out', carolCase], asCarol));

    must(runCli(['roster', 'add', bobCase, formatPublicIdentity(mallory.publicIdentity)], asBob));
    const second = path.join(dir, 'second.dossier.age');
    must(runCli(['share', bobCase, '--to', carol.publicIdentity.fingerprint, '--identity', bobKey, '--out', second], asBob));
    const carol2 = path.join(dir, 'carol2.dossier');
    const got = runCli(['receive', second, '--identity', carolKey, '--case', carolCase, '--out', carol2], asCarol);
    must(got);
    // Said at once, with the command that confirms the key.
    expect(got.stdout).toContain(`dossier roster trust ${carol2} ${mallory.publicIdentity.fingerprint}`);

    const listed = runCli(['roster', 'list', carol2, '--json'], asCarol);
    must(listed);
    const members = JSON.parse(listed.stdout) as { fingerprint: string; status: string }[];
    const m = members.find((x) => x.fingerprint === mallory.publicIdentity.fingerprint);
    expect(m).toBeDefined();
    expect(m!.status).toBe('pending');
    // And so sharing to Mallory from the received file is refused until Carol confirms.
    const toMallory = runCli(['share', carol2, '--to', mallory.publicIdentity.fingerprint, '--identity', carolKey, '--out', path.join(dir, 'm.dossier.age')], asCarol);
    expect(toMallory.status).not.toBe(0);
    // Bob and Carol, in Carol's own roster, stay trusted; Mallory once Carol confirms.
    for (const who of [bob, carol]) expect(members.find((x) => x.fingerprint === who.publicIdentity.fingerprint)?.status).toBe('trusted');
    must(runCli(['roster', 'trust', carol2, mallory.publicIdentity.fingerprint], asCarol));
    const after = JSON.parse(runCli(['roster', 'list', carol2, '--json'], asCarol).stdout) as { fingerprint: string; status: string }[];
    expect(after.find((x) => x.fingerprint === mallory.publicIdentity.fingerprint)?.status).toBe('trusted');
  }, 300_000);
});
