import { describe, expect, it } from 'vitest';
import { sqlite } from '../helpers/demoCopies';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { noteEditedOnTwoCopies } from '../helpers/twoCopies';

/*
 * `dossier conflicts` used to list a conflict row that fails its seal (inserted or changed with
 * sqlite3) exactly like a genuine one, so a user read forged "overwritten" text as if a teammate
 * wrote it (the row of adv-team/conflictForgedInserted.test.ts). Resolve and merge refuse such a
 * row; the listing must say so too, row by row, and leave genuine conflicts verified.
 */

interface Listed {
  id: string;
  verified: boolean;
  unverifiedReason: string | null;
  resolveWith: string | null;
  lost_value: Record<string, unknown>;
}

describe('dossier conflicts on a conflict row that fails its seal', () => {
  it('marks the forged row NOT VERIFIED (text and --json) and keeps the genuine one verified', async () => {
    const { alice: mine, bob: theirs, noteId } = await noteEditedOnTwoCopies('Storm-1152', { alice: 'Alice: registrar first', bob: 'Bob: registry first' });
    const merged = await dossierJson<{ conflicts: { conflict_id: string }[] }>(['merge', mine, theirs, '--actor', 'Alice']);
    const genuineId = merged.conflicts[0]!.conflict_id;

    // Put in behind the app's back: no audit entry ever sealed it.
    const forgedId = '0123456789abcdef0123456789abcdef';
    const hlc = sqlite(mine, `SELECT hlc FROM note WHERE id = '${noteId}'`);
    sqlite(
      mine,
      `INSERT INTO merge_conflict (id, kind, record_table, record_id, fields, kept_value, lost_value, kept_hlc, lost_hlc, kept_by, lost_by, kept_at, lost_at, hlc)
       VALUES ('${forgedId}', 'edit_edit', 'note', '${noteId}', '["body"]', json_object('body', 'current'), json_object('body', 'The defendant admitted everything.'),
               '${hlc}', '${hlc}', 'Alice', 'Bob', '2026-12-08T00:00:00.000Z', '2026-12-08T00:00:01.000Z', '${hlc}')`,
    );

    const listed = await dossierJson<Listed[]>(['conflicts', mine, '--actor', 'Alice']);
    const genuine = listed.find((c) => c.id === genuineId)!;
    const forged = listed.find((c) => c.id === forgedId)!;
    expect(genuine).toMatchObject({ verified: true, unverifiedReason: null });
    expect(genuine.resolveWith).toContain('--keep mine|theirs');
    expect(forged).toMatchObject({ verified: false, resolveWith: null });
    expect(forged.unverifiedReason).toMatch(/no audit entry ever recorded it/);
    // The existing fields stay: what the row says is still there to read, marked.
    expect(forged.lost_value).toEqual({ body: 'The defendant admitted everything.' });

    const human = await dossier(['conflicts', mine, '--actor', 'Alice']);
    expect(human.status).toBe(0);
    const block = (id: string) => human.stdout.split('\n\n').find((b) => b.startsWith(id))!;
    expect(block(forgedId)).toContain('NOT VERIFIED: no audit entry ever recorded it');
    expect(block(forgedId)).toContain(`run dossier check ${mine}`);
    expect(block(forgedId)).not.toContain('to resolve:');
    expect(block(genuineId)).not.toContain('NOT VERIFIED');
    expect(block(genuineId)).toContain(`dossier conflicts resolve ${mine} ${genuineId} --keep mine|theirs`);

    // A genuine row changed afterwards is no longer vouched for either, and says which fields differ.
    sqlite(mine, `UPDATE merge_conflict SET lost_value = json_object('body', 'Bob: we lied to the court') WHERE id = '${genuineId}'`);
    const changed = (await dossierJson<Listed[]>(['conflicts', mine, '--actor', 'Alice'])).find((c) => c.id === genuineId)!;
    expect(changed.verified).toBe(false);
    expect(changed.unverifiedReason).toMatch(/differs from what its audit entry sealed \(lost_value\)/);
    expect((await dossier(['conflicts', mine])).stdout).toContain('NOT VERIFIED: it differs from what its audit entry sealed (lost_value)');
  }, 120_000);
});
