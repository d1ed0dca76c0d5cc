import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../src-main/contract/redaction';
import { dossier, dossierJson } from '../helpers/dossierInProcess';
import { packetArgs, SECRETS, writeRedactionFixtures } from '../helpers/redactionFixtures';
import { tempDir } from '../helpers/tempDir';

interface PacketReport {
  productionId: string;
  totalPages: number;
  exhibits: { label: string; batesFirstLabel: string; batesLastLabel: string; rendering: string; redacted?: { places: number; sha256: string } }[];
  volumes: { path: string }[];
  warnings: { code: string; message: string }[];
}

const REDACTED = [SECRETS.cardValid, SECRETS.cardValid2, SECRETS.ssn, SECRETS.dob, SECRETS.iban, SECRETS.account] as const;
const digitsOf = (v: string) => v.replace(/[^0-9A-Za-z]/g, '');

/** Every spelling the issue asks about: as written, and with the separators gone. */
function findsAny(text: string, values: readonly string[]): string[] {
  const compact = text.replace(/[^0-9A-Za-z]/g, '');
  return values.filter((v) => text.includes(v) || compact.includes(digitsOf(v)));
}

async function redactionCase(dir: string, options: { plantAnnotation?: boolean } = {}) {
  const fx = await writeRedactionFixtures(dir, options);
  const file = path.join(dir, 'case.dossier');
  await dossierJson(['new', file, '--title', 'Storm-1152 payments']);
  await dossierJson(['evidence', 'add', file, fx.csv, fx.text, fx.email, fx.pdf, fx.png]);
  await dossierJson(['redact', 'scan', file]);
  return { file, fx };
}

async function acceptAll(file: string): Promise<void> {
  for (const r of await dossierJson<Redaction[]>(['redact', 'list', file, '--status', 'pending'])) await dossierJson(['redact', 'accept', file, r.id]);
}

