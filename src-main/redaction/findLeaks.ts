import fs from 'node:fs/promises';
import path from 'node:path';
import { openPdfJs } from '../evidence/openPdfJs';
import { compactForm, valuePattern } from './valuePattern';

/** A redacted value found in a written file. */
export interface Leak {
  file: string;
  /** 1-based page of the file; null for document-level text (metadata, outline, attachments). */
  page: number | null;
  where: 'page text' | 'annotation' | 'metadata' | 'outline' | 'attachment';
  value: string;
}

/** Below this many letters and digits a value is looked for as spelled (a short compact form would match by chance). */
const COMPACT_MIN = 6;

function holds(text: string, value: string, compactText: () => string): boolean {
  if (valuePattern(value).test(text)) return true;
  const compact = compactForm(value);
  return compact.length >= COMPACT_MIN && compactText().includes(compact);
}

/**
 * Searches a finished PDF for redacted values, in every place a reader or a script can get text
 * from (pdf.js): each page's text, its annotations (contents, titles, form values, links), the
 * document's metadata and outline, and embedded files. Each value is looked for as spelled with or
 * without separators, and as its bare letters and digits in the text stripped the same way, so
 * "123-45-6789" is found as "123 45 6789" or "123456789" too.
 */
export async function findLeaks(pdfPath: string, values: readonly string[], label = path.basename(pdfPath)): Promise<Leak[]> {
  if (values.length === 0) return [];
  const task = await openPdfJs(await fs.readFile(pdfPath));
  const leaks: Leak[] = [];
  const check = (text: string, page: number | null, where: Leak['where']) => {
    let compact: string | null = null;
    const compactText = () => (compact ??= compactForm(text));
    for (const value of values) if (holds(text, value, compactText)) leaks.push({ file: label, page, where, value });
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
    const meta = await doc.getMetadata();
    check(JSON.stringify({ info: meta.info, xmp: (meta.metadata?.getRaw() as unknown) ?? null }), null, 'metadata');
    check(JSON.stringify((await doc.getOutline()) ?? []), null, 'outline');
    const attachments = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    for (const a of Object.values(attachments)) check(`${a.filename}\n${Buffer.from(a.content).toString('latin1')}`, null, 'attachment');
  } finally {
    await task.destroy();
  }
  return leaks;
}
