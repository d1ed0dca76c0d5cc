import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCliJson } from './runCli';
import { tempDir } from './tempDir';

/** Runs one SQL statement on a case file with the sqlite3 CLI (behind the app's back), returning its output. */
export function sqlite(file: string, sql: string): string {
  return execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();
}

/**
 * The demo case made as Alice's copy and copied as is to Bob (alice.dossier, bob.dossier in a new
 * temp folder), with the id of its first note: for merge tests through the CLI.
 */
export function demoCopies(): { dir: string; alice: string; bob: string; noteId: string } {
  const dir = tempDir();
  const alice = path.join(dir, 'alice.dossier');
  const bob = path.join(dir, 'bob.dossier');
  runCliJson(['demo', alice]);
  fs.copyFileSync(alice, bob);
  return { dir, alice, bob, noteId: sqlite(alice, 'SELECT id FROM note ORDER BY id LIMIT 1') };
}
