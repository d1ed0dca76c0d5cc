import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { mergeCaseFile } from '../../../src-main/merge/mergeCaseFile';
import { trustTeamMember } from '../../../src-main/share/rosterTrust';
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
