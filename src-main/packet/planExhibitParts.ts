import { formatBytes } from './formatText';
import type { PagePart, PdfVolumeWriter } from './PdfVolumeWriter';

/**
 * Room kept free in each file for what is written when it closes (fonts grow with every glyph
 * drawn, the page tree, bookmarks, the cross-reference table): 2% of the limit, at least 96 KiB
 * and at most 320 KiB. The export starts with this and adds room when a closed file comes out
 * over the limit; the check measures with it, so both find the same pages too large.
 */
export function initialCloseReserve(maxVolumeBytes: number): number {
  return Math.min(320 * 1024, Math.max(96 * 1024, Math.round(maxVolumeBytes * 0.02)));
}

/** Bytes for an exhibit's outline entry and document title in its file. */
const PER_EXHIBIT = 300;

/**
 * How the exhibit just drawn into `writer` (its slip sheet at body page `from`) is split into
 * files of at most `maxVolumeBytes`: runs of whole pages, the slip sheet kept with the first page.
 * One run when it fits whole. A run that is one page (or the slip sheet and first page) and still
 * does not fit has `fits: false`: that page alone is over the limit.
 */
export function planExhibitParts(writer: PdfVolumeWriter, from: number, limits: { maxVolumeBytes: number; closeReserve: number; alreadyUsed?: number }): PagePart[] {
  const fixed = writer.bytesWritten + limits.closeReserve + PER_EXHIBIT + (limits.alreadyUsed ?? 0);
  return writer.planParts(from, (bytes) => fixed + bytes <= limits.maxVolumeBytes, 2);
}

/** Which of the exhibit's pages a part holds, as a reader cites them: the slip sheet is page 0. */
export function partPagesText(part: PagePart, from: number): string {
  const first = part.start - from;
  const last = part.end - from - 1;
  if (first === 0) return last === 0 ? 'the slip sheet' : last === 1 ? 'page 1 (with the slip sheet)' : `the slip sheet and pages 1-${last}`;
  return first === last ? `page ${first}` : `pages ${first}-${last}`;
}

/** What the check and the export say of a page that by itself is over the court's per-file limit. */
export function pageOverLimitMessage(label: string, part: PagePart, from: number, maxVolumeBytes: number, profileName: string): string {
  return `${label}: ${partPagesText(part, from)} takes ${formatBytes(part.bytes)} by itself, so no file holding it can stay under the ${formatBytes(maxVolumeBytes)} per-file limit of ${profileName}; reduce that page (a lower-resolution scan) or file the exhibit natively or conventionally.`;
}
