import { decodeEntities, htmlToText } from '../evidence/htmlToText';
import { decodeHtml } from './decodePayload';

/** Most text kept per captured page (search and packets); longer pages are cut and say so. */
export const MAX_PAGE_TEXT = 1_000_000;

/** A captured page's title and readable text, decoded in the charset the page declared, NFC. */
export function pageText(html: Buffer, contentType: string | null): { title: string | null; text: string; truncated: boolean } {
  const decoded = decodeHtml(html, contentType).normalize('NFC');
  const rawTitle = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(decoded)?.[1];
  const title = rawTitle ? decodeEntities(rawTitle).replace(/\s+/g, ' ').trim().slice(0, 500) || null : null;
  const text = htmlToText(decoded).normalize('NFC').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
  return { title, text: text.slice(0, MAX_PAGE_TEXT), truncated: text.length > MAX_PAGE_TEXT };
}
