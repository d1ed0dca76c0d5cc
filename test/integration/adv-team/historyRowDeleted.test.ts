import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutTriggersOf } from '../../helpers/forgeCaseFile';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: medium.
 * What a user sees: an old version of a website is deleted from record_history with sqlite3
 * (triggers dropped and put back); `dossier check` prints "All checks hold" and
 * "ok content ... 4 old version(s) in their history match", exit 0. `show` no longer lists the
 * version the audit log sealed.
 * Why it matters: the README says check compares "every old version in record_history (what show
 * lists and --rollback puts back) against the seal written when it was current". A version that
 * an audit entry sealed on its own (website.create) and that is no longer the current row must be
 * in history; its removal erases what the record said before, and check certifies the file.
 * Deleted custody events, status events and records are named ("was audited but is gone");
 * deleted history rows are not.
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe('an old version deleted from record_history behind the app', () => {
  it('check fails and names the record whose sealed version is gone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'case.dossier');
    runCliJson(['demo', file]);
    const [recordId, hlc] = sqlite(file, 'SELECT record_id, hlc FROM record_history ORDER BY rowid LIMIT 1').split('|');
    // The version was sealed on its own by an audit entry (the demo creates then updates sites).
    expect(Number(sqlite(file, `SELECT count(*) FROM audit_seal WHERE record_id = '${recordId}' AND record_hlc = '${hlc}'`))).toBeGreaterThan(0);
    expect(runCli(['check', file]).status).toBe(0);

    withoutTriggersOf(file, 'record_history', `DELETE FROM record_history WHERE record_id = '${recordId}' AND hlc = '${hlc}'`);

    const checked = runCli(['check', file]);
    expect(checked.status).toBe(4);
    expect(checked.stdout).not.toContain('All checks hold');
    expect(checked.stdout).toContain(recordId);
  }, 120_000);
});
