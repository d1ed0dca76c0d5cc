import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: low.
 * What a user sees: a case whose history holds 5 sealed old versions and 1 version no entry
 * sealed (here one added with sqlite3, which the README says check cannot tell from a legitimately
 * unsealed one). `dossier check` prints "72 records and 6 old version(s) in their history match
 * their audited state. 1 old version(s) were never sealed on their own ... and cannot be
 * verified." (--json: the same summary).
 * Why it matters: "never print or certify anything not checked": 6 are said to match their
 * audited state while only 5 were compared with a seal. The unverifiable one must not be counted
 * among those that match (verifyHistorySeals counts it in versionsChecked).
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe("check's count of verified old versions", () => {
  it('does not count an unsealed version as matching its audited state', () => {
    const dir = tempDir();
    const file = path.join(dir, 'case.dossier');
    runCliJson(['demo', file]);
    const sealed = Number(sqlite(file, 'SELECT count(*) FROM record_history'));
    const noteId = sqlite(file, 'SELECT id FROM note ORDER BY id LIMIT 1');
    const device = sqlite(file, `SELECT hlc FROM note WHERE id = '${noteId}'`).split('.').slice(2).join('.');
    sqlite(
      file,
      `INSERT INTO record_history (id, record_kind, record_id, hlc, version_json, superseded_at, superseded_by, reason)
       SELECT 'unsealed-1', 'note', id, '0000000000001.0000.${device}', json_object('id', id, 'body', 'never sealed'), '2026-01-01T00:00:00.000Z', 'Someone', 'update' FROM note WHERE id = '${noteId}'`,
    );
    const checked = runCli(['check', file]);
    const line = checked.stdout.split('\n').find((l) => l.includes('old version(s) in their history match')) ?? '';
    expect(line).toContain(`${sealed} old version(s) in their history match`);
    expect(line).not.toContain(`${sealed + 1} old version(s) in their history match`);
  }, 120_000);
});
