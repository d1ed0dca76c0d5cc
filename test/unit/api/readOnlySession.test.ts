import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../src-main/api/CaseSession';
import { dispatch } from '../../../src-main/api/dispatch';
import { openCaseFile } from '../../../src-main/casefile/openCaseFile';
import { fileSha256 } from '../../helpers/fileHash';
import { tempDir } from '../../helpers/tempDir';
import { ALICE, newTestCase } from '../../helpers/testCase';

describe('a case opened read-only over the contract', () => {
  it('verifies evidence without recording custody, refuses changes with READ_ONLY, and leaves the file as it was', async () => {
    const caseFile = newTestCase();
    const exhibit = path.join(tempDir(), 'capture.txt');
    fs.writeFileSync(exhibit, 'seized page as captured\n');
    const writer = new CaseSession(ALICE);
    writer.replace(caseFile);
    expect(await dispatch(writer, 'evidence.import', { paths: [exhibit] })).toMatchObject({ ok: true });
    writer.close();
    const before = fileSha256(caseFile.path);

    const reader = new CaseSession(ALICE);
    reader.replace(openCaseFile(caseFile.path, { actor: ALICE, readonly: true }));
    try {
      const verified = await dispatch(reader, 'evidence.verify', {});
      expect(verified).toMatchObject({ ok: true, value: [{ ok: true, custody_recorded: false, message: expect.stringContaining('custody event was not recorded') }] });
      const note = await dispatch(reader, 'notes.create', { title: 'Not saved', body: '' });
      expect(note).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      const imported = await dispatch(reader, 'evidence.import', { paths: [exhibit] });
      expect(imported).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      expect(await dispatch(reader, 'audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      reader.close();
    }
    expect(fileSha256(caseFile.path)).toBe(before);
  });
});
