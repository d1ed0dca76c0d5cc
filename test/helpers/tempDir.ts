import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh temp folder, removed after the test (removeTempDirs). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-test-'));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made (test/support/afterEachTest.ts runs it after every test). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
