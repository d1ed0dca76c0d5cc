import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { pendingFingerprints, trustTeamMember } from '../../../src-main/share/rosterTrust';
import type { CaseFile } from '../../../src-main/casefile/CaseFile';
import { writeTransaction } from '../../../src-main/casefile/writeTransaction';
import { appendAudit } from '../../../src-main/audit/appendAudit';
import { tempDir } from '../../helpers/tempDir';
import { addTeamMember, teamRosterOf } from '../../../src-main/share/teamRosterService';
import { generateUserIdentity } from '../../../src-main/share/userIdentity';
import { verifyRecordSeals } from '../../../src-main/audit/verifyRecordSeals';
import { BOB, track } from '../../helpers/testCase';
import { ALICE } from '../../helpers/testCase';
import { lineOf, siblingPath, teamCase } from './teamFixtures';

describe('roster keys that arrive by merge', () => {
  it('are reported as conflicts and not trusted until confirmed with roster trust', async () => {
    const [alice, bob, mallory] = await Promise.all(['Alice Example', 'Bob Builder', 'Mallory'].map((n) => generateUserIdentity(n)));
    const aliceCase = teamCase(ALICE, [alice!, bob!]);
    const copyPath = siblingPath(aliceCase, 'bob-copy.dossier');
    fs.copyFileSync(aliceCase.path, copyPath);
    const bobCopy = track(openCaseFile(copyPath, { actor: BOB }));
    addTeamMember(bobCopy, lineOf(mallory!));
    closeCaseFile(bobCopy);

    const report = mergeCaseFile(aliceCase, copyPath);
    const fp = mallory!.publicIdentity.fingerprint;
    expect(report.conflicts.filter((c) => c.kind === 'roster_unconfirmed').map((c) => c.message)).toEqual([
      expect.stringContaining(`dossier roster trust ${aliceCase.path} ${fp}`),
    ]);
    // Listed (it is in the file) but not trusted: shares from Mallory stay SENDER_UNKNOWN.
    expect(teamRosterOf(aliceCase).members.map((m) => m.fingerprint)).not.toContain(fp);
    expect(teamRosterOf(aliceCase).members.map((m) => m.fingerprint)).toContain(bob!.publicIdentity.fingerprint);
    // Merging the same copy again does not make the key trusted either.
    mergeCaseFile(aliceCase, copyPath);
    expect(teamRosterOf(aliceCase).members.map((m) => m.fingerprint)).not.toContain(fp);

    expect(trustTeamMember(aliceCase, fp.toLowerCase())).toEqual({ fingerprint: fp, name: 'Mallory' });
    expect(teamRosterOf(aliceCase).members.map((m) => m.fingerprint)).toContain(fp);
    expect(() => trustTeamMember(aliceCase, fp)).toThrow(DossierError);
    expect(verifyRecordSeals(aliceCase.db).findings).toEqual([]);
  });
});

/*
 * Each person works on their own computer: their own register of the audit chains they wrote
 * (DOSSIER_STATE_DIR), which is what tells their decisions from those in a teammate's copy.
 */
function onComputerOf<T>(stateDir: string, work: () => T): T {
  const before = process.env.DOSSIER_STATE_DIR;
  process.env.DOSSIER_STATE_DIR = stateDir;
  try {
    return work();
  } finally {
    process.env.DOSSIER_STATE_DIR = before;
  }
}

/** What a crafted copy can say: a roster.trust entry written there, without any check. */
function writeTrustEntry(caseFile: CaseFile, fingerprint: string): void {
  const id = caseFile.db.prepare('SELECT id FROM team_member WHERE fingerprint = ?').pluck().get(fingerprint) as string;
  writeTransaction(caseFile, () => appendAudit(caseFile, { action: 'roster.trust', recordKind: 'team_member', recordId: id, detail: { fingerprint } }));
}

