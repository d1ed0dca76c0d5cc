import { groupDigits } from './formatText';

/**
 * An exhibit whose content has been read and checked, ready to draw after its slip sheet. Preparing
 * first means the slip sheet can state the page count, and a file that cannot be reproduced is
 * found out before any page of it is added.
 */
export interface PreparedExhibit {
  rendering: 'pdf' | 'image' | 'text';
  /** Content pages (not counting the slip sheet). */
  contentPages: number;
  /** For the slip sheet, e.g. "PDF, 12 pages". */
  presentedAs: string;
  /** Told to the user (e.g. truncation of a long text). */
  note?: string;
  /** Code points no bundled font has, drawn as boxes with their code point; listed on the slip sheet. */
  missingGlyphs?: number[];
  /** What sanitising removed from the file's copy in the packet (active content), for the slip sheet and index. */
  removed?: string[];
  /** `removed` said as what the packet's pages lack (activeContentNote), for the declaration and --json; not on the slip sheet, which has its own box. */
  removedNote?: string;
  /** Why this content keeps the packet from declaring PDF/A, if it does. */
  blocksPdfA?: string;
  /** Draws the content pages; `index` of the first one is 1 (0 is the slip sheet). */
  draw: () => void;
}

/**
 * The exhibit cannot be shown as pages. `reason` is printed on its slip sheet, in words a court
 * reads; `detail` (a parser message, say) goes only to the export's warnings.
 */
export class NotRenderable extends Error {
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(detail ? `${reason} (${detail})` : reason);
    this.name = 'NotRenderable';
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupDigits(n)} ${n === 1 ? one : many}`;
}
