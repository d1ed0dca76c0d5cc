/**
 * Characters that change how text is shown rather than what it says: C0 controls (ESC starts
 * terminal escape sequences), DEL, C1 controls (0x9B is a one-byte CSI on some terminals), and
 * the bidi embedding/override/isolate controls that reorder what follows them (a file named
 * `invoice\u202Efdp.exe` shows as `invoiceexe.pdf`). The CLI escapes them in human output
 * (src-main/cli/terminalText.ts); titles refuse them; evidence names carrying bidi controls are
 * flagged. Change these together.
 */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** Both kinds, globally, for replacing. */
export const DISPLAY_CONTROL_GLOBAL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Why a one-line title cannot be stored, or null when it can. */
export function titleControlProblem(title: string): string | null {
  return oneLineProblem(title, 'the title');
}

/**
 * Why a one-line value (a title, a registrar, a hosting provider ...) cannot be stored, or null
 * when it can: a line break in it would print as a line of its own (in Appendix A, a fake
 * registrar heading or domain), a bidi control reorders what follows it.
 */
export function oneLineProblem(value: string, what = 'the value'): string | null {
  if (CONTROL_CHARACTER.test(value)) return 'must not contain control characters (tabs, line breaks, escape sequences)';
  if (BIDI_CONTROL.test(value)) return `must not contain bidirectional override characters (they reorder how ${what} is shown)`;
  return null;
}

/**
 * The text with each of those characters spelled out (`\x1b`, `\u202e`), so it can neither drive
 * a terminal nor reorder what the reader sees; line breaks and tabs stay when `keepLayout`.
 * The CLI's human output and the UI's display of raw names both use it; a title taken from a
 * file name is stored this way (the name itself is kept byte-exact as the original name).
 */
export function spellOutControls(text: string, options: { keepLayout?: boolean } = {}): string {
  return text.replace(DISPLAY_CONTROL_GLOBAL, (ch) => {
    if (options.keepLayout && (ch === '\n' || ch === '\t')) return ch;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A stored one-line value as a document prints it: control characters spelled out (`\x0a`), so a
 * line break stored before the one-line rule (an older version, a merge) or taken from a file
 * name reads as text and never starts a line of its own. Bidi controls are left to the PDF's
 * drawing, which spells every hidden character out as [U+202E] (packet/visibleText); text leaving
 * a PDF (a CSV cell, a file name) spells or replaces them itself.
 */
export function printedOneLine(value: string): string;
export function printedOneLine(value: string | null | undefined): string | null | undefined;
export function printedOneLine(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined || !CONTROL_CHARACTER.test(value)) return value;
  return value.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Whether a name (a file name, a title from an imported file) carries characters that reorder its display. */
export function hasBidiControl(name: string): boolean {
  return BIDI_CONTROL.test(name);
}
