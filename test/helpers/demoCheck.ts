import path from 'node:path';
import type { CaseCheckReport } from '../../src-main/contract/integrity';
import { dossier, dossierJson } from './dossierInProcess';
import { runCli, runCliJson } from './runCli';
import { tempDir } from './tempDir';

/** The demo case (`dossier demo`) in a fresh temp folder; returns its path. */
export function demoCase(): string {
  const file = path.join(tempDir(), 'storm.dossier');
  runCliJson(['demo', file]);
  return file;
}

/** `dossier check FILE --json` through the built CLI: its exit status and report. */
export function checkCase(file: string): { status: number | null; report: CaseCheckReport } {
  const result = runCli(['check', file, '--json']);
  return { status: result.status, report: JSON.parse(result.stdout) as CaseCheckReport };
}

/** demoCase run in this process (dossierInProcess): the same case without a child process. */
export async function demoCaseInProcess(): Promise<string> {
  const file = path.join(tempDir(), 'storm.dossier');
  await dossierJson(['demo', file]);
  return file;
}

/** checkCase run in this process: the same exit status and report without a child process. */
export async function checkCaseInProcess(file: string): Promise<{ status: number | null; report: CaseCheckReport }> {
  const result = await dossier(['check', file, '--json']);
  return { status: result.status, report: JSON.parse(result.stdout) as CaseCheckReport };
}
