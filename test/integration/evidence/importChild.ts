/**
 * Child process for tests that need a separate process: imports files into a case file and
 * prints one JSON line per event ("ready", "committed", "error"). Used to kill an import with
 * SIGKILL at random points, and to import as a non-root user.
 * Usage: node --import tsx importChild.ts <case file> <file>...
 */
import { openCaseFile, closeCaseFile } from '../../../src-main/casefile/openCaseFile';
import { DossierError } from '../../../src-main/contract/errors';
import { importEvidence } from '../../../src-main/evidence/importEvidence';

const [casePath, ...files] = process.argv.slice(2);
const caseFile = openCaseFile(casePath!, { actor: { name: 'Child Importer', device: 'child-device' } });
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
try {
  for (const file of files) {
    say({ event: 'ready', file });
    const { items } = await importEvidence(caseFile, [file]);
    say({ event: 'committed', id: items[0]!.evidence.id, sha256: items[0]!.evidence.sha256 });
  }
} catch (error) {
  say({ event: 'error', code: error instanceof DossierError ? error.code : 'UNEXPECTED', message: (error as Error).message });
} finally {
  closeCaseFile(caseFile);
}