describe('trust is decided by the owner of the copy (H1)', () => {
  it('a key confirmed in a teammate\'s copy stays pending in mine, however often the copies are merged', async () => {
    const [alice, bob, mallory, fakeBob] = await Promise.all(['Alice Example', 'Bob Builder', 'Mallory', 'Bob Tester'].map((n) => generateUserIdentity(n)));
    const aliceDir = tempDir();
    const malloryDir = tempDir();
    // Mallory works on the same kind of machine: her device id may well equal Alice's.
    const MALLORY = { name: 'Mallory', device: ALICE.device };
    const alicePath = onComputerOf(aliceDir, () => {
      const aliceCase = teamCase(ALICE, [alice!, bob!]);
      closeCaseFile(aliceCase);
      return aliceCase.path;
    });
    const malloryPath = siblingPath({ path: alicePath } as CaseFile, 'mallory.dossier');
    fs.copyFileSync(alicePath, malloryPath);
    const mfp = mallory!.publicIdentity.fingerprint;
    const ffp = fakeBob!.publicIdentity.fingerprint;
    onComputerOf(malloryDir, () => {
      const copy = openCaseFile(malloryPath, { actor: MALLORY });
      addTeamMember(copy, lineOf(mallory!));
      addTeamMember(copy, lineOf(fakeBob!));
      closeCaseFile(copy);
    });
    onComputerOf(aliceDir, () => {
      const aliceCase = openCaseFile(alicePath, { actor: ALICE });
      const report = mergeCaseFile(aliceCase, malloryPath);
      expect(report.conflicts.filter((c) => c.kind === 'roster_unconfirmed')).toHaveLength(2);
      closeCaseFile(aliceCase);
    });
    // Mallory takes Alice's copy back (with Alice's pending entries) and "confirms" both keys in hers.
    onComputerOf(malloryDir, () => {
      const copy = openCaseFile(malloryPath, { actor: MALLORY });
      mergeCaseFile(copy, alicePath);
      writeTrustEntry(copy, mfp);
      writeTrustEntry(copy, ffp);
      closeCaseFile(copy);
    });
    onComputerOf(aliceDir, () => {
      const aliceCase = openCaseFile(alicePath, { actor: ALICE });
      mergeCaseFile(aliceCase, malloryPath);
      closeCaseFile(aliceCase);
      // A later command (another process) reads the roster: still not trusted.
      const again = openCaseFile(alicePath, { actor: ALICE });
      try {
        const trusted = teamRosterOf(again).members.map((m) => m.fingerprint);
        expect(trusted).not.toContain(mfp);
        expect(trusted).not.toContain(ffp);
        expect(trusted).toContain(bob!.publicIdentity.fingerprint);
        expect([...pendingFingerprints(again.db)].sort()).toEqual([mfp, ffp].sort());
        // Alice's own confirmation still works, and only for the key she confirmed.
        expect(trustTeamMember(again, mfp).name).toBe('Mallory');
      } finally {
        closeCaseFile(again);
      }
      const later = openCaseFile(alicePath, { actor: ALICE });
      try {
        expect(teamRosterOf(later).members.map((m) => m.fingerprint)).toContain(mfp);
        expect(teamRosterOf(later).members.map((m) => m.fingerprint)).not.toContain(ffp);
      } finally {
        closeCaseFile(later);
      }
    });
  });

  it('a key I added myself stays trusted when a teammate\'s copy, where it waited for confirmation, comes back', async () => {
    const [alice, carol] = await Promise.all(['Alice Example', 'Carol Clerk'].map((n) => generateUserIdentity(n)));
    const aliceDir = tempDir();
    const bobDir = tempDir();
    const alicePath = onComputerOf(aliceDir, () => {
      const aliceCase = teamCase(ALICE, [alice!]);
      closeCaseFile(aliceCase);
      return aliceCase.path;
    });
    const bobPath = siblingPath({ path: alicePath } as CaseFile, 'bob.dossier');
    fs.copyFileSync(alicePath, bobPath);
    onComputerOf(aliceDir, () => {
      const aliceCase = openCaseFile(alicePath, { actor: ALICE });
      addTeamMember(aliceCase, lineOf(carol!));
      closeCaseFile(aliceCase);
    });
    onComputerOf(bobDir, () => {
      const copy = openCaseFile(bobPath, { actor: BOB });
      expect(mergeCaseFile(copy, alicePath).conflicts.map((c) => c.kind)).toContain('roster_unconfirmed');
      closeCaseFile(copy);
    });
    onComputerOf(aliceDir, () => {
      const aliceCase = openCaseFile(alicePath, { actor: ALICE });
      try {
        mergeCaseFile(aliceCase, bobPath);
        expect(teamRosterOf(aliceCase).members.map((m) => m.fingerprint)).toContain(carol!.publicIdentity.fingerprint);
      } finally {
        closeCaseFile(aliceCase);
      }
    });
  });
});
