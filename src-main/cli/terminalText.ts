import { spellOutControls } from '../contract/controlCharacters';

/**
 * Text as a terminal may show it: control characters (ESC, BEL, CR, C1 CSI ...) and bidi
 * overrides from file names, titles or CSV rows are written as escapes (`\x1b`, `\u202e`), so
 * they can neither drive the terminal nor reorder what the user reads. Line breaks (and tabs)
 * of the CLI's own layout are kept when `keepLayout` is set; inside a value they are escaped too.
 * Every human line of the CLI goes through here once (output.ts), never per command.
 */
export function terminalText(text: string, options: { keepLayout?: boolean } = {}): string {
  return spellOutControls(text, options);
}

/**
 * A value from outside (a path, a file name) placed inside a human line: its line breaks and tabs
 * are escaped too (`\x0a`), so a file named "a.txt\n  SHA-256 000…" cannot print a line of its own
 * that looks like the CLI's. Use it for every such value; the line's own layout stays as written.
 */
export function shownValue(text: string): string {
  return terminalText(text);
}
