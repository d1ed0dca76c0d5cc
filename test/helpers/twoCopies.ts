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
