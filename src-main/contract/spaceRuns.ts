/**
 * Spaces a printed name cannot show: two or more in a row read as one on paper, and a reader
 * copying the text (pdftotext) gets one back; at either end of a name they do not show at all.
 * The names a caption and a signature block print refuse a run at entry (packet/filingCaption;
 * their ends are trimmed by the request schema); one stored before that rule (an older version,
 * a merge) is printed with each such space spelled out (printedSpaces). Change these together.
 */
const SPACE = /\p{Zs}/u;
const SPACE_RUN = /\p{Zs}{2,}/u;

/** Why a printed name cannot be stored with its spaces, or null when it can. */
export function spaceRunProblem(value: string): string | null {
  return SPACE_RUN.test(value) ? 'must not contain two or more spaces in a row (a printed name shows them as one)' : null;
}

/**
 * The name with every space that would not show spelled out as [U+0020] (the packet's notation
 * for a character a reader would not see, packet/visibleText): all but the first of a run, and
 * any at the start or end. "Acme  Holdings" -> "Acme [U+0020]Holdings". A single space between
 * words, of any kind (a no-break space too), shows and is kept.
 */
export function printedSpaces(value: string): string {
  const chars = [...value];
  const last = chars.findLastIndex((ch) => !SPACE.test(ch));
  return chars
    .map((ch, i) => {
      if (!SPACE.test(ch)) return ch;
      const shows = i > 0 && i < last && !SPACE.test(chars[i - 1]!);
      return shows ? ch : `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
    })
    .join('');
}
