import fs from 'node:fs';
import path from 'node:path';
import { isSqliteSideSuffix, SQLITE_SIDE_SUFFIXES } from '../casefile/sqliteSideFiles';
import { DossierError } from '../contract/errors';

/** Whether two paths name the same file (device + inode), through symlinks and hard links alike. */
export function isSameFile(a: string, b: string): boolean {
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** The folder resolved through symlinks, with the name kept (the file itself may not exist yet). */
function realLocation(file: string): string {
  const absolute = path.resolve(file);
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * Names compare case-blind on every platform: macOS and Windows usually are, and so is a FAT or
 * exFAT stick on Linux, where `CASE.DOSSIER-JOURNAL` is the journal itself. Refusing that odd name
 * on a case-sensitive disk costs nothing.
 */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * What `target` is to the case file at `caseFilePath`, if anything: the file itself (by name, or
 * device and inode through a symlink or a hard link) or one of SQLite's side files (by name beside
 * the file as opened and beside the real file, since SQLite follows a symlinked case file).
 */
function caseFileRole(target: string, caseFilePath: string): string | null {
  const caseNames = [...new Set([path.resolve(caseFilePath), realLocation(caseFilePath), fs.existsSync(caseFilePath) ? fs.realpathSync(caseFilePath) : path.resolve(caseFilePath)])];
  const targetNames = [...new Set([path.resolve(target), realLocation(target)])];
  for (const caseName of caseNames) {
    for (const name of targetNames) {
      if (name === caseName) return 'the open case file itself';
      if (sameName(name, caseName)) return 'the open case file under its name in other letter case (the same file on a disk that ignores case)';
      if (!sameName(name.slice(0, caseName.length), caseName)) continue;
      const suffix = name.slice(caseName.length);
      if (isSqliteSideSuffix(suffix)) return `the open case file's SQLite side file (${suffix}), which SQLite creates and deletes as the case saves`;
    }
  }
  if (caseNames.flatMap((c) => [c, ...SQLITE_SIDE_SUFFIXES.map((suffix) => `${c}${suffix}`)]).some((p) => isSameFile(target, p))) return 'the open case file (or its journal) under another name: a link to it';
  return null;
}

function refuseCaseFileNames(target: string, caseFilePath: string): void {
  const role = caseFileRole(target, caseFilePath);
  if (role === null) return;
  throw new DossierError(
    'OUTPUT_IS_CASE_FILE',
    `${target} is ${role}; writing there would destroy or corrupt the case. Choose another name.`,
    { path: target },
  );
}

/**
 * Where a symbolic link at `target` points when that is nowhere (null: no link there, or one to an
 * existing file). Such a name is taken although following it finds nothing, so an output must
 * refuse it by name, not report later that a file "appeared".
 */
export function danglingLinkAt(target: string): string | null {
  if (!fs.lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink() || fs.existsSync(target)) return null;
  return fs.readlinkSync(target);
}

export interface OutputTargetRules {
  /** Replace a file already there (default: refuse with FILE_EXISTS). */
  overwrite: boolean;
  /** The open case file (and SQLite's files beside it): never written over, whatever name reaches it. */
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
  if (rules.caseFilePath) refuseCaseFileNames(target, rules.caseFilePath);
  const link = danglingLinkAt(target);
  if (link !== null && !rules.overwrite) {
    throw new DossierError('FILE_EXISTS', `${target} is a symbolic link that already exists (to ${link}, which does not exist); choose another name, remove the link, or allow replacing the link itself (--overwrite).`, { path: target });
  }
  if (existing && !rules.overwrite) {
    throw new DossierError('FILE_EXISTS', `${target} already exists; choose another name, or allow overwriting it (--overwrite).`, { path: target });
  }
}
