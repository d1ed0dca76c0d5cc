/**
 * Child process for memory measurements: runs one share operation and prints
 * `{"maxRssBytes": ..., "ms": ...}` on stdout. Run through measureShareRss, not directly.
 * argv: create  <identityFile> <snapshotPath> <sharePath>    createShare of a ready snapshot
 *       open    <identityFile> <sharePath> <outDir>          openShare
 *       share   <identityFile> <caseFile> <sharePath>        shareCase: snapshot, sign, encrypt, custody
 *       receive <identityFile> <sharePath> <outFile>         receiveShare: decrypt, verify, checks, custody
 * The identity file holds serializeIdentity bytes; shares are encrypted to that same identity.
 */
import fs from 'node:fs';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { createShare } from '../../src-main/share/createShare';
import { parseIdentity } from '../../src-main/share/identityBytes';
import { openShare } from '../../src-main/share/openShare';
import { receiveShare } from '../../src-main/share/receiveShare';
import { shareCase } from '../../src-main/share/shareCase';
import { makeTeamRoster } from '../../src-main/share/teamRoster';
import { peakRssBytes } from './peakRss';

const [mode, identityFile, input, output] = process.argv.slice(2);
const identity = await parseIdentity(fs.readFileSync(identityFile!));
const actor = { name: 'Bench', device: 'bench-child' };
const started = performance.now();
if (mode === 'create') {
  await createShare(
    {
      snapshotPath: input!,
      manifestFields: { caseId: 'bench', caseTitle: 'bench', auditHeads: [], appVersion: '0.0.0' },
      sender: identity,
      recipients: [identity.publicIdentity.ageRecipient],
    },
    output!,
  );
} else if (mode === 'open') {
  await openShare(input!, { identity, roster: makeTeamRoster([identity.publicIdentity]) }, output!);
} else if (mode === 'share') {
  const caseFile = openCaseFile(input!, { actor });
  try {
    await shareCase(caseFile, { sender: identity, to: [identity.publicIdentity.ageRecipient] }, output!);
  } finally {
    closeCaseFile(caseFile);
  }
} else if (mode === 'receive') {
  await receiveShare(input!, { identity, acceptSender: identity.publicIdentity.fingerprint }, output!, { actor });
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ maxRssBytes: peakRssBytes(), ms })}\n`);
