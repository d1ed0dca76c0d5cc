import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleControlProblem } from '../../../src-main/contract/controlCharacters';
import { updateEvidence } from '../../../src-main/evidence/evidenceService';
import { importEvidence } from '../../../src-main/evidence/importEvidence';
import { tempDir } from '../../helpers/tempDir';
import { newTestCase } from '../../helpers/testCase';

describe('a file whose name carries escape sequences and a right-to-left override', () => {
  it('keeps the raw name as the original name, takes a title a user could have typed, and flags the name', async () => {
    const cf = newTestCase();
    const name = 'invoice\u001b[31mRED\u202Efdp.exe';
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, 'MZ not really a pdf');
    const { items } = await importEvidence(cf, [file]);
    const { evidence, warnings } = items[0]!;
    expect(evidence.original_name).toBe(name);
    // The title is shown in lists, packets and terminals: its controls are spelled out, never live.
    expect(evidence.title).toBe('invoice\\x1b[31mRED\\u202efdp.exe');
    expect(titleControlProblem(evidence.title)).toBeNull();
    expect(warnings?.[0]).toMatch(/bidirectional override/);
    // And the exhibit stays editable through the contract's own title rule.
    expect(updateEvidence(cf, evidence.id, { title: evidence.title, description: 'checked' }).description).toBe('checked');
  });
});
