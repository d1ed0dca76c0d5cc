import fs from 'node:fs/promises';
import path from 'node:path';
import { openPdfJs } from '../evidence/openPdfJs';
import { pdfObjectText } from './pdfObjectText';
import { withEncodedWordsDecoded } from './encodedWords';
import { foldForMatching } from './foldedText';
import { compactForm, foldedTextHolds } from './valuePattern';

/** A redacted value found in a written file. */
export interface Leak {
  file: string;
  /** 1-based page of the file; null for document-level text (metadata, outline, attachments). */
  page: number | null;
  /** 'object strings' and 'content stream': found by reading the file's objects themselves (pdfObjectText). */
  where: 'page text' | 'annotation' | 'form field' | 'document information' | 'XMP metadata' | 'outline' | 'attachment' | 'object strings' | 'content stream' | 'file name' | 'file text';
  value: string;
}

/** Stands between runs of page text that are apart on the page: no spelling of a value is matched across it. */
const BARRIER = '\u0000';

interface PageItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * A page's text as pdf.js gives it (runs joined by a space, a line break at line ends), with a
 * BARRIER between two runs that do not continue each other: the next run neither follows on the
 * same line within a few characters' space nor starts the line below. Numbers far apart on a page
 * (an overview's tile labels "1", "2", ... "9") are not one number; a value split into runs,
 * glyph by glyph or across a wrapped line, still is.
 */
export function pageTextWithBarriers(items: readonly PageItem[]): string {
  let text = '';
  let prev: PageItem | null = null;
  for (const item of items) {
    const str = item.str ?? '';
    // pdf.js fills a gap with a run of spaces as wide as the gap: only runs with text are compared.
    const shown = str.trim() !== '';
    if (shown && prev && !continues(prev, item)) text += BARRIER;
    text += `${str}${item.hasEOL ? '\n' : ' '}`;
    if (shown) prev = item;
  }
  return text;
}

function continues(prev: PageItem, next: PageItem): boolean {
  const [a = 1, b = 0, c = 0, d = 1, x0 = 0, y0 = 0] = prev.transform ?? [];
  const [, nb = 0, nc = 0, , x1 = 0, y1 = 0] = next.transform ?? [];
  // Turned text: its positions are not compared (as before, joined).
  if (b !== 0 || c !== 0 || nb !== 0 || nc !== 0 || a <= 0 || d <= 0) return true;
  const h = Math.max(prev.height || 0, next.height || 0, 1);
  const end = x0 + (prev.width ?? 0);
  if (Math.abs(y1 - y0) < 0.5 * h) return x1 - end > -h && x1 - end < 3 * h;
  // The line below (a wrapped value), starting anywhere on it.
  return y0 - y1 > 0 && y0 - y1 < 2.5 * h;
}

/** A piece of a written PDF's text as the leak check reads it, and where it was read. */
export interface LeakSearchText {
  text: string;
  page: number | null;
  where: Leak['where'];
  /** Content-stream operands: only a value's own spellings count (glyph codes are no text to strip). */
  spelledOnly: boolean;
}

/**
 * Every text of a finished PDF the leak check searches, in the places findLeaks names: one
 * reading for the check and for anything that must agree with it (packetWording's test builds
 * Dossier's fixed wording from a packet read exactly this way).
 */
export async function leakSearchTexts(bytes: Uint8Array): Promise<LeakSearchText[]> {
  // pdf.js may take over the buffer it is given: it gets a copy, the object search the original.
  const task = await openPdfJs(new Uint8Array(bytes));
  const texts: LeakSearchText[] = [];
  const add = (text: string, page: number | null, where: Leak['where'], spelledOnly = false) => texts.push({ text, page, where, spelledOnly });
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      add(pageTextWithBarriers(content.items as PageItem[]), number, 'page text');
      const annotations = await page.getAnnotations();
      if (annotations.length > 0) add(JSON.stringify(annotations), number, 'annotation');
      page.cleanup();
    }
    const fields = (await doc.getFieldObjects()) as Record<string, unknown> | null;
    if (fields) add(JSON.stringify(fields), null, 'form field');
    const meta = await doc.getMetadata();
    add(JSON.stringify(meta.info), null, 'document information');
    add(JSON.stringify((meta.metadata?.getRaw() as unknown) ?? null), null, 'XMP metadata');
    add(JSON.stringify((await doc.getOutline()) ?? []), null, 'outline');
    const attachments = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    for (const a of Object.values(attachments)) add(`${a.filename}\n${Buffer.from(a.content).toString('latin1')}`, null, 'attachment');
  } finally {
    await task.destroy();
  }
  for (const o of await pdfObjectText(bytes)) add(o.text, o.page, o.kind === 'shown' ? 'content stream' : 'object strings', o.kind === 'shown');
  return texts;
}

/**
 * Searches a finished PDF for redacted values, first in every place a reader or a script gets
 * text from (pdf.js): each page's text, its annotations (contents, titles, form values, links),
 * form fields, the document information and XMP metadata, the outline and embedded files; then in
 * every object of the file itself (pdfObjectText: strings anywhere, content streams painted or
 * not, annotation appearances, JPEG headers), which finds what no reader shows but the file still
 * holds. Each value is looked for as spelled with or without separators, and as its bare letters
 * and digits in the text stripped the same way, so "123-45-6789" is found as "123 45 6789" or
 * "123456789" too (in content streams only as spelled: glyph codes are no text to strip); and in
 * look-alike spellings (foldForMatching: full-width, Cyrillic letters, soft hyphens inside), and
 * inside MIME encoded words, decoded (a raw e-mail header's "=?UTF-8?B?...?=").
 */
export async function findLeaks(pdfPath: string, values: readonly string[], label = path.basename(pdfPath)): Promise<Leak[]> {
  if (values.length === 0) return [];
  const leaks: Leak[] = [];
  for (const { text, page, where, spelledOnly } of await leakSearchTexts(new Uint8Array(await fs.readFile(pdfPath)))) {
    const folded = foldForMatching(withEncodedWordsDecoded(text)).text;
    let compact: string | null = null;
    // Letters and digits are gathered within a run of adjacent text only, never across a BARRIER.
    const compactText = () => (spelledOnly ? '' : (compact ??= folded.split(BARRIER).map(compactForm).join(BARRIER)));
    for (const value of values) if (foldedTextHolds(folded, value, compactText)) leaks.push({ file: label, page, where, value });
  }
  return leaks;
}
