import fs from 'node:fs';
import path from 'node:path';
import { DossierError } from '../contract/errors';

/** Whether two paths name the same file (device + inode), through symlinks and hard links alike. */
export function isSameFile(a: string, b: string): boolean {
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

export interface OutputTargetRules {
  /** Replace a file already there (default: refuse with FILE_EXISTS). */
  overwrite: boolean;
  /** The open case file (and its journal): never written over, whatever name reaches it. */
  caseFilePath?: string | null;
}

/**
 * Refuses a target the output must not go to: a missing folder, a folder, the open case file under
 * any name, or an existing file without overwrite. Checked before the work starts (fail fast) and
 * again just before the rename (the folder may have changed meanwhile).
 */
export function checkOutputTarget(target: string, rules: OutputTargetRules): void {
  const folder = path.dirname(target);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new DossierError('FILE_NOT_FOUND', `Folder ${folder} does not exist; create it or choose another place.`, { path: target });
  }
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) {
    throw new DossierError('INVALID_REQUEST', `${target} is a folder; give the name of the file to write.`, { path: target });
  }
  if (rules.caseFilePath) {
    const protectedFiles = [rules.caseFilePath, `${rules.caseFilePath}-journal`, `${rules.caseFilePath}-wal`];
    if (path.resolve(target) === path.resolve(rules.caseFilePath) || protectedFiles.some((p) => isSameFile(target, p))) {
      throw new DossierError('OUTPUT_IS_CASE_FILE', `${target} is the open case file itself; writing there would destroy the case. Choose another name.`, { path: target });
    }
  }
  if (existing && !rules.overwrite) {
    throw new DossierError('FILE_EXISTS', `${target} already exists; choose another name, or allow overwriting it (--overwrite).`, { path: target });
  }
}
