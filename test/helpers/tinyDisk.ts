import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { tempDir } from './tempDir';

const mounted: string[] = [];

/**
 * A folder on its own 4 KiB tmpfs: any write past 4 KiB fails with ENOSPC, the way a full USB
 * stick does. Needs root (CI runs as root); when the mount is impossible the test fails loudly
 * with the reason, it is never skipped, because a disk-full path that is not exercised is untested.
 */
export function tinyDisk(bytes = 4096, options: { readOnly?: boolean } = {}): string {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `${options.readOnly ? 'ro,' : ''}size=${bytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`tinyDisk: could not mount a ${bytes}-byte tmpfs at ${dir} (run the tests as root): ${(error as Error).message}`);
  }
  mounted.push(dir);
  return dir;
}

/** Unmounts the tiny disks of the test (test/support/afterEachTest.ts runs it before removing temp folders). */
export function unmountTinyDisks(): void {
  for (const dir of mounted.splice(0)) {
    execFileSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
