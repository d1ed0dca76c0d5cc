import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/dossier.js');

function batchesCommitted(caseFile: string): number {
  try {
    return Number(execFileSync('sqlite3', [caseFile, "SELECT count(*) FROM audit_entry WHERE action = 'website.import.batch';"], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    return 0; // the importer holds the lock right now
  }
}

/**
 * Runs `dossier site import CASE LIST ...extra` and kills it with SIGKILL as soon as its first batch
 * is committed, as a crash or a pulled plug would. Resolves with the signal that ended it; the test
 * must expect 'SIGKILL', or the import finished before it could be cut short.
 */
export async function killSiteImportMidway(caseFile: string, list: string, extra: string[] = []): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [BIN, 'site', 'import', caseFile, list, ...extra], { stdio: 'ignore', env: { ...process.env, DOSSIER_ACTOR: 'CLI Tester' } });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, signal) => resolve(signal)));
  while (child.exitCode === null && batchesCommitted(caseFile) === 0) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  return exited;
}
