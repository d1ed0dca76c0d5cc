import type { FontMetricsSet, FontRole } from '../fonts/packetFonts';
import { missingCodePoints } from '../fonts/scriptRuns';

/** A line a caption's note speaks for, with the face it is drawn in. */
export interface NotedText {
  text: string;
  font: FontRole;
}

// How a line shows a character it cannot show as itself (visibleText, contract/spaceRuns).
const SPELLED = /\[U\+([0-9A-F]{4,6})\]/g;

/**
 * What a reader of the names in a caption (and a declaration's signature blocks) needs told, as
 * the slip sheet tells it for an exhibit: the characters no bundled font has, each drawn as a
 * framed box holding its code point, and what a character spelled out as [U+XXXX] stands for.
 * Null when there is nothing to tell. `where` names the blocks ("the caption"); `shownMax` caps
 * the code points listed, so the note fits the room left for it.
 */
export function captionNote(metrics: FontMetricsSet, texts: readonly NotedText[], where: string, shownMax = 8): string | null {
  const glyphless = [...new Set(texts.flatMap((t) => missingCodePoints(metrics, t.text, t.font)))];
  const spelled = [...new Set(texts.flatMap((t) => [...t.text.matchAll(SPELLED)].map((m) => m[1]!)))];
  const parts: string[] = [];
  if (glyphless.length > 0) {
    const shown = glyphless.slice(0, shownMax).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    const more = glyphless.length - shown.length;
    const list = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0]!;
    const one = glyphless.length === 1;
    parts.push(`Characters without a glyph in ${where}: ${list}. No bundled font has ${one ? 'it; it is' : 'them; each is'} drawn as a framed box holding its code point.`);
  }
  if (spelled.length > 0) {
    const meaning = spelled.map((hex) => `[U+${hex}] stands for ${hex === '0020' ? 'a space that would not show (one of several in a row, or at the start or end of a name)' : 'a character that would not show'}`);
    parts.push(`In ${where}, ${meaning.join('; ')}.`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