describe('redacted packets (Fed. R. Civ. P. 5.2)', () => {
  it('burns redactions into the public packet, proves no redacted value is left, and keeps a sealed set with the same Bates numbers', async () => {
    const dir = tempDir();
    const { file, fx } = await redactionCase(dir, { plantAnnotation: true });

    // Unreviewed candidates are errors for a public filing, not for a sealed one.
    const check = await dossier(['packet', file, '--check', '--json']);
    const problems = JSON.parse(check.stdout) as { severity: string; code: string; message: string }[];
    expect(problems.filter((p) => p.code === 'REDACTION_UNREVIEWED').map((p) => p.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(check.status).toBe(2);
    expect(problems.filter((p) => p.code === 'REDACTION_IN_GENERATED_TEXT')).toEqual([]);
    const sealedCheck = JSON.parse((await dossier(['packet', file, '--check', '--sealed', '--json'])).stdout) as { code: string }[];
    expect(sealedCheck.some((p) => p.code === 'REDACTION_UNREVIEWED')).toBe(false);

    await acceptAll(file);
    await dossierJson(['redact', 'add', file, 'Exhibit 5', '--page', '1', '--box', Object.values(fx.pngBox).join(','), '--reason', 'ID number']);
    const recheck = JSON.parse((await dossier(['packet', file, '--check', '--json'])).stdout) as { code: string }[];
    expect(recheck.some((p) => p.code === 'REDACTION_UNREVIEWED')).toBe(false);

    const publicPdf = path.join(dir, 'public.pdf');
    const pub = await dossierJson<PacketReport>(packetArgs(file, publicPdf));
    const text = execFileSync('pdftotext', ['-layout', publicPdf, '-'], { encoding: 'utf8' });
    expect(findsAny(text, REDACTED)).toEqual([]);
    const qdf = path.join(dir, 'public-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', publicPdf, qdf]);
    const strings = execFileSync('strings', [qdf], { encoding: 'latin1', maxBuffer: 1 << 28 });
    expect(findsAny(strings, REDACTED)).toEqual([]);
    // What the rule keeps is there; the invalid card number was never a candidate and stays.
    expect(text).toContain('XXXX XXXX XXXX 1111');
    expect(text).toContain('XXXXXXXXXXXX4444');
    expect(text).toContain('XXX-XX-6789');
    expect(text).toContain('XX/XX/1985');
    expect(text).toContain('XXXX XXXX XXXX XXXX XX30 00');
    expect(text).toMatch(/Account No\.\s*XXXXXXXX6789/);
    expect(text).toContain(SECRETS.cardInvalid);
    // Each place printed in a text or e-mail exhibit carries the label of its subsection.
    const flat = text.replace(/\s+/g, ' ');
    for (const labelled of ['XXX-XX-6789 [REDACTED - FRCP 5.2(a)(1)]', 'XX/XX/1985 [REDACTED - FRCP 5.2(a)(2)]', 'XXXX XXXX XXXX 1111 [REDACTED - FRCP 5.2(a)(4)]', 'XXXX XXXX XXXX XXXX XX30 00 [REDACTED - FRCP 5.2(a)(4)]']) expect(flat).toContain(labelled);
    // The rasterised page is still searchable for its other words, and labelled.
    expect(text).toMatch(/Transfers\s+to\s+the\s+marketplace\s+operator\s+wallet/);
    expect(text).toContain('REDACTED - FRCP 5.2(a)(4)');
    // Index and declaration say what was redacted; each redacted rendering has its own SHA-256.
    expect(text).toMatch(/Redacted under Fed\./);
    expect(text.replace(/\s+/g, ' ')).toMatch(/redacted under Federal Rule of Civil Procedure 5\.2\(a\)/);
    const redacted = pub.exhibits.filter((e) => e.redacted);
    expect(redacted.map((e) => e.label)).toEqual(['Exhibit 1', 'Exhibit 2', 'Exhibit 3', 'Exhibit 4', 'Exhibit 5']);
    // Hashes are set in two lines of 32 digits, as the index sets the originals'.
    for (const e of redacted) for (const half of [e.redacted!.sha256.slice(0, 32), e.redacted!.sha256.slice(32)]) expect(text).toContain(half);

    const sealedPdf = path.join(dir, 'sealed.pdf');
    // The sealed set is the same production unredacted (its frozen Bates numbers), whatever the
    // public export added to the case since (custody events, the production itself).
    const sealed = await dossierJson<PacketReport>(['packet', file, '--out', sealedPdf, '--production', pub.productionId, '--sealed']);
    expect(sealed.productionId).toBe(pub.productionId);
    expect(sealed.totalPages).toBe(pub.totalPages);
    expect(sealed.exhibits.map((e) => [e.label, e.batesFirstLabel, e.batesLastLabel])).toEqual(pub.exhibits.map((e) => [e.label, e.batesFirstLabel, e.batesLastLabel]));
    expect(sealed.exhibits.map((e) => e.redacted)).toEqual(pub.exhibits.map((e) => e.redacted));
    const sealedText = execFileSync('pdftotext', [sealedPdf, '-'], { encoding: 'utf8' });
    const listPdf = path.join(dir, 'reference-list.pdf');
    const list = await dossierJson<{ entries: number; sha256: string }>(['packet', file, '--reference-list', listPdf]);
    expect(list.entries).toBe(REDACTED.length);
    const listText = execFileSync('pdftotext', ['-layout', listPdf, '-'], { encoding: 'utf8' });
    expect(listText).toContain('FILED UNDER SEAL');
    for (const [value, kept] of [[SECRETS.ssn, 'XXX-XX-6789'], [SECRETS.account, 'XXXXXXXX6789'], [SECRETS.dob, 'XX/XX/1985']]) expect(listText).toMatch(new RegExp(`${value}\\s+${kept}`));
    expect(findsAny(sealedText, REDACTED)).toEqual([...REDACTED]);
    expect(sealedText.match(/FILED UNDER SEAL/g)?.length).toBe(sealed.totalPages);

    // A list for a packet of some exhibits names the identifiers of those exhibits only (it listed every exhibit's).
    const exhibitsIn = (pdf: string) => [...new Set(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).match(/^\s*Exhibit \d+/gm)!.map((m) => m.trim()))];
    const oneList = path.join(dir, 'reference-list-one.pdf');
    const one = await dossierJson<{ entries: number }>(['packet', file, '--exhibits', '2', '--reference-list', oneList]);
    expect(exhibitsIn(oneList)).toEqual(['Exhibit 2']);
    expect(one.entries).toBeLessThan(REDACTED.length);
    // With --production, the production's exhibits.
    const productionList = path.join(dir, 'reference-list-production.pdf');
    expect((await dossierJson<{ entries: number }>(['packet', file, '--production', pub.productionId, '--reference-list', productionList])).entries).toBe(REDACTED.length);

  });

  it('fails the export, naming the page, when a redacted value is still in the output (planted in an exhibit title)', async () => {
    const dir = tempDir();
    const { file } = await redactionCase(dir);
    await acceptAll(file);
    const letter = (await dossierJson<{ items: { id: string; title: string }[] }>(['list', file, 'evidence'])).items.find((e) => e.title === 'victim-letter.txt')!;
    await dossierJson(['edit', file, letter.id, '--title', `Letter (SSN ${SECRETS.ssn})`]);
    const check = JSON.parse((await dossier(['packet', file, '--check', '--json'])).stdout) as { code: string; message: string }[];
    expect(check.filter((p) => p.code === 'REDACTION_IN_GENERATED_TEXT').map((p) => p.message)).toEqual([
      "SSN found in Exhibit 2's title, file name, source or description, which the packet prints as typed: reword it (dossier edit) or file the set under seal (--sealed).",
    ]);
    const out = path.join(dir, 'leak.pdf');
    // The check refuses it; --force gets past the check but never past the proof on the written file.
    expect((await dossier(packetArgs(file, out))).status).toBe(2);
    const result = await dossier(packetArgs(file, out, '--force'));
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/REDACTION_LEAK/);
    expect(result.stderr).toMatch(/leak\.pdf pages? \d+(, \d+)* \(page text\)/);
    expect(result.stderr).not.toContain(SECRETS.ssn);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.includes('leak.pdf'))).toEqual([]);
  });

  it('fails the export when an exhibit with redactions cannot be redacted (an encrypted PDF), never printing it unredacted', async () => {
    const dir = tempDir();
    const fx = await writeRedactionFixtures(dir);
    const locked = path.join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', fx.pdf, locked]);
    const file = path.join(dir, 'case.dossier');
    await dossierJson(['new', file, '--title', 'Locked']);
    await dossierJson(['evidence', 'add', file, locked]);
    await dossierJson(['redact', 'add', file, '1', '--page', '1', '--box', '72,120,300,20']);
    // Its text layer opens with the empty user password: the account number in it is reviewed too.
    await dossierJson(['redact', 'scan', file]);
    await acceptAll(file);
    const out = path.join(dir, 'public.pdf');
    // The check draws each exhibit as the export does (to measure it), so it finds this first (exit 2).
    const result = await dossier(packetArgs(file, out));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/PACKET_FAILED\] Exhibit 1 could not be redacted .*nothing was written/);
    expect(fs.existsSync(out)).toBe(false);
    // --force passes over the check, not over this: the export itself fails and writes nothing.
    const forced = await dossier(packetArgs(file, out, '--force'));
    expect(forced.status).toBe(1);
    expect(forced.stderr).toMatch(/Exhibit 1 could not be redacted .*nothing was written.*PACKET_FAILED/);
    expect(fs.existsSync(out)).toBe(false);
    // The sealed set shows it as any encrypted PDF (slip sheet, produced natively).
    expect((await dossier(packetArgs(file, path.join(dir, 'sealed.pdf'), '--sealed'))).status).toBe(0);
  });
});
