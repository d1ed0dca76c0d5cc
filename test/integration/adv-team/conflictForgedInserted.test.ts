import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: high.
 * What a user sees: Bob inserts a merge_conflict row into his copy with sqlite3 (no trigger stops
 * an INSERT): an "edit/edit" on one of the case's notes whose "overwritten" value is a sentence
 * nobody wrote ("The defendant admitted everything."), attributed to Bob, "kept" value attributed
 * to Alice. `dossier check bob.dossier` says "All checks hold". Alice merges Bob's copy (exit 0)
 * and `dossier conflicts` lists it as a real conflict, "kept body=current (Alice ...)", which is
 * not even the note's body. She chooses `--keep theirs`: the forged sentence becomes the note's
 * body, as an audited edit under Alice's name, and `check` passes.
 * Why it matters: conflicts are records that travel with merges and whose resolution writes record
 * values; none of it is sealed or verified (check, merge/incomingSeals). A teammate (or anyone with
 * sqlite3 on a copy) can put arbitrary values into everyone's records past every seal, laundered
 * through the victim's own audited resolution. Conflicts must be verifiable (written by an audited
 * merge whose values match the versions in history) or refused.
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe('a merge conflict row inserted with sqlite3', () => {
  it('check names it, and a merge does not bring it in', () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    const bob = path.join(dir, 'bob.dossier');
    runCliJson(['demo', alice]);
    fs.copyFileSync(alice, bob);
    expect(runCli(['--actor', 'Bob', 'note', 'add', bob, '--title', 'Bob', '--body', 'a real change']).status).toBe(0);
    const noteId = sqlite(bob, 'SELECT id FROM note ORDER BY id LIMIT 1');
    const hlc = sqlite(bob, `SELECT hlc FROM note WHERE id = '${noteId}'`);
    const conflictId = '0123456789abcdef0123456789abcdef';
    sqlite(
      bob,
      `INSERT INTO merge_conflict (id, kind, record_table, record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, hlc)
       VALUES ('${conflictId}', 'edit_edit', 'note', '${noteId}', '["body"]', json_object('body', 'current'), json_object('body', 'The defendant admitted everything.'),
               '${hlc}', '${hlc}', 'Alice', 'Bob', '2026-12-08T00:00:00.000Z', '2026-12-08T00:00:01.000Z', '${hlc}')`,
    );

    const checked = runCli(['check', bob]);
    expect(checked.status).toBe(4);
    expect(checked.stdout).toContain(conflictId);

    const merged = runCli(['--actor', 'Alice', 'merge', alice, bob]);
    if (merged.status === 0) {
      expect(sqlite(alice, `SELECT count(*) FROM merge_conflict WHERE id = '${conflictId}'`)).toBe('0');
    } else {
      expect(merged.stderr).toContain('[RECORDS_ALTERED]');
    }
    // Whatever the route, the forged value never becomes the note's body.
    runCli(['--actor', 'Alice', 'conflicts', 'resolve', alice, conflictId, '--keep', 'theirs']);
    expect(sqlite(alice, `SELECT body FROM note WHERE id = '${noteId}'`)).not.toBe('The defendant admitted everything.');
  }, 180_000);
});
