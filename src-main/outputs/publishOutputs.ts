import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CaseFile } from '../casefile/CaseFile';
import { writeTransaction } from '../casefile/writeTransaction';
import { DossierError } from '../contract/errors';
import { checkOutputTarget } from './checkOutputTarget';

/** A finished, synced and verified temp file waiting to be given its final name. */
export interface StagedOutput {
  temp: string;
  target: string;
}

interface Placed {
  target: string;
  /** The file that was at `target` before (overwrite), kept aside until the case commits. */
  setAside: string | null;
  /** The verified file as placed (device, inode, size), to find it still there after the commit. */
  placed?: fs.Stats;
}

/** A hidden name beside `target` for work in progress (same folder: rename stays atomic). */
export function sideName(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.${purpose}`);
}

function place(staged: StagedOutput, overwrite: boolean): Placed {
  const { temp, target } = staged;
  // lstat: a symbolic link (even one pointing nowhere) is replaced itself, never written through.
  if (overwrite && fs.lstatSync(target, { throwIfNoEntry: false })) {
    const setAside = sideName(target, 'replaced');
    fs.renameSync(target, setAside);
    fs.renameSync(temp, target);
    return { target, setAside };
  }
  try {
    // link() fails if the name is taken, where rename() would silently replace a file that
    // appeared since the check.
    fs.linkSync(temp, target);
    fs.rmSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new DossierError('FILE_EXISTS', `${target} appeared while the output was being written; nothing was replaced.`, { path: target });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // FAT/exFAT USB sticks have no hard links: check, then rename.
    if (fs.existsSync(target)) throw new DossierError('FILE_EXISTS', `${target} already exists; nothing was replaced.`, { path: target });
    fs.renameSync(temp, target);
  }
  return { target, setAside: null };
}

function undo(placed: Placed[]): void {
  for (const p of placed.reverse()) {
    fs.rmSync(p.target, { force: true });
    if (p.setAside) fs.renameSync(p.setAside, p.target);
  }
}

/** Makes renames durable (POSIX); Windows cannot fsync a folder and needs not. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every platform can fsync a folder; the files themselves were synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Gives staged outputs their final names inside the case transaction that records them (custody,
 * audit, packet rows): `record` runs first, then the renames; if either fails, or the commit does,
 * every file placed is removed (and a file it replaced put back), so an output exists exactly when
 * the case says it was written. Targets are checked again here: the folder may have changed since.
 */
export function publishOutputs(caseFile: CaseFile | null, staged: readonly StagedOutput[], overwrite: boolean, record?: () => void): void {
  for (const s of staged) checkOutputTarget(s.target, { overwrite, caseFilePath: caseFile?.path ?? null });
  const placed: Placed[] = [];
  const run = () => {
    record?.();
    for (const s of staged) {
      const p = place(s, overwrite);
      placed.push({ ...p, placed: fs.statSync(p.target) });
    }
  };
  try {
    // Only a record needs the case transaction; an output that records nothing (an appendix CSV)
    // can be written from a case opened read-only.
    if (caseFile && record) writeTransaction(caseFile, run);
    else run();
  } catch (error) {
    undo(placed);
    throw error;
  }
  for (const p of placed) if (p.setAside) fs.rmSync(p.setAside, { force: true });
  for (const folder of new Set(staged.map((s) => path.dirname(s.target)))) syncFolder(folder);
  for (const p of placed) assertStillPlaced(p);
}

/**
 * The output must still be the verified file after the case saved: SQLite deletes its journal at
 * commit, so an output that took a side file's name (one checkOutputTarget did not foresee) would
 * vanish right after being recorded. Never report such an output as written.
 */
function assertStillPlaced(p: Placed): void {
  const now = fs.statSync(p.target, { throwIfNoEntry: false });
  const before = p.placed!;
  if (now && now.dev === before.dev && now.ino === before.ino && now.size === before.size) return;
  throw new DossierError(
    'OUTPUT_VERIFY_FAILED',
    `${p.target} was written and recorded, but it is no longer there as written after the case was saved (${now ? 'another file is at that name' : 'it was removed'}): the name is one SQLite or another program uses. ` +
      'The case records this output although it is not on disk; write it again under another name.',
    { path: p.target },
  );
}
