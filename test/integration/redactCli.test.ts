import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Redaction, RedactionScanReport } from '../../src-main/contract/redaction';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { SECRETS, writeRedactionFixtures } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

describe('dossier redact', () => {
  it('scans, lists per exhibit, accepts, rejects and adds by text and box, each with --json', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Redaction']);
    await dossierJson(['evidence', 'add', file, fx.text, fx.png]);
    const scan = await dossierJson<RedactionScanReport>(['redact', 'scan', file]);
    expect(scan).toMatchObject({ exhibitsScanned: 1, added: 2, notScanned: [{ exhibit: 'Exhibit 2' }] });
    const listed = await dossierJson<Redaction[]>(['redact', 'list', file, 'Exhibit 1']);
    expect(listed.map((r) => [r.category, r.value, r.kept])).toEqual([
      ['ssn', SECRETS.ssn, 'XXX-XX-6789'],
      ['birth_date', SECRETS.dob, 'XX/XX/1985'],
    ]);
    const accepted = await dossierJson<Redaction>(['redact', 'accept', file, listed[0]!.id, '--reason', 'victim SSN']);
    expect(accepted).toMatchObject({ status: 'accepted', decided_by: 'CLI Tester', reason: 'victim SSN' });
    expect((await dossierJson<Redaction>(['redact', 'reject', file, listed[1]!.id])).status).toBe('rejected');
    const byText = await dossierJson<Redaction>(['redact', 'add', file, '1', '--text', 'Jane Roe', '--category', 'minor_name']);
    expect(byText.kept).toBe('J.R.');
    const byBox = await dossierJson<Redaction>(['redact', 'add', file, '2', '--page', '1', '--box', '100,120,200,55']);
    expect(byBox.box).toEqual({ x: 100, y: 120, w: 200, h: 55 });
    expect((await dossierJson<Redaction[]>(['redact', 'list', file, '--status', 'accepted'])).map((r) => r.id).sort()).toEqual([accepted.id, byText.id, byBox.id].sort());

    const human = await dossier(['redact', 'list', file, '1']);
    expect(human.stdout).toContain('FRCP 5.2(a)(1)');
    expect(human.stdout).toMatch(/^Exhibit 1 +rejected +birth_date/m);
    const bad = await dossier(['redact', 'add', file, '2', '--page', '1', '--box', '1,2,3']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--box takes x,y,w,h/);
    const both = await dossier(['redact', 'add', file, '2', '--text', 'x', '--page', '1', '--box', '1,2,3,4']);
    expect(both.stderr).toMatch(/Give --text/);
    const unknown = await dossier(['redact', 'accept', file, '01890000-0000-7000-8000-000000000000']);
    expect(unknown.stderr).toMatch(/No redaction with id/);
  });
});
