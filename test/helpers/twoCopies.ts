import fs from 'node:fs';
import path from 'node:path';
import { dossierJson } from './dossierInProcess';
import { tempDir } from './tempDir';

/** A new case made by Alice and copied as is to Bob (alice.dossier, bob.dossier in a temp folder), for merge tests. */
export async function twoCopiesOfNewCase(title: string): Promise<{ alice: string; bob: string }> {
  const dir = tempDir();
  const alice = path.join(dir, 'alice.dossier');
  const bob = path.join(dir, 'bob.dossier');
  await dossierJson(['new', alice, '--title', title, '--actor', 'Alice']);
  fs.copyFileSync(alice, bob);
  return { alice, bob };
}

/**
 * Two copies of a new case whose one note Alice and Bob each edited on their own copy (Bob after
 * Alice, so a merge keeps his body and records an edit/edit conflict): the merge is left to the test.
 */
export async function noteEditedOnTwoCopies(title: string, bodies: { alice: string; bob: string }): Promise<{ alice: string; bob: string; noteId: string }> {
  const { alice, bob } = await twoCopiesOfNewCase(title);
  const note = await dossierJson<{ id: string }>(['note', 'add', alice, '--title', 'Plan', '--body', 'v1']);
  fs.copyFileSync(alice, bob);
  await dossierJson(['edit', alice, note.id, '--body', bodies.alice, '--actor', 'Alice']);
  await dossierJson(['edit', bob, note.id, '--body', bodies.bob, '--actor', 'Bob']);
  return { alice, bob, noteId: note.id };
}
