import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/runCli';
import { tempDir } from '../helpers/tempDir';

/*
 * The stamps a record's current edit wrote must be there (audit/missingFieldStamps.ts): copies
 * edited on both sides and merged both ways keep every stamp check asks for, and a merge refuses
 * the OTHER copy when it lacks one (its newer edit would silently lose to our older value).
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe('field stamps a current edit wrote', () => {
  it('concurrent edits merged both ways pass check; a copy missing a stamp is not merged in', () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    const bob = path.join(dir, 'bob.dossier');
    runCliJson(['demo', alice]);
    fs.copyFileSync(alice, bob);
    const [first, second] = sqlite(alice, 'SELECT id FROM note ORDER BY id LIMIT 2').split('\n');
    expect(runCli(['--actor', 'Bob', 'edit', bob, first!, '--body', 'Bob, first']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'edit', alice, second!, '--body', 'Alice, second']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'edit', alice, first!, '--body', 'Alice, first']).status).toBe(0);
    expect(runCli(['--actor', 'Alice', 'merge', alice, bob]).status).toBe(0);
    expect(runCli(['--actor', 'Bob', 'merge', bob, alice]).status).toBe(0);
    for (const file of [alice, bob]) {
      const checked = runCli(['check', file]);
      expect(checked.stdout, checked.stdout).toContain('All checks hold');
    }

    expect(runCli(['--actor', 'Bob', 'edit', bob, second!, '--body', 'Bob, later']).status).toBe(0);
    sqlite(bob, `DELETE FROM field_stamp WHERE record_id = '${second!}'`);
    const refused = runCli(['--actor', 'Alice', 'merge', alice, bob]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain('[RECORDS_ALTERED]');
    expect(refused.stderr).toContain(`note ${second!}'s body`);
    expect(sqlite(alice, `SELECT body FROM note WHERE id = '${second!}'`)).toBe('Alice, second');
  }, 240_000);
});
