import { createHash } from 'node:crypto';
import fs from 'node:fs';

export function fileSha256(filePath: string): string {
  return createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
}

/** Files beside a case file that SQLite would leave if it were not closed cleanly. */
export function leftoversBeside(filePath: string): string[] {
  return ['-journal', '-wal', '-shm'].map((s) => `${filePath}${s}`).filter((p) => fs.existsSync(p));
}
