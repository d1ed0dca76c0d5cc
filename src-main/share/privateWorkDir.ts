import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { sweepStaleFiles } from '../outputs/sweepStaleFiles';

/** Prefix of the private folders holding a share's plain-text snapshot; the pid follows. */
const PREFIX = '.dossier-share-';
const OURS = /^\.dossier-share-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes private share folders in `folder` left by a process that no longer runs (a share killed
 * with kill -9, a power cut): they hold a plain-text copy of a whole case. Folders of running
 * processes are kept; a reused pid only delays the sweep to a later run.
 */
export function sweepStaleWorkDirs(folder: string): string[] {
  return sweepStaleFiles(folder, OURS);
}

/**
 * A private folder (mode 0700, created by mkdtemp) for a share's plain-text snapshot, beside the
 * case file: the plain text never leaves the case's own folder (never the share's destination,
 * often a USB stick or a synced folder), and the space it needs is on the case's own disk. Stale
 * folders of killed shares in that folder are swept first. The caller removes it when done.
 */
export async function makePrivateWorkDir(caseFolder: string): Promise<string> {
  sweepStaleWorkDirs(caseFolder);
  return mkdtemp(path.join(caseFolder, `${PREFIX}${process.pid}-`));
}
