import { spellOutControls } from '../contract/controlCharacters';

/**
 * One cell of any CSV Dossier writes (Appendix A, an ECF filing's attachments.csv): change the
 * two together by changing this. Control and bidi characters are spelled out (`\x0a`, `\u202e`),
 * so a cell is one line and reads as stored; a cell a spreadsheet would run as a formula (=, +, -,
 * @ first) is prefixed with ' so the data stays visible but never executes: these files go to
 * registries, clerks and counsel who open them in Excel. Numbers pass through.
 */
export function csvCell<T extends string | number | null>(cell: T): T {
  if (typeof cell !== 'string') return cell;
  const text = spellOutControls(cell);
  return (/^[=+\-@]/.test(text) ? `'${text}` : text) as T;
}
