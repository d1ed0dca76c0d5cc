import path from 'node:path';
import { dossierJson } from './dossierInProcess';
import { tempDir } from './tempDir';

/** A new case file made by `dossier new` in a fresh temp folder (the folder is returned too, for lists to import). */
export async function newCliCase(title = 't'): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', title]);
  return { dir, file };
}
