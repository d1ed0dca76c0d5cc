import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DossierError } from '../../../src-main/contract/errors';
import { listCustody } from '../../../src-main/evidence/custody';
import { extractEvidence } from '../../../src-main/evidence/extractEvidence';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { receiveShare } from '../../../src-main/share/receiveShare';
import { shareCase } from '../../../src-main/share/shareCase';
import type { UserIdentity } from '../../../src-main/share/userIdentity';
import { fileSha256 } from '../../helpers/fileHash';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, BOB, newTestCase } from '../../helpers/testCase';
import { writeBulkFile } from '../evidence/evidenceFiles';
import { makeTeam } from '../share/shareFixtures';
import { siblingPath, teamCase } from '../share/teamFixtures';

async function failure(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DossierError);
  return error as DossierError;
}

/** A symbolic link in a fresh folder pointing at a name that does not exist. */
function danglingLink(name: string): { link: string; pointsTo: string } {
  const dir = tempDir();
  const pointsTo = path.join(dir, 'nowhere', 'gone.bin');
  const link = path.join(dir, name);
  fs.symlinkSync(pointsTo, link);
  return { link, pointsTo };
}

let alice: UserIdentity, bob: UserIdentity;
beforeAll(async () => {
  [alice, bob] = await makeTeam('Alice Example', 'Bob Builder');
});

describe('an output named where a dangling symbolic link already is', () => {
  it('extract says the name is a symbolic link that already exists (not that something appeared), and leaves link and case as they were', async () => {
    const cf = newTestCase();
    const exhibit = (await importEvidence(cf, [writeBulkFile(tempDir(), 'capture.bin', 8 * 1024, 3)])).items[0]!.evidence;
    const { link, pointsTo } = danglingLink('copy.bin');
    const error = await failure(extractEvidence(cf, exhibit.id, link));
    expect(error.code).toBe('FILE_EXISTS');
    expect(error.message).toMatch(/symbolic link/);
    expect(error.message).toContain(pointsTo);
    expect(error.message).not.toMatch(/appeared/);
    expect(fs.readlinkSync(link)).toBe(pointsTo);
    expect(listCustody(cf, exhibit.id).filter((e) => e.action === 'extracted')).toEqual([]);
  });

  it('with overwrite the link itself is replaced by the file (nothing is written where it pointed)', async () => {
    const cf = newTestCase();
    const exhibit = (await importEvidence(cf, [writeBulkFile(tempDir(), 'capture.bin', 8 * 1024, 3)])).items[0]!.evidence;
    const { link, pointsTo } = danglingLink('copy.bin');
    const written = await extractEvidence(cf, exhibit.id, link, { overwrite: true });
    expect(fs.lstatSync(link).isFile()).toBe(true);
    expect(fileSha256(link)).toBe(written.sha256);
    expect(fs.existsSync(pointsTo)).toBe(false);
    expect(fs.readdirSync(path.dirname(link))).toEqual(['copy.bin']);
  });

  it('receive --out onto a dangling link says so before decrypting anything', async () => {
    const aliceCase = teamCase(ALICE, [alice, bob], 1);
    const toBob = siblingPath(aliceCase, 'to-bob.dossier.age');
    await shareCase(aliceCase, { sender: alice, to: ['Bob'] }, toBob);
    const { link, pointsTo } = danglingLink('bob.dossier');
    const error = await failure(receiveShare(toBob, { identity: bob, acceptSender: alice.publicIdentity.fingerprint }, link, { actor: BOB }));
    expect(error.code).toBe('FILE_EXISTS');
    expect(error.message).toMatch(/symbolic link/);
    expect(error.message).not.toMatch(/appeared/);
    expect(fs.readlinkSync(link)).toBe(pointsTo);
    expect(fs.readdirSync(path.dirname(link))).toEqual(['bob.dossier']);
  });
});
