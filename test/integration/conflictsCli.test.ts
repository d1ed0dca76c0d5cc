import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';
import { noteEditedOnTwoCopies } from '../helpers/twoCopies';

describe('dossier conflicts and evidence renumber', () => {
  it('lists what a merge overwrote, resolves it with --keep mine, and says "already up to date" after', async () => {
    const { alice: mine, bob: theirs, noteId } = await noteEditedOnTwoCopies('Storm-1152', { alice: 'Alice: registrar first', bob: 'Bob: registry first' });
    const note = { id: noteId };

    const merged = await dossierJson<{ conflicts: { kind: string; conflict_id: string }[] }>(['merge', mine, theirs, '--actor', 'Alice']);
    expect(merged.conflicts.map((c) => c.kind)).toEqual(['concurrent_edit']);
    const listed = await dossierJson<{ id: string; kind: string; kept_value: unknown; lost_value: unknown; lost_by: string }[]>(['conflicts', mine]);
    expect(listed).toEqual([expect.objectContaining({ id: merged.conflicts[0]!.conflict_id, kind: 'edit_edit', lost_by: 'Alice' })]);
    const human = await dossier(['conflicts', mine, '--actor', 'Alice']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('1 conflict(s) to review');
    expect(human.stdout).toContain(`dossier conflicts resolve ${mine} ${listed[0]!.id} --keep mine|theirs`);
    expect(human.stdout).toContain('Alice: registrar first');

    const bad = await dossier(['conflicts', 'resolve', mine, 'not-an-id', '--keep', 'mine']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^dossier: ID is not a conflict id .*\[INVALID_REQUEST\]\n$/);
    const nobody = await dossier(['conflicts', 'resolve', mine, listed[0]!.id, '--keep', 'mine', '--actor', 'Carol']);
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain('neither version was written by you (Carol)');

    const resolved = await dossierJson<{ resolution: string }>(['conflicts', 'resolve', mine, listed[0]!.id, '--keep', 'mine', '--actor', 'Alice']);
    expect(resolved.resolution).toBe('restored');
    expect((await dossierJson<{ item: { body: string } }>(['show', mine, note.id])).item.body).toBe('Alice: registrar first');
    expect((await dossier(['conflicts', mine])).stdout).toContain('No open conflicts');
    expect(await dossierJson(['conflicts', mine, '--all'])).toEqual([expect.objectContaining({ resolution: 'restored', resolved_by: 'Alice' })]);

    // Bob's copy learns of the conflict and its resolution on his merge.
    await dossierJson(['merge', theirs, mine, '--actor', 'Bob']);
    expect((await dossierJson<{ item: { body: string } }>(['show', theirs, note.id])).item.body).toBe('Alice: registrar first');
    expect((await dossier(['merge', mine, theirs])).stdout).toMatch(/already up to date|Merged/);
    const settled = await dossier(['merge', theirs, mine]);
    expect(settled.stdout).toContain('already up to date');
    expect((await dossier(['check', mine])).status).toBe(0);
  });

  it('renumbers an exhibit, refusing a number another exhibit holds', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Exhibits']);
    fs.writeFileSync(path.join(dir, 'a.txt'), 'first');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'second');
    await dossierJson(['evidence', 'add', file, path.join(dir, 'a.txt')]);
    const second = (await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, path.join(dir, 'b.txt')])).items[0]!.evidence;
    const taken = await dossier(['evidence', 'renumber', file, second.id, '1']);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toMatch(/^dossier: Exhibit number 1 is already Exhibit 1 .*3 is free.*\[EXHIBIT_NUMBER_TAKEN\]\n$/);
    const notNumber = await dossier(['evidence', 'renumber', file, second.id, 'seven']);
    expect(notNumber.status).toBe(2);
    const moved = await dossier(['evidence', 'renumber', file, second.id, '7']);
    expect(moved.stdout).toBe('Exhibit 7 "b.txt" is now exhibit number 7.\n');
    expect((await dossier(['check', file])).status).toBe(0);
  });

  it('a packet refuses two exhibits a merge numbered alike, naming the renumber command; after it, the clash is settled', async () => {
    const dir = tempDir();
    const mine = path.join(dir, 'alice.dossier');
    const theirs = path.join(dir, 'bob.dossier');
    await dossierJson(['new', mine, '--title', 'Exhibits']);
    fs.copyFileSync(mine, theirs);
    fs.writeFileSync(path.join(dir, 'one.txt'), 'one');
    fs.writeFileSync(path.join(dir, 'two.txt'), 'two');
    await dossierJson(['evidence', 'add', mine, path.join(dir, 'one.txt')]);
    const bobs = (await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', theirs, path.join(dir, 'two.txt'), '--actor', 'Bob'])).items[0]!.evidence;
    await dossierJson(['merge', mine, theirs]);
    const refused = await dossier(['packet', mine, '--out', path.join(dir, 'p.pdf'), '--date', '2024-09-03']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`dossier evidence renumber ${mine} ${bobs.id} 2`);
    expect(refused.stderr).toMatch(/\[EXHIBIT_NUMBER_TAKEN\]\n$/);
    expect(fs.existsSync(path.join(dir, 'p.pdf'))).toBe(false);
    await dossierJson(['evidence', 'renumber', mine, bobs.id, '2']);
    expect((await dossier(['conflicts', mine])).stdout).toContain('They have been renumbered since.');
    const filed = await dossier(['packet', mine, '--out', path.join(dir, 'p.pdf'), '--layout', 'combined', '--declarant', 'Alice Example', '--declarant-role', 'Investigator', '--place', 'New York, New York']);
    expect(filed.stderr).toBe('');
    expect(filed.status).toBe(0);
  });
});
