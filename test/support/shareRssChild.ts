/**
 * Child process for memory measurements: runs one createShare or openShare and prints
 * `{"maxRssBytes": ..., "ms": ...}` on stdout. Run through measureShareRss, not directly.
 * argv: create <identityFile> <snapshotPath> <sharePath>
 *       open   <identityFile> <sharePath> <outDir>
 */
import fs from 'node:fs';
import { createShare } from '../../src-main/share/createShare';
import { parseIdentity } from '../../src-main/share/identityBytes';
import { openShare } from '../../src-main/share/openShare';
import { makeTeamRoster } from '../../src-main/share/teamRoster';

const [mode, identityFile, input, output] = process.argv.slice(2);
const identity = await parseIdentity(fs.readFileSync(identityFile!));
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
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - started;
// maxRSS is in KiB on Linux.
process.stdout.write(`${JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, ms })}\n`);
