import { decodeEntities, HIDDEN_END, HIDDEN_START, htmlToText } from '../evidence/htmlToText';
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

/** Printed before each line of text the page's markup hides. Packet wording: change with packetWording. */
export const HIDDEN_LABEL = "[hidden by the page's markup]";

/**
 * A captured page's text for a packet, with every line the markup hides (hidden attribute, inline
 * display:none or visibility:hidden) labelled HIDDEN_LABEL on a line of its own. Labelled rather
 * than left out: hidden words (stuffed keywords, decoy claims) can be evidence themselves, and the
 * label keeps them from passing for what visitors saw. The search index keeps pageText's text.
 */
export function pageTextMarkingHidden(html: Buffer, contentType: string | null): { text: string; hiddenLines: number; truncated: boolean } {
  const decoded = decodeHtml(html, contentType).normalize('NFC');
  const marked = htmlToText(decoded, { markHidden: true }).normalize('NFC').replace(/[ \t]+/g, ' ');
  const lines: string[] = [];
  let hidden = false;
  let hiddenLines = 0;
  for (const raw of marked.split('\n')) {
    if (raw.includes(HIDDEN_START)) hidden = true;
    const line = raw.replaceAll(HIDDEN_START, '').replaceAll(HIDDEN_END, '').trim();
    if (line) {
      lines.push(hidden ? `${HIDDEN_LABEL} ${line}` : line);
      if (hidden) hiddenLines += 1;
    }
    if (raw.includes(HIDDEN_END)) hidden = false;
  }
  const text = lines.join('\n');
  return { text: text.slice(0, MAX_PAGE_TEXT), hiddenLines, truncated: text.length > MAX_PAGE_TEXT };
}
