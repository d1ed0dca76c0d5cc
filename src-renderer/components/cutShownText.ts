/** A spelled-out character cut off part way (`\u20`, `\x1`), which would read as other text. */
const PART_OF_ESCAPE = /\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})?$/;

/**
 * Text as shown (already through displayText) cut to `limit` characters with an ellipsis. Counts
 * by code point and never leaves half of a spelled-out character or of a surrogate pair.
 */
export function cutShownText(shown: string, limit: number): string {
  const characters = Array.from(shown);
  if (characters.length <= limit) return shown;
  return `${characters.slice(0, limit - 1).join('').replace(PART_OF_ESCAPE, '')}…`;
}
