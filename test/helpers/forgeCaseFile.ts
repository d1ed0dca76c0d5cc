import { execFileSync } from 'node:child_process';

/*
 * Edits made to a case file behind the app's back, the way adversarial testers make them: with
 * the sqlite3 CLI, dropping a table's triggers and re-creating them with identical SQL.
 */

/** Runs `sql` on `file` with `table`'s triggers dropped, then re-creates them with identical SQL, in one transaction. */
export function withoutTriggersOf(file: string, table: string, sql: string): void {
  const triggers = execFileSync('sqlite3', [file, `SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '${table}'`], { encoding: 'utf8' });
  const names = execFileSync('sqlite3', [file, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '${table}'`], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  execFileSync('sqlite3', [file, `BEGIN; ${names.map((n) => `DROP TRIGGER ${n};`).join(' ')} ${sql}; ${triggers} COMMIT;`]);
}

/** Gives a note a new body and a stamp one second ago on the row's own device (so a merge prefers it). */
export function forgeNote(file: string, noteId: string, body = 'FORGED'): void {
  const hlc = execFileSync('sqlite3', [file, `SELECT hlc FROM note WHERE id = '${noteId}'`], { encoding: 'utf8' }).trim();
  const device = hlc.split('.').slice(2).join('.');
  const stamp = `${String(Date.now() - 1000).padStart(13, '0')}.0000.${device}`;
  execFileSync('sqlite3', [file, `UPDATE note SET body = '${body}', hlc = '${stamp}' WHERE id = '${noteId}'`]);
}
