import fs from 'node:fs';
import path from 'node:path';
import { closeCaseFile, openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { noteService } from '../../../src-main/notes/noteService';
import type { DossierHarness } from './DossierHarness';

/**
 * An edit/edit conflict on the seeded case's first note: I edit it, a teammate (Bob Counsel) edits it
 * a minute later by their clock on a copy, and I merge that copy. Returns the note's id.
 */
export async function mergeEditConflict(harness: DossierHarness, bodies: { mine: string; theirs: string }): Promise<string> {
  const file = harness.session.caseFile.path;
  const note = (await harness.call('items.list', { kind: 'note' })).items[0]!;
  const copy = path.join(path.dirname(file), 'teammate.dossier');
  fs.copyFileSync(file, copy);
  await harness.call('notes.update', { id: note.id, patch: { body: bodies.mine } });
  const teammate = openCaseFile(copy, { actor: { name: 'Bob Counsel', device: 'bob-desktop' }, wallClock: () => Date.now() + 60_000 });
  noteService.update(teammate, note.id, { body: bodies.theirs });
  closeCaseFile(teammate);
  await harness.call('case.merge', { otherPath: copy });
  return note.id;
}
