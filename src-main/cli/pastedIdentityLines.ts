/** The word every public identity line starts with (share/publicIdentity formatPublicIdentity). */
const IDENTITY_START = 'dossier-identity-v1';

/**
 * The identity lines in what was given to `roster add` as arguments. Three ways of giving them
 * must all work, and no line may be lost on the way (a teammate the user believes added but is
 * not only shows up later, as a refused share far from the cause):
 * - one quoted line per argument;
 * - one line unquoted, so its words arrive as separate arguments;
 * - blocks pasted as `identity show` prints them (the line, then a "# Fingerprint" comment
 *   line), several of them as several arguments.
 * So a line break inside an argument ends a line, a word that starts an identity starts a new
 * one, and a `#` comment ends with its argument. Blank and comment lines are dropped, as in a
 * roster file; every other line is returned for the caller to check (none is dropped here).
 */
export function pastedIdentityLines(words: readonly string[]): string[] {
  const lines: string[][] = [];
  let current: string[] | null = null;
  for (const word of words) {
    word.split(/\r?\n/).forEach((part, index) => {
      const piece = part.trim();
      const startsLine = index > 0 || current === null || piece.startsWith(IDENTITY_START) || isComment(current);
      if (startsLine) {
        current = [];
        lines.push(current);
      }
      if (piece !== '') current!.push(piece);
    });
  }
  return lines.filter((words) => words.length > 0 && !isComment(words)).map((words) => words.join(' '));
}

function isComment(words: readonly string[] | null): boolean {
  return words !== null && words.length > 0 && words[0]!.startsWith('#');
}
