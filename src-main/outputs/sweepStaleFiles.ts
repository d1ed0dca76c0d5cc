import fs from 'node:fs';
import path from 'node:path';

/**
 * Temp files and folders Dossier leaves in an output folder while it writes, named after the
 * target with the writer's pid: `.NAME.PID-XXXXXXXX.dossier-part` (writeOutputFile),
 * `.NAME.PID-XXXXXXXX.volN.tmp` (packet volumes), `.NAME.receiving-PID-XXXXXX` (a received case,
 * decrypted). The sideName/stem/mkdtemp patterns that make them must match these: change together.
 */
export const STALE_OUTPUT_TEMP = /^\..+\.(?:(\d+)-[0-9a-f]{8}\.(?:dossier-part|vol\d+\.tmp)|receiving-(\d+)-[A-Za-z0-9]{6})$/;

/** Whether a process with this pid runs now (EPERM: it exists but belongs to someone else). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what a killed writer (kill -9, a power cut) left in `folder`: the entries whose name
 * matches `pattern` and whose pid (the first capture group that matched) no longer runs. Those
 * can hold plain text (a decrypted case, part of an exhibit); entries of running processes, ours
 * included, are left alone, and a reused pid only delays the sweep to a later run.
 */
export function sweepStaleFiles(folder: string, pattern: RegExp = STALE_OUTPUT_TEMP): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    const pid = Number(match?.slice(1).find((g) => g !== undefined));
    if (!match || !Number.isInteger(pid) || pid === process.pid || isProcessRunning(pid)) continue;
    try {
      fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    } catch (error) {
      // Another user's leftover in a shared folder (/tmp, sticky): not ours to remove.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') continue;
      throw error;
    }
    removed.push(name);
  }
  return removed;
}
