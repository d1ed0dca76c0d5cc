import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { receiveShare } from '../../../src-main/share/receiveShare';
import { shareCase } from '../../../src-main/share/shareCase';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { ALICE, BOB } from '../../helpers/testCase';
import { tinyDisk } from '../../helpers/tinyDisk';
import { makeTeam } from './shareFixtures';
import { siblingPath, teamCase } from './teamFixtures';

let alice: UserIdentity, bob: UserIdentity;
beforeAll(async () => {
  [alice, bob] = await makeTeam('Alice Example', 'Bob Builder');
});

async function receiveInto(dir: string): Promise<DossierError> {
  const aliceCase = teamCase(ALICE, [alice, bob], 1);
  const toBob = siblingPath(aliceCase, 'to-bob.dossier.age');
  await shareCase(aliceCase, { sender: alice, to: ['Bob'] }, toBob);
  return receiveShare(toBob, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, path.join(dir, 'bob.dossier'), { actor: BOB }).then(
    () => {
      throw new Error('the receive must fail');
    },
    (error: DossierError) => error,
  );
}

describe('receiving a share onto a disk that cannot hold it', () => {
  it('a full disk is DISK_FULL naming the file, and nothing is left there', async () => {
    const dir = tinyDisk();
    const error = await receiveInto(dir);
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain(path.join(dir, 'bob.dossier'));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a read-only disk is OUTPUT_READ_ONLY_FILESYSTEM', async () => {
    const dir = tinyDisk(4096, { readOnly: true });
    const error = await receiveInto(dir);
    expect(error.code).toBe('OUTPUT_READ_ONLY_FILESYSTEM');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('sharing onto a disk that cannot hold it', () => {
  it('a full disk is DISK_FULL naming the share, and nothing is left there', async () => {
    const dir = tinyDisk();
    const aliceCase = teamCase(ALICE, [alice, bob], 1);
    const out = path.join(dir, 'to-bob.dossier.age');
    const error = await shareCase(aliceCase, { sender: alice, to: ['Bob'] }, out).then(
      () => {
        throw new Error('the share must fail');
      },
      (e: DossierError) => e,
    );
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain(out);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
