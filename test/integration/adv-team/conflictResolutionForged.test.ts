import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: high.
 * What a user sees: Alice's merge of Bob's copy kept her note body over his (an edit/edit
 * conflict). Alice (or anyone holding her file) marks the conflict resolved with sqlite3:
 * `UPDATE merge_conflict SET resolution = 'acknowledged', resolved_at = ..., resolved_by = ...`
 * (merge_conflict has no update trigger). `dossier conflicts` says "No open conflicts",
 * `dossier check` says "All checks hold", and when Bob merges Alice's copy the forged resolution
 * comes in too: Bob is never shown that his body was overwritten.
 * Why it matters: the README says conflicts "stay until resolved" and "a resolution is an
 * audited edit and travels too"; here a resolution no audit entry recorded closes the conflict on
 * every copy, and check certifies the file. The person whose value lost must see it.
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

interface ConflictRow { id: string; resolution?: string | null }

describe('a merge conflict closed with sqlite3', () => {
  it('check notices it, and a teammate merging the copy still sees the conflict open (or the merge is refused)', () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    const bob = path.join(dir, 'bob.dossier');
    runCliJson(['demo', alice]);
    fs.copyFileSync(alice, bob);
    const noteId = sqlite(alice, 'SELECT id FROM note ORDER BY id LIMIT 1');
    expect(runCli(['--actor', 'Bob', 'edit', bob, noteId, '--body', 'Bob wrote this']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'edit', alice, noteId, '--body', 'Alice wrote this']).status).toBe(0);
    const merged = runCli(['--actor', 'Alice', 'merge', alice, bob]);
    expect(merged.status, merged.stderr).toBe(0);
    const conflictId = sqlite(alice, "SELECT id FROM merge_conflict WHERE kind = 'edit_edit' AND resolution IS NULL");
    expect(conflictId).not.toBe('');
    expect(runCli(['check', alice]).status).toBe(0);

    sqlite(alice, `UPDATE merge_conflict SET resolution = 'acknowledged', resolved_at = '${new Date().toISOString()}', resolved_by = 'Alice' WHERE id = '${conflictId}'`);

    const checked = runCli(['check', alice]);
    expect(checked.status).toBe(4);
    expect(checked.stdout).toContain(conflictId);

    const back = runCli(['--actor', 'Bob', 'merge', bob, alice]);
    if (back.status === 0) {
      const open = runCliJson<ConflictRow[] | { conflicts: ConflictRow[] }>(['conflicts', bob]);
      const rows = Array.isArray(open) ? open : open.conflicts;
      expect(rows.map((c) => c.id)).toContain(conflictId);
    } else {
      expect(back.stderr).toContain('[RECORDS_ALTERED]');
    }
  }, 180_000);
});
