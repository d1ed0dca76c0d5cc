import { DossierError } from '../contract/errors';
import type { ExhibitRedactions } from './ExhibitRedactions';
import fs from 'node:fs/promises';
import { findLeaks, type Leak } from './findLeaks';
import { foldForMatching } from './foldedText';
import { packetWordingHolding } from './packetWordingHolding';
import { textHolds, valueSpans } from './valuePattern';

/** Every value an export redacted, once. */
export function redactedValues(exhibits: readonly { redactions?: ExhibitRedactions | undefined }[]): string[] {
  return [...new Set(exhibits.flatMap((e) => (e.redactions && !e.redactions.sealed ? e.redactions.values.map((v) => v.value) : [])))];
}

/** The places of the leaks, one per file and kind of place, pages listed: "leak.pdf pages 2, 4 (page text)". */
function placesOf(leaks: readonly Leak[]): string[] {
  const groups = new Map<string, { file: string; where: string; pages: Set<number> }>();
  for (const l of leaks) {
    const key = `${l.file}\u0000${l.where}`;
    const g = groups.get(key) ?? { file: l.file, where: l.where, pages: new Set<number>() };
    if (l.page !== null) g.pages.add(l.page);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const pages = [...g.pages].sort((a, b) => a - b);
    return `${g.file}${pages.length > 0 ? ` page${pages.length > 1 ? 's' : ''} ${pages.join(', ')}` : ''} (${g.where})`;
  });
}

/** A file name with every redacted value in it masked, fit to print in a message or a log. */
function maskedName(name: string, values: readonly string[]): string {
  return values.reduce((n, v) => {
    const spans = valueSpans(foldForMatching(n), v);
    return spans.reduceRight((out, s) => `${out.slice(0, s.start)}[redacted value]${out.slice(s.end)}`, n);
  }, name);
}

/** Leaks in a written file that is not a PDF (the ECF attachment lists), read as UTF-8 text. */
async function findTextLeaks(file: string, values: readonly string[], label: string): Promise<Leak[]> {
  const text = await fs.readFile(file, 'utf8');
  return values.filter((v) => textHolds(text, v)).map((value) => ({ file: label, page: null, where: 'file text' as const, value }));
}

/**
 * Proves a public packet holds none of its redacted values before it is published: each written
 * file is read back (a PDF in every place text can hide: findLeaks; the ECF lists as text) and
 * searched, and so is its name (an ECF exhibit file is named after the exhibit's title). Any hit
 * fails the export, naming the file and page, so nothing is published; the values themselves are
 * not repeated in the message (it may be logged), not even inside a file name.
 */
export async function assertNoLeaks(files: readonly { path: string; name: string }[], values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  const leaks: Leak[] = [];
  for (const f of files) {
    const label = maskedName(f.name, values);
    for (const value of values) if (textHolds(f.name, value)) leaks.push({ file: label, page: null, where: 'file name', value });
    leaks.push(...(/\.pdf$/i.test(f.name) ? await findLeaks(f.path, values, label) : await findTextLeaks(f.path, values, label)));
  }
  if (leaks.length === 0) return;
  const places = placesOf(leaks);
  const leaked = [...new Set(leaks.map((l) => l.value))];
  // Exported with --force past packet --check's REDACTION_VALUE_IN_PACKET_WORDING: said, still refused.
  const wording = leaked.filter((v) => packetWordingHolding(v) !== undefined).length;
  const ownWording = wording > 0 ? ` ${wording} of them ${wording === 1 ? 'is a word' : 'are words'} Dossier's own packet wording holds (packet --check names the exhibit): reject that redaction and redact a more specific text.` : '';
  throw new DossierError(
    'REDACTION_LEAK',
    `The public packet still holds ${leaked.length} redacted value(s), at ${places.slice(0, 8).join('; ')}${places.length > 8 ? ` and ${places.length - 8} more place(s)` : ''}; nothing was written.${ownWording} Remove the value from exhibit titles and descriptions, or redact it where it is, in every exhibit that holds it, and export again. Where no reader shows it (found only in a 'content stream' or 'object strings': an image's metadata, an object a page carries unpainted), leave that exhibit out or file the set under seal.`,
    { places },
  );
}
