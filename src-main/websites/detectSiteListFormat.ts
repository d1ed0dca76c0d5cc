import { fieldForHeader } from './siteListColumns';

export type SiteListFormat = 'csv' | 'text';
export type SiteListDelimiter = ',' | ';' | '\t';

/**
 * Guess the format from the first line that is not blank (text as latin1: one char per byte).
 * A plain list holds one domain or URL a line, and names never contain ',', ';' or tabs, so any
 * of those, a leading quote, or a lone header word like "domain" means CSV. A first line starting
 * with '#' is a comment, which only plain lists have.
 */
export function detectSiteListFormat(firstLine: string): SiteListFormat {
  const line = firstLine.trim();
  if (line.startsWith('#')) return 'text';
  if (/[,;\t]/.test(line) || line.startsWith('"')) return 'csv';
  return fieldForHeader(line) !== null ? 'csv' : 'text';
}

/**
 * The CSV delimiter: whichever of ',', ';' (European spreadsheets) and tab occurs most often in
 * the first line outside quotes; ',' on a tie or when none occurs.
 */
export function detectCsvDelimiter(firstLine: string): SiteListDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
