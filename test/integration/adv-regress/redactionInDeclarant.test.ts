import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossier, dossierJson } from '../../helpers/dossierInProcess';
import { filingCase, SIGNED } from '../../helpers/filingCase';
import { tempDir } from '../../helpers/tempDir';

// Adversarial finding (adv-regress): a text redaction of a suspect's surname that the declarant
// also bears ("Roe", declarant "Jane Roe") is accepted by redact add; packet --check reports no
// problem (REDACTION_IN_GENERATED_TEXT covers the caption, titles, custody, not the declarant,
// the declarant's title or the place); the public export then fails with REDACTION_LEAK, whose
// advice ("Remove the value from exhibit titles and descriptions") points at the wrong place.
describe('a redacted value the declaration prints (declarant, title, place)', () => {
  it('packet --check names it before the export refuses it', async () => {
    const dir = tempDir();
    const { file } = await filingCase(dir);
    const chat = path.join(dir, 'chat.txt');
    fs.writeFileSync(chat, 'Suspect: Richard Roe, phone 555-0100.\n');
    const added = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, chat]);
    const id = added.items[0]!.evidence.id;
    expect((await dossier(['redact', 'add', file, id, '--text', 'Roe', '--reason', 'suspect name'])).status).toBe(0);
    const check = await dossier(['packet', file, '--check', ...SIGNED, '--json']);
    const problems = JSON.parse(check.stdout) as { severity: string; code: string; message: string }[];
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const exported = await dossier(['packet', file, '--out', path.join(out, 'p.pdf'), ...SIGNED]);
    if (exported.status !== 0) {
      // The export refused: --check must have said why, naming the declaration.
      // (Lead: refused now by the check before any file is written, naming the declarant; or by the leak check.)
      expect(exported.stderr).toMatch(/REDACTION_LEAK|declarant's name/);
      expect(problems.filter((p) => p.severity === 'error').map((p) => p.message).join('\n')).toMatch(/declar/i);
    }
  });

  it('a first name that is a month ("May Chen") with a day in May the declaration prints: --check names it, or redact add refuses it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.dossier');
    await dossierJson(['new', file, '--title', 'T', '--code-name', 'STORM', '--docket', '1:24-cv-1']);
    await dossierJson(['caption', 'set', file, '--court', 'Court X']);
    const chat = path.join(dir, 'chat.txt');
    fs.writeFileSync(chat, 'Met with May Chen.\n');
    const added = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, chat, '--acquired-at', '2024-05-01', '--acquired-by', 'Ann']);
    const id = added.items[0]!.evidence.id;
    if ((await dossier(['redact', 'add', file, id, '--text', 'May', '--reason', 'name'])).status !== 0) return;
    const problems = JSON.parse((await dossier(['packet', file, '--check', ...SIGNED, '--json'])).stdout) as { severity: string; message: string }[];
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const exported = await dossier(['packet', file, '--out', path.join(out, 'p.pdf'), ...SIGNED]);
    if (exported.status !== 0) expect(problems.filter((p) => p.severity === 'error')).not.toEqual([]);
  });
});
