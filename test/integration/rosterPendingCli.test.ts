import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src-main/contract/errors';
import { createKeyFile } from '../../src-main/share/keyFile';
import { formatPublicIdentity } from '../../src-main/share/publicIdentity';
import { generateUserIdentity, type UserIdentity } from '../../src-main/share/userIdentity';
import { dossier } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

/*
 * A key that came into the roster with a merge and waits for the user's confirmation (M5): every
 * place that shows the roster or uses it says so, and says how to confirm it.
 */

let alice: UserIdentity, mallory: UserIdentity;
beforeAll(async () => {
  [alice, mallory] = await Promise.all([generateUserIdentity('Alice Example'), generateUserIdentity('Mallory Member')]);
});

async function ok<T = unknown>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const result = await dossier([...args, '--json'], { env });
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

async function text(args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await dossier(args, { env });
  if (result.status !== 0) throw new Error(`dossier ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

async function refused(args: string[], code: ErrorCode, env: Record<string, string> = {}): Promise<string> {
  const result = await dossier(args, { env });
  expect(result.stderr, args.join(' ')).toContain(`[${code}]`);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  return result.stderr;
}

describe('a roster key waiting for confirmation', () => {
  it('is shown as pending by roster list and conflicts, and share and receive say how to confirm it', async () => {
    const dir = tempDir();
    const aliceKey = path.join(dir, 'alice.dossier-key');
    const malloryKey = path.join(dir, 'mallory.dossier-key');
    await createKeyFile(aliceKey, alice, 'alice pass', { scryptWorkFactor: 10 });
    await createKeyFile(malloryKey, mallory, 'mallory pass', { scryptWorkFactor: 10 });
    const aliceFile = path.join(dir, 'alice.dossier');
    const malloryFile = path.join(dir, 'mallory.dossier');
    await ok(['new', aliceFile, '--title', 'Storm'], { DOSSIER_ACTOR: 'Alice' });
    await ok(['roster', 'add', aliceFile, formatPublicIdentity(alice.publicIdentity)], { DOSSIER_ACTOR: 'Alice' });
    fs.copyFileSync(aliceFile, malloryFile);
    await ok(['roster', 'add', malloryFile, formatPublicIdentity(mallory.publicIdentity)], { DOSSIER_ACTOR: 'Mallory' });
    const mfp = mallory.publicIdentity.fingerprint;
    const confirm = `dossier roster trust ${aliceFile} ${mfp}`;

    const merged = await ok<{ conflicts: { kind: string }[] }>(['merge', aliceFile, malloryFile], { DOSSIER_ACTOR: 'Alice' });
    expect(merged.conflicts.map((c) => c.kind)).toEqual(['roster_unconfirmed']);

    const listed = await ok<{ name: string; status: string }[]>(['roster', 'list', aliceFile]);
    expect(listed.map((m) => [m.name, m.status])).toEqual([['Alice Example', 'trusted'], ['Mallory Member', 'pending']]);
    const listText = await text(['roster', 'list', aliceFile]);
    expect(listText).toMatch(/Mallory Member.*not confirmed/);
    expect(listText).not.toMatch(/Alice Example.*not confirmed/);
    expect(listText).toContain(confirm);

    const conflicts = await text(['conflicts', aliceFile]);
    expect(conflicts).not.toContain('No open conflicts');
    expect(conflicts).toContain(mfp);
    expect(conflicts).toContain(confirm);

    const out = path.join(dir, 'to-mallory.dossier.age');
    for (const to of [mfp, 'Mallory']) {
      const message = await refused(['share', aliceFile, '--to', to, '--out', out, '--identity', aliceKey], 'RECIPIENT_UNKNOWN', { DOSSIER_PASSPHRASE: 'alice pass' });
      expect(message).toContain(`Mallory Member (${mfp}) is in this case's roster but not confirmed yet`);
      expect(message).toContain(confirm);
    }
    expect(fs.existsSync(out)).toBe(false);

    const fromMallory = path.join(dir, 'from-mallory.dossier.age');
    await ok(['share', malloryFile, '--to', alice.publicIdentity.fingerprint, '--out', fromMallory, '--identity', malloryKey], { DOSSIER_PASSPHRASE: 'mallory pass' });
    const sender = await refused(['receive', fromMallory, '--identity', aliceKey, '--case', aliceFile, '--out', path.join(dir, 'r.dossier')], 'SENDER_UNKNOWN', { DOSSIER_PASSPHRASE: 'alice pass' });
    expect(sender).toContain('not confirmed yet');
    expect(sender).toContain(confirm);

    await ok(['roster', 'trust', aliceFile, mfp], { DOSSIER_ACTOR: 'Alice' });
    expect((await ok<{ status: string }[]>(['roster', 'list', aliceFile])).map((m) => m.status)).toEqual(['trusted', 'trusted']);
    expect(await text(['conflicts', aliceFile])).toContain('No open conflicts');
    await ok(['receive', fromMallory, '--identity', aliceKey, '--case', aliceFile, '--out', path.join(dir, 'r.dossier')], { DOSSIER_PASSPHRASE: 'alice pass' });
  });
});
