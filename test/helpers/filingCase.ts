import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dossierJson } from './dossierInProcess';

/** Flags every filing in these tests signs with (a filing profile needs a declarant, title and place). */
export const SIGNED = ['--declarant', 'Jane Roe', '--declarant-role', 'Senior Investigator, Example Corp.', '--place', 'Redmond, Washington'];

/**
 * A case as counsel would file it: two exhibits, one acquired on 2024-03-01 with no hash recorded
 * at acquisition, one imported only (the newest fact is its import today).
 */
export async function filingCase(dir: string, opts: { bigLog?: boolean } = {}): Promise<{ file: string; ids: string[] }> {
  const file = path.join(dir, 'storm.dossier');
  await dossierJson(['new', file, '--title', 'Microsoft v. Does', '--code-name', 'STORM', '--docket', '1:24-cv-01234']);
  const shot = path.join(dir, 'storefront.txt');
  fs.writeFileSync(shot, 'Hotmailbox storefront as seen on 2024-03-01\n');
  const log = path.join(dir, 'access.log');
  fs.writeFileSync(log, opts.bigLog ? `${'GET /api/solve 200 captcha=1 '.repeat(48)}\n`.repeat(1000) : 'GET /api/solve 200\n');
  const a = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, shot, '--acquired-at', '2024-03-01', '--acquired-by', 'A. Investigator', '--source', 'https://hotmailbox.me/']);
  const b = await dossierJson<{ items: { evidence: { id: string } }[] }>(['evidence', 'add', file, log]);
  return { file, ids: [a.items[0]!.evidence.id, b.items[0]!.evidence.id] };
}


/** The Bates number stamped on each page of a PDF (the footer: the last STORM number on the page), in page order (pdftotext). */
export function batesOf(file: string): number[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => Number([...page.matchAll(/STORM-(\d{6})/g)].at(-1)![1]));
}

/** A row of attachments.json, as an ECF export writes it. */
export interface AttachmentRow {
  number: number;
  file: string;
  description: string;
  batesFirst: string;
  batesLast: string;
  pages: number;
}
