import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

/*
 * M1: a conflict names who wrote each side, and every conflict can be resolved the way its text
 * says, by whoever reads it: the author of one side, of both (one person on two copies), or of
 * neither (a teammate who merged both).
 */

interface Listed {
  id: string;
  kind: string;
  kept_by: string;
  lost_by: string;
  summary: string;
  proposal: string | null;
}

/** The `--keep` choices the text offers after "to resolve: dossier conflicts resolve FILE ID". */
function offered(text: string, id: string): string {
  const line = text.split('\n').find((l) => l.includes(`resolve`) && l.includes(id));
  expect(line, text).toBeDefined();
  return line!.slice(line!.indexOf('--keep'));
}

describe('conflicts name their authors and resolve as their text says', () => {
  it('delete/edit: deleted by Alice, edited by Bob; mine|theirs on either copy, deleted|live for anyone', async () => {
    const dir = tempDir();
    const alice = path.join(dir, 'alice.dossier');
    const bob = path.join(dir, 'bob.dossier');
    await dossierJson(['new', alice, '--title', 'Storm', '--actor', 'Alice']);
    const site = await dossierJson<{ id: string }>(['site', 'add', alice, 'evil-shop.example', '--actor', 'Alice']);
    fs.copyFileSync(alice, bob);
    await dossierJson(['delete', alice, site.id, '--actor', 'Alice']);
    await dossierJson(['site', 'status', bob, site.id, 'served', '--actor', 'Bob']);

    await dossierJson(['merge', alice, bob, '--actor', 'Alice']);
    const [conflict] = await dossierJson<Listed[]>(['conflicts', alice]);
    expect(conflict).toMatchObject({ kind: 'delete_edit', kept_by: 'Alice', lost_by: 'Bob' });
    expect(conflict!.summary).toContain('was deleted by Alice and edited by Bob');
    await dossierJson(['merge', bob, alice, '--actor', 'Bob']);
    expect(await dossierJson<Listed[]>(['conflicts', bob])).toEqual([expect.objectContaining({ id: conflict!.id, kept_by: 'Alice', lost_by: 'Bob' })]);
    const carols = path.join(dir, 'carol.dossier');
    fs.copyFileSync(alice, carols);

    // Alice: the text offers mine|theirs; theirs (Bob's edit) brings the site back, as Bob left it.
    expect(offered((await dossier(['conflicts', alice, '--actor', 'Alice'])).stdout, conflict!.id)).toMatch(/^--keep mine\|theirs/);
    expect((await dossierJson<{ resolution: string }>(['conflicts', 'resolve', alice, conflict!.id, '--keep', 'theirs', '--actor', 'Alice'])).resolution).toBe('restored');
    const sites = await dossierJson<{ items: { id: string; status: string }[] }>(['list', alice, 'websites']);
    expect(sites.items.map((s) => [s.id, s.status])).toEqual([[site.id, 'served']]);

    // Bob: theirs is Alice's deletion.
    expect((await dossierJson<{ resolution: string }>(['conflicts', 'resolve', bob, conflict!.id, '--keep', 'theirs', '--actor', 'Bob'])).resolution).toBe('kept');
    expect((await dossierJson<{ items: unknown[] }>(['list', bob, 'websites'])).items).toEqual([]);

    // Carol wrote neither: the text does not offer mine|theirs, and what it offers works.
    const forCarol = offered((await dossier(['conflicts', carols, '--actor', 'Carol'])).stdout, conflict!.id);
    expect(forCarol).not.toContain('mine');
    expect(forCarol).toContain('--keep deleted|live');
    const value = await dossier(['conflicts', 'resolve', carols, conflict!.id, '--keep', 'served', '--actor', 'Carol']);
    expect(value.status).toBe(2);
    expect(value.stderr).toContain('--keep deleted or --keep live');
    expect((await dossierJson<{ resolution: string }>(['conflicts', 'resolve', carols, conflict!.id, '--keep', 'live', '--actor', 'Carol'])).resolution).toBe('restored');
    expect((await dossierJson<{ items: { status: string }[] }>(['list', carols, 'websites'])).items.map((s) => s.status)).toEqual(['served']);
  });

  it('edit/edit by one person on two copies: the text offers kept|overwritten, which resolves it', async () => {
    const dir = tempDir();
    const laptop = path.join(dir, 'laptop.dossier');
    const desktop = path.join(dir, 'desktop.dossier');
    await dossierJson(['new', laptop, '--title', 'Storm', '--actor', 'Alice']);
    const note = await dossierJson<{ id: string }>(['note', 'add', laptop, '--title', 'Plan', '--body', 'v1', '--actor', 'Alice']);
    fs.copyFileSync(laptop, desktop);
    await dossierJson(['edit', laptop, note.id, '--title', 'Plan A', '--body', 'registrar first', '--actor', 'Alice']);
    await dossierJson(['edit', desktop, note.id, '--title', 'Plan B', '--body', 'registry first', '--actor', 'Alice']);
    await dossierJson(['merge', laptop, desktop, '--actor', 'Alice']);
    const [conflict] = await dossierJson<Listed[]>(['conflicts', laptop]);
    expect(conflict).toMatchObject({ kind: 'edit_edit', kept_by: 'Alice', lost_by: 'Alice' });
    const text = offered((await dossier(['conflicts', laptop, '--actor', 'Alice'])).stdout, conflict!.id);
    expect(text).not.toContain('mine');
    expect(text).toContain('--keep kept|overwritten');
    expect((await dossierJson<{ resolution: string }>(['conflicts', 'resolve', laptop, conflict!.id, '--keep', 'overwritten', '--actor', 'Alice'])).resolution).toBe('restored');
  });

  it('a Bates overlap of productions one person made on two copies: resolved by the production id the text offers', async () => {
    const dir = tempDir();
    const laptop = path.join(dir, 'laptop.dossier');
    const desktop = path.join(dir, 'desktop.dossier');
    await dossierJson(['new', laptop, '--title', 'Storm', '--actor', 'Alice']);
    fs.writeFileSync(path.join(dir, 'chat.txt'), 'seller: payment to wallet\n');
    await dossierJson(['evidence', 'add', laptop, path.join(dir, 'chat.txt'), '--actor', 'Alice']);
    fs.copyFileSync(laptop, desktop);
    const packet = ['--sections', 'exhibits', '--profile', 'generic-50mb', '--bates-prefix', 'STORM-', '--force', '--actor', 'Alice'];
    fs.mkdirSync(path.join(dir, 'l'));
    fs.mkdirSync(path.join(dir, 'd'));
    await dossierJson(['packet', laptop, '--out', path.join(dir, 'l', 'p.pdf'), ...packet]);
    await dossierJson(['packet', desktop, '--out', path.join(dir, 'd', 'p.pdf'), ...packet]);
    const merged = await dossierJson<{ conflicts: { kind: string; message: string }[] }>(['merge', laptop, desktop, '--actor', 'Alice']);
    const overlap = merged.conflicts.find((c) => c.kind === 'bates_overlap');
    expect(overlap?.message).not.toContain('mine|theirs');
    const [conflict] = await dossierJson<(Listed & { record_id: string; other_record_id: string })[]>(['conflicts', laptop]);
    expect(overlap!.message).toContain(`--keep ${conflict!.record_id}`);
    const text = offered((await dossier(['conflicts', laptop, '--actor', 'Alice'])).stdout, conflict!.id);
    expect(text).not.toContain('mine');
    expect(text).toContain(`--keep ${conflict!.record_id}|${conflict!.other_record_id}`);
    const resolved = await dossierJson<{ resolution: string; resolved_value: { keeps: string } }>(['conflicts', 'resolve', laptop, conflict!.id, '--keep', conflict!.other_record_id, '--actor', 'Alice']);
    expect(resolved.resolved_value.keeps).toBe(conflict!.other_record_id);
  });
});
