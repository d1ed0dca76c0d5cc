import path from 'node:path';
import type { CaseCheckReport } from '../../src-main/contract/integrity';
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
