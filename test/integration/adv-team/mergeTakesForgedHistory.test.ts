import { describe, expect, it } from 'vitest';
import { demoCopies, sqlite } from '../../helpers/demoCopies';
import { withoutTriggersOf } from '../../helpers/forgeCaseFile';
import { runCli } from '../../helpers/runCli';

/*
 * Severity: high.
 * What a user sees: Bob edits a note twice (v2, then v3) and rewrites the kept v2 in his
 * record_history with sqlite3. `dossier check bob.dossier` names it. Alice runs
 * `dossier merge alice.dossier bob.dossier`: exit 0, "Merged ... updated: 1", and her own
 * file, clean before, now fails `dossier check` (the forged old version is in her history;
 * `show` lists it as what the note said).
 * Why it matters: the README says merge refuses (RECORDS_ALTERED) a copy whose records it would
 * take in differ from that copy's own seals, so that a merge never adopts an edit made behind the
 * app's back; old versions are part of what check verifies ("every old version in
 * record_history") but the merge's incoming check does not cover them.
 */

describe('a forged old version in the other copy', () => {
  it('merge refuses it and the receiving copy stays clean', () => {
    const { alice, bob, noteId } = demoCopies();
    expect(runCli(['--actor', 'Bob', 'edit', bob, noteId, '--body', 'Bob v2']).status).toBe(0);
    expect(runCli(['--actor', 'Bob', 'edit', bob, noteId, '--body', 'Bob v3']).status).toBe(0);
    withoutTriggersOf(bob, 'record_history', `UPDATE record_history SET version_json = json_set(version_json, '$.body', 'FORGED OLD') WHERE record_id = '${noteId}' AND json_extract(version_json, '$.body') = 'Bob v2'`);
    expect(runCli(['check', bob]).status).toBe(4);
    expect(runCli(['check', alice]).status).toBe(0);

    const merged = runCli(['--actor', 'Alice', 'merge', alice, bob]);
    expect(merged.status).toBe(4);
    expect(merged.stderr).toContain('[RECORDS_ALTERED]');
    expect(sqlite(alice, "SELECT count(*) FROM record_history WHERE version_json LIKE '%FORGED OLD%'")).toBe('0');
    expect(runCli(['check', alice]).status).toBe(0);
  }, 180_000);
});
