import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../src-main/contract/redaction';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { writeRedactionFixtures } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

interface Problem { severity: string; code: string; message: string; exhibitId?: string }

const filing = ['--declarant', 'Jane Roe', '--declarant-role', 'Special Agent', '--place', 'New York, New York', '--layout', 'combined'];

describe('a public filing whose exhibits nobody scanned for Rule 5.2 identifiers', () => {
  it('is refused by --check and by export, naming each exhibit and what it holds; scanning and reviewing clears it; a sealed set is not held up', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Storm-1152 payments']);
    await dossierJson(['evidence', 'add', file, fx.csv, fx.text]);

    // No `redact scan` was ever run: nothing is recorded, yet the exhibits hold card numbers, an SSN, a birth date.
    const check = await dossier(['packet', file, '--check', '--json', ...filing]);
    const problems = JSON.parse(check.stdout) as Problem[];
    const unscanned = problems.filter((p) => p.code === 'REDACTION_NOT_REVIEWED');
    expect(unscanned.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(unscanned[0]!.message).toContain('Exhibit 1');
    expect(unscanned[0]!.message).toMatch(/\b2 payment card/);
    expect(unscanned[1]!.message).toContain('Exhibit 2');
    expect(unscanned[1]!.message).toMatch(/\b1 SSN\b/);
    expect(unscanned[1]!.message).toMatch(/\b1 date of birth/);
    // The finding never prints the identifier it warns about.
    expect(check.stdout).not.toContain('123-45-6789');
    expect(check.stdout).not.toContain('4111 1111 1111 1111');
    expect(check.status).toBe(2);

    const exported = await dossier(['packet', file, '--out', path.join(dir, 'public.pdf'), ...filing]);
    expect(exported.status).toBe(2);
    expect(exported.stderr).toContain('REDACTION_NOT_REVIEWED');

    const sealed = JSON.parse((await dossier(['packet', file, '--check', '--json', '--sealed', ...filing])).stdout) as Problem[];
    expect(sealed.some((p) => p.code === 'REDACTION_NOT_REVIEWED')).toBe(false);

    // Scanning turns them into candidates (reported as unreviewed); deciding each one clears both findings.
    await dossierJson(['redact', 'scan', file]);
    const afterScan = JSON.parse((await dossier(['packet', file, '--check', '--json', ...filing])).stdout) as Problem[];
    expect(afterScan.some((p) => p.code === 'REDACTION_NOT_REVIEWED')).toBe(false);
    expect(afterScan.some((p) => p.code === 'REDACTION_UNREVIEWED')).toBe(true);
    for (const r of await dossierJson<Redaction[]>(['redact', 'list', file, '--status', 'pending'])) {
      await dossierJson(r.category === 'ssn' ? ['redact', 'reject', file, r.id, '--reason', 'a test value'] : ['redact', 'accept', file, r.id]);
    }
    const reviewed = await dossier(['packet', file, '--check', '--json', ...filing]);
    expect((JSON.parse(reviewed.stdout) as Problem[]).filter((p) => p.code.startsWith('REDACTION_'))).toEqual([]);
  });
});
