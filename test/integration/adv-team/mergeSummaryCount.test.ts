import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MergeReport } from '../../../src-main/contract/MergeReport';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Severity: low.
 * What a user sees: `dossier merge alice.dossier bob.dossier` prints
 * "custody/status/history/audit entries: 24" when Bob's copy brought 4 custody events and 8 audit
 * entries (12): the number also counts audit_seal rows (one per record an entry sealed), and
 * packet exports, packet exhibits, productions and captures, none of which the label names.
 * Why it matters: every number a command prints must be true on disk. The label promises a count
 * of custody/status/history/audit entries; --json (appended.*) holds the right figures, the line
 * adds up everything in `appended` (cli/commands/mergeCommands.ts, sum(report.appended)).
 */

const sqlite = (file: string, sql: string) => execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();

describe('the merge summary line', () => {
  it('counts what its label names', () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    const bob = path.join(dir, 'bob.dossier');
    runCliJson(['demo', alice]);
    fs.copyFileSync(alice, bob);
    const noteId = sqlite(alice, 'SELECT id FROM note ORDER BY id LIMIT 1');
    expect(runCli(['--actor', 'Bob', 'edit', bob, noteId, '--body', 'Bob wrote this']).status).toBe(0);
    expect(runCli(['--actor', 'Bob', 'note', 'add', bob, '--title', 'New', '--body', 'new']).status).toBe(0);

    const twin = path.join(dir, 'alice-json.dossier');
    fs.copyFileSync(alice, twin);
    const report = runCliJson<MergeReport>(['merge', twin, bob]);
    const merged = runCli(['merge', alice, bob]);
    expect(merged.status, merged.stderr).toBe(0);
    const printed = Number(/custody\/status\/history\/audit entries: (\d+)/.exec(merged.stdout)?.[1]);
    const a = report.appended as Record<string, number>;
    expect(printed).toBe((a.custody_event ?? 0) + (a.website_status_event ?? 0) + (a.record_history ?? 0) + (a.audit_entry ?? 0));
  }, 180_000);
});
