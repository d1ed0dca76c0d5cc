import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCaseFile, openCaseFile } from '../../src-main/casefile/openCaseFile';
import { addCustodyEvent } from '../../src-main/evidence/custody';
import { casePacketInput } from '../../src-main/packet/casePacketInput';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { tempDir } from '../helpers/tempDir';

/*
 * The one-line rule for what a filing packet prints on one line: the actor, an exhibit's label,
 * acquirer and source, custody parties, location and purpose, the caption's parties and counsel,
 * the declarant. Typed today they are refused; stored earlier (an older version, a merge) they
 * are printed spelled out (\x0a), never as a line of their own in the sworn declaration.
 */
async function caseWithExhibit(): Promise<{ dir: string; file: string; exhibit: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'c.dossier');
  await dossierJson(['new', file, '--title', 'One line', '--code-name', 'ONE']);
  const log = path.join(dir, 'log.txt');
  fs.writeFileSync(log, 'log line\n');
  const added = await dossierJson<{ items?: { id: string }[]; id?: string }[] | { items?: { id: string }[] }>(['evidence', 'add', file, log, '--acquired-by', 'Jane Roe']);
  void added;
  const listed = await dossierJson<{ items: { id: string }[] }>(['list', file, 'evidence']);
  return { dir, file, exhibit: listed.items[0]!.id };
}

describe('one-line packet fields', () => {
  it('refuses a control or bidi character where a packet prints the value on one line (exit 2)', async () => {
    const { dir, file, exhibit } = await caseWithExhibit();
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'other\n');
    const refused: [string[], RegExp][] = [
      [['evidence', 'add', file, other, '--label', 'Exhibit 9\nFORGED'], /--label must not contain control characters/],
      [['evidence', 'add', file, other, '--label', 'Exhibit \u202E9'], /--label must not contain bidirectional/],
      [['evidence', 'add', file, other, '--acquired-by', 'Jane\nFORGED'], /--acquired-by must not contain control characters/],
      [['evidence', 'add', file, other, '--source', 'https://x.example/\nFORGED'], /--source must not contain control characters/],
      [['edit', file, exhibit, '--exhibit-label', 'Exhibit 1\nFORGED'], /--exhibit-label must not contain control characters/],
      [['custody', 'transfer', file, exhibit, '--to', 'Lab\nFORGED'], /--to must not contain control characters/],
      [['custody', 'transfer', file, exhibit, '--to', 'Lab', '--purpose', 'Analysis\nFORGED'], /--purpose must not contain control characters/],
      [['party', 'add', file, '--role', 'defendant', '--name', 'John Does\nFORGED'], /must not contain control characters/],
      [['counsel', 'set', file, '--name', 'A. Lawyer\u202E'], /must not contain bidirectional/],
      [['packet', file, '--out', path.join(dir, 'p.pdf'), '--draft', '--declarant', 'Jane\nFORGED'], /--declarant must not contain control characters/],
      [['packet', file, '--out', path.join(dir, 'p.pdf'), '--draft', '--declarant', 'Jane', '--place', 'Redmond\nFORGED'], /--place must not contain control characters/],
    ];
    for (const [args, message] of refused) {
      const result = await dossier(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    const actor = await dossier(['evidence', 'add', file, other], { env: { DOSSIER_ACTOR: 'Jane Roe\nIndependently verified' } });
    expect(actor.status).toBe(2);
    expect(actor.stderr).toMatch(/actor name .*must not contain control characters.*\[CONTROL_CHARACTER\]/);
    expect((await dossierJson<{ items: unknown[] }>(['list', file, 'evidence'])).items).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'p.pdf'))).toBe(false);
  });

  it('prints values stored before the rule spelled out, never as lines of their own', async () => {
    const { dir, file, exhibit } = await caseWithExhibit();
    // An older version (or a teammate's copy) stored these as typed.
    const caseFile = openCaseFile(file, { actor: { name: 'Old Actor\nFORGED-ACTOR', device: 'old-device' } });
    try {
      addCustodyEvent(caseFile, { evidence_id: exhibit, action: 'transferred', from_party: 'Bob\nFORGED-FROM', to_party: 'Lab\nFORGED-TO', location: '/vault/a\nFORGED-LOCATION', purpose: 'Analysis\nFORGED-PURPOSE' });
    } finally {
      closeCaseFile(caseFile);
    }
    await dossierJson(['party', 'add', file, '--role', 'defendant', '--name', 'John Does 1-2']);
    await dossierJson(['counsel', 'set', file, '--name', 'A. Lawyer']);
    const db = new Database(file);
    db.prepare('UPDATE evidence SET exhibit_label = ?, acquired_by = ?, source_url = ? WHERE id = ?').run('Exhibit 1\nFORGED-LABEL', 'Jane\nFORGED-ACQUIRER', 'https://x.example/\nFORGED-SOURCE', exhibit);
    db.prepare('UPDATE filing_caption SET parties = ?, counsel = ?').run(
      JSON.stringify([{ role: 'defendant', name: 'John Does 1-2\nFORGED-PARTY' }]),
      JSON.stringify([{ name: 'A. Lawyer\nFORGED-COUNSEL' }]),
    );
    db.close();
    const out = path.join(dir, 'out', 'packet.pdf');
    fs.mkdirSync(path.dirname(out));
    const made = await dossier(['packet', file, '--out', out, '--draft', '--force', '--layout', 'ecf', '--declarant', 'Jane Roe', '--declarant-role', 'Investigator', '--place', 'Redmond, Washington']);
    expect(made.status, made.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    // (The acquirer and source are checked on the packet's input below: the index wraps them in narrow cells.)
    for (const forged of ['ACTOR', 'LABEL', 'FROM', 'TO', 'PURPOSE', 'PARTY', 'COUNSEL']) {
      expect(text, forged).toMatch(new RegExp(`\\\\(x0a|X0A)FORGED-${forged}`));
    }
    expect(text).toContain('file a\\x0aFORGED-LOCATION');
    expect(text.split('\n').filter((l) => /^\s*FORGED-/.test(l))).toEqual([]);
    // The ECF file named after the label holds no control character; attachments.csv spells it out.
    const names = fs.readdirSync(path.dirname(out));
    expect(names.filter((n) => /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(n))).toEqual([]);
    expect(fs.readFileSync(path.join(path.dirname(out), 'attachments.csv'), 'utf8')).toContain('Exhibit 1\\x0aFORGED-LABEL - log.txt');
    const reader = openCaseFile(file, { actor: { name: 'Reader', device: 'reader' }, readonly: true });
    try {
      const input = await casePacketInput(reader, { draft: true });
      expect(input.exhibits[0]).toMatchObject({ label: 'Exhibit 1\\x0aFORGED-LABEL', acquiredBy: 'Jane\\x0aFORGED-ACQUIRER', source: 'https://x.example/\\x0aFORGED-SOURCE' });
    } finally {
      closeCaseFile(reader);
    }
  });
});
