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
  const bytes = await fs.readFile(pdfPath);
  // pdf.js may take over the buffer it is given: it gets a copy, the object search the original.
  const task = await openPdfJs(new Uint8Array(bytes));
  const leaks: Leak[] = [];
  const check = (text: string, page: number | null, where: Leak['where'], spelledOnly = false) => {
    const folded = foldForMatching(withEncodedWordsDecoded(text)).text;
    let compact: string | null = null;
    const compactText = () => (spelledOnly ? '' : (compact ??= compactForm(folded)));
    for (const value of values) if (foldedTextHolds(folded, value, compactText)) leaks.push({ file: label, page, where, value });
  };
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      check((content.items as { str?: string; hasEOL?: boolean }[]).map((i) => `${i.str ?? ''}${i.hasEOL ? '\n' : ' '}`).join(''), number, 'page text');
      const annotations = await page.getAnnotations();
      if (annotations.length > 0) check(JSON.stringify(annotations), number, 'annotation');
      page.cleanup();
    }
    const fields = (await doc.getFieldObjects()) as Record<string, unknown> | null;
    if (fields) check(JSON.stringify(fields), null, 'form field');
    const meta = await doc.getMetadata();
    check(JSON.stringify(meta.info), null, 'document information');
    check(JSON.stringify((meta.metadata?.getRaw() as unknown) ?? null), null, 'XMP metadata');
    check(JSON.stringify((await doc.getOutline()) ?? []), null, 'outline');
    const attachments = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    for (const a of Object.values(attachments)) check(`${a.filename}\n${Buffer.from(a.content).toString('latin1')}`, null, 'attachment');
  } finally {
    await task.destroy();
  }
  for (const o of await pdfObjectText(new Uint8Array(bytes))) check(o.text, o.page, o.kind === 'shown' ? 'content stream' : 'object strings', o.kind === 'shown');
  return leaks;
}
