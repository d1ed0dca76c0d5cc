import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/runCli';
import { tempDir } from '../../helpers/tempDir';

/*
 * Adversarial reproduction (expected to FAIL until fixed). `note add --body-file` reads a file
 * that is not UTF-8 (here Windows-1252/Latin-1, as notes exported from older tools are) and stores
 * it with every non-ASCII byte replaced by U+FFFD, silently: "Paid to José Müller £500" becomes
 * "Paid to Jos� M�ller �500", exit 0. A person's name and the currency of a payment are lost from
 * the case record with no warning. `site import` refuses an encoding it cannot read
 * (ENCODING_UNSUPPORTED); a note body must not be altered either. Expected: refused (exit 2,
 * naming the file and the encoding problem), or read faithfully; never stored with U+FFFD that
 * the file did not contain.
 */
describe('a note body read from a file is stored as the file says', () => {
  it('does not replace a Latin-1 file\'s letters with U+FFFD', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.dossier');
    runCliJson(['new', file, '--title', 'Encoding']);
    const body = path.join(dir, 'latin1.md');
    fs.writeFileSync(body, Buffer.from('Paid to Jos\xe9 M\xfcller \xa3500\n', 'latin1'));
    const added = runCli(['note', 'add', file, '--title', 'Payment', '--body-file', body, '--json']);
    if (added.status !== 0) {
      expect(added.status).toBe(2);
      expect(added.stderr).toMatch(/UTF-8|encoding/i);
      return;
    }
    const note = JSON.parse(added.stdout) as { body: string };
    expect(note.body, 'the stored note lost letters the file holds').not.toContain('\uFFFD');
  });
});
