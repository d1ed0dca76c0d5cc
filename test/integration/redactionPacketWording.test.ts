import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { nowIso } from '../../src-main/casefile/ids';
import type { Redaction } from '../../src-main/contract/redaction';
import { findExhibit } from '../../src-main/redaction/findExhibit';
import { packetWordingHolding } from '../../src-main/redaction/packetWordingHolding';
import { redactionSpec } from '../../src-main/redaction/redactionSpec';
import { insertRecord } from '../../src-main/records/insertRecord';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { packetArgs } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';
import { ALICE } from '../helpers/testCase';

/** A chat log whose words are also Dossier's headings and labels, beside a name to redact. */
async function chatCase(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const chat = path.join(dir, 'chat.txt');
  fs.writeFileSync(chat, 'Declaration of the seller, sent 2024-02-01\nHash of the wallet: Jane Roe\nContact Court clerk Jane Roe\n');
  const file = path.join(dir, 'case.dossier');
  await dossierJson(['new', file, '--title', 'Chat']);
  await dossierJson(['evidence', 'add', file, chat]);
  return { dir, file };
}

/** A redaction stored as a copy made before values of Dossier's wording were refused holds it (or one merged from such a copy). */
function storeRedactionAsBefore(file: string, text: string): void {
  const c = openCaseFile(file, { actor: ALICE });
  try {
    const exhibit = findExhibit(c, '1');
    insertRecord(c, redactionSpec, {
      evidence_id: exhibit.id, source: 'manual', category: 'other', rule: '5.2(a)', page: null, span_start: null, span_end: null, box: null,
      value: text, kept: '', context: text, status: 'accepted', decided_by: ALICE.name, decided_at: nowIso(), reason: null,
    });
  } finally {
    closeCaseFile(c);
  }
}

describe("a text redaction of a word Dossier's own packet wording holds", () => {
  it('is refused when it is added, naming the wording that holds it and a more specific text from the exhibit', async () => {
    const { file } = await chatCase();
    for (const [word, wording] of [['Hash', /Hash/], ['Declaration', /Declaration/i], ['Court', /Court/i]] as const) {
      const result = await dossier(['redact', 'add', file, '1', '--text', word]);
      expect(result.status, word).toBe(2);
      expect(result.stderr).toContain(`"${word}" cannot be redacted as text: Dossier's own wording in filing packets holds it`);
      // The wording named is a line that holds the word, as counsel can find it in any packet.
      const quoted = /holds it \("([^"]+)"/.exec(result.stderr)?.[1];
      expect(quoted, result.stderr).toMatch(wording);
      expect(result.stderr).toMatch(/Redact a more specific text as the exhibit has it/);
      expect(result.stderr).toContain('[INVALID_REQUEST]');
    }
    // The suggestion is the word with what follows it in the exhibit, which no packet wording holds.
    const hash = await dossier(['redact', 'add', file, '1', '--text', 'Hash']);
    const suggested = /e\.g\. "([^"]+)"/.exec(hash.stderr)?.[1];
    expect(suggested).toBe('Hash of');
    expect(packetWordingHolding(suggested!)).toBeUndefined();
    expect(await dossierJson<Redaction[]>(['redact', 'list', file])).toEqual([]);

    // The more specific text is redacted, and the public packet exports and holds none of it.
    await dossierJson(['redact', 'add', file, '1', '--text', 'Hash of the wallet: Jane Roe']);
    const dir = path.dirname(file);
    const pub = path.join(dir, 'public.pdf');
    const exported = await dossier(packetArgs(file, pub));
    expect(exported.status, exported.stderr).toBe(0);
    const shown = execFileSync('pdftotext', [pub, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(shown).not.toContain('wallet: Jane Roe');
    expect(shown).toContain('[REDACTED - personal data]');
    // Dossier's own "Hash" still prints: it was never the case's.
    expect(shown).toContain('AUDIT CHAIN AND CASE FILE HASH');
  });

  it('stored before the rule (or merged from such a copy): packet --check reports it, and no export passes the leak check with it, not even --force', async () => {
    const { dir, file } = await chatCase();
    storeRedactionAsBefore(file, 'Hash');
    const check = await dossier(['packet', file, '--check', '--declarant', 'Jane Doe', '--declarant-role', 'Agent', '--place', 'NYC', '--json']);
    const problems = JSON.parse(check.stdout) as { severity: string; code: string; message: string; exhibitId?: string }[];
    const wording = problems.filter((p) => p.code === 'REDACTION_VALUE_IN_PACKET_WORDING');
    expect(wording.map((p) => p.severity)).toEqual(['error']);
    expect(wording[0]!.exhibitId).toBeDefined();
    expect(wording[0]!.message).toMatch(/^Exhibit 1 has a text redaction of a word Dossier's own wording in filing packets holds \("[^"]*Hash[^"]*"/);
    // The message names the exhibit and the wording, not the value: check output may be logged.
    expect(wording[0]!.message).toContain('dossier redact reject');
    expect(check.status).toBe(2);

    const refused = await dossier(packetArgs(file, path.join(dir, 'public.pdf')));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('REDACTION_VALUE_IN_PACKET_WORDING');
    // --force passes the packet check, never the leak check: it still reads the whole packet.
    const forced = await dossier([...packetArgs(file, path.join(dir, 'forced.pdf')), '--force']);
    expect(forced.status).toBe(4);
    expect(forced.stderr).toContain('[REDACTION_LEAK]');
    expect(forced.stderr).toContain("1 of them is a word Dossier's own packet wording holds");
    expect(fs.existsSync(path.join(dir, 'forced.pdf'))).toBe(false);
  });

  it('case data dressed as Dossier wording is still a leak: an exhibit title copying a heading around a redacted name fails the export', async () => {
    const { dir, file } = await chatCase();
    await dossierJson(['redact', 'add', file, '1', '--text', 'Jane Roe']);
    const { items } = await dossierJson<{ items: { id: string }[] }>(['list', file, 'evidence']);
    await dossierJson(['edit', file, items[0]!.id, '--title', 'AUDIT CHAIN AND CASE FILE HASH Jane Roe']);
    const forced = await dossier([...packetArgs(file, path.join(dir, 'public.pdf')), '--force']);
    expect(forced.status).toBe(4);
    expect(forced.stderr).toContain('[REDACTION_LEAK]');
  });
});
