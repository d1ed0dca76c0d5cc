import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: medium.
 * What a user sees: Alice edits a note's body after Bob edited it on his copy. Someone deletes
 * the note's field_stamp rows in Alice's file with a plain sqlite3 DELETE (field_stamp has no
 * trigger at all). `dossier check` says "All checks hold". Alice then merges Bob's copy: Bob's
 * OLDER body silently replaces hers, "updated: 1", and `dossier conflicts` says "No open
 * conflicts".
 * Why it matters: field stamps decide every merge ("each field takes the value of the later
 * change"); the README says check verifies them ("each field merge stamp must name a version its
 * record had"), but a missing stamp for a field the sealed current version changed is not
 * noticed, and it turns a later merge against the newer value without any conflict.
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe('field stamps deleted behind the app', () => {
  it('check notices the missing stamp; a later merge does not silently lose the newer edit', () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    const bob = path.join(dir, 'bob.dossier');
    runCliJson(['demo', alice]);
    fs.copyFileSync(alice, bob);
    const noteId = sqlite(alice, 'SELECT id FROM note ORDER BY id LIMIT 1');
    expect(runCli(['--actor', 'Bob', 'edit', bob, noteId, '--body', 'Bob, earlier']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'edit', alice, noteId, '--body', 'Alice, later']).status).toBe(0);
    expect(sqlite(alice, `SELECT count(*) FROM field_stamp WHERE record_id = '${noteId}' AND field = 'body'`)).toBe('1');

    sqlite(alice, `DELETE FROM field_stamp WHERE record_id = '${noteId}'`);

    const checked = runCli(['check', alice]);
    expect(checked.status).toBe(4);
    expect(checked.stdout).toContain(noteId);

    runCli(['--actor', 'Alice', 'merge', alice, bob]);
    const body = sqlite(alice, `SELECT body FROM note WHERE id = '${noteId}'`);
    const open = Number(sqlite(alice, `SELECT count(*) FROM merge_conflict WHERE record_id = '${noteId}' AND resolution IS NULL`));
    expect(body === 'Alice, later' || open > 0).toBe(true);
  }, 180_000);
});
