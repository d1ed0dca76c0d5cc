import { DISPLAY_CONTROL_GLOBAL, spellOutControls } from '../../src-main/contract/controlCharacters';

/**
 * Text that came from outside the investigator's hands (evidence, captured pages, e-mails, search
 * hits in them, names from other people's files) may carry characters that change how it is shown
 * rather than what it says: `invoice\u202Efdp.exe` reads "invoiceexe.pdf". Everything the app shows
 * of such text goes through `displayText` (strings: titles, tooltips, file names) or the
 * `UntrustedText` component (which also flags it), so no view renders one live.
 * The character set is the contract's (src-main/contract/controlCharacters), shared with the CLI.
 */
export interface DisplayOptions {
  /** Keep line breaks and tabs (a <pre> of an e-mail body or a text exhibit). */
  multiline?: boolean;
  /** Show line breaks and tabs as a space (a one-line search snippet), not spelled out. */
  oneLine?: boolean;
}

/** The layout characters the options let through, in the form they are shown. */
function withLayout(text: string, options: DisplayOptions): string {
  if (options.multiline) return text.replace(/\r\n/g, '\n');
  if (options.oneLine) return text.replace(/\r\n|[\r\n\t]/g, ' ');
  return text;
}

/** The text as the app shows it: every control and bidi character spelled out (`\u202e`). */
export function displayText(text: string, options: DisplayOptions = {}): string {
  // A browser shows CRLF as one line break; only a lone CR, which is no layout, is spelled out.
  return spellOutControls(withLayout(text, options), { keepLayout: options.multiline === true });
}

/** Whether `displayText` had to spell anything out, i.e. whether the reader should be told. */
export function hasHiddenCharacters(text: string, options: DisplayOptions = {}): boolean {
  const shown = withLayout(text, options);
  const rest = options.multiline ? shown.replace(/[\n\t]/g, '') : shown;
  DISPLAY_CONTROL_GLOBAL.lastIndex = 0;
  return DISPLAY_CONTROL_GLOBAL.test(rest);
}

/**
 * A file name to suggest to a save dialog: no control or bidi character (the file manager would
 * show `invoice\u202Efdp.exe` as "invoiceexe.pdf" and the saved .exe would pass for a PDF) and no
 * path separator; each becomes "_", so the real extension is what the name ends with.
 */
export function suggestedFileName(name: string, fallback: string): string {
  const safe = name.replace(DISPLAY_CONTROL_GLOBAL, '_').replace(/[\\/]/g, '_').trim().slice(0, 255);
  return safe === '' || safe === '.' || safe === '..' ? fallback : safe;
}
