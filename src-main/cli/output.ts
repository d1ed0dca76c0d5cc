import { DossierError } from '../contract/errors';
import { cliIo } from './cliIo';
import { terminalText } from './terminalText';
import { exitStatusOf } from '../contract/exitStatus';

/** Global flags every command understands. */
export interface GlobalOptions {
  json?: boolean;
  actor?: string;
}

/** `--json` prints exactly one JSON document on stdout; otherwise the human text, made terminal-safe. */
export function emit(options: GlobalOptions, value: unknown, human: () => string): void {
  if (options.json) cliIo().writeOut(`${JSON.stringify(value, null, 2)}\n`);
  else say(human());
}

/** One or more human lines on stdout; control and bidi characters escaped (terminalText). */
export function say(text: string): void {
  cliIo().writeOut(`${terminalText(text, { keepLayout: true })}\n`);
}

/**
 * The one way the CLI reports a failure: one clear line on stderr (message and code), never a
 * stack trace; returns the code's exit status from EXIT_STATUS (contract/exitStatus).
 */
export function reportFailure(error: unknown): number {
  if (error instanceof DossierError) {
    cliIo().writeErr(`dossier: ${oneLine(error.message)} [${error.code}]\n`);
    return exitStatusOf(error.code);
  }
  const message = error instanceof Error ? error.message : String(error);
  cliIo().writeErr(`dossier: unexpected error: ${oneLine(message.split('\n')[0] ?? '')}\n`);
  return 1;
}

/** Error messages are one line: a line break inside one comes from a value (a path) and is shown escaped, as it really is. */
function oneLine(message: string): string {
  return terminalText(message);
}

/** Aligned "label: value" lines, skipping empty values. */
export function fields(rows: [string, unknown][]): string {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${terminalText(Array.isArray(v) ? v.join(', ') : String(v))}`).join('\n');
}

type Cell = string | number | null | undefined;
/** Widest a column grows before its cells wrap onto more lines. */
const MAX_COLUMN = 72;

function cellText(cell: Cell): string {
  return cell === null || cell === undefined ? '' : terminalText(String(cell));
}

/** Splits text into lines of at most `width` characters, at spaces where it can, never dropping any. */
export function wrapText(text: string, width: number): string[] {
  const chars = [...text];
  if (chars.length <= width) return [text];
  const lines: string[] = [];
  let rest = chars;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > width / 3 ? space : width;
    lines.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(space > width / 3 ? cut + 1 : cut);
  }
  if (rest.length) lines.push(rest.join(''));
  return lines;
}

/**
 * A table printed in pieces with fixed column widths: the header first, then rows as they come
 * (`list --all` streams a million rows in the same format as one page). Long cells wrap.
 */
export function tableWriter(headers: string[], widths: number[]): { header: string; row: (cells: Cell[]) => string } {
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const row = (cells: Cell[]) => {
    const wrapped = headers.map((_, i) => wrapText(cellText(cells[i]), widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, n) => line(wrapped.map((w) => w[n] ?? ''))).join('\n');
  };
  return { header: [line(headers), line(widths.map((w) => '-'.repeat(w)))].join('\n'), row };
}

/** Column widths that fit these rows (up to MAX_COLUMN; longer cells wrap). */
export function columnWidths(headers: string[], rows: Cell[][]): number[] {
  return headers.map((h, i) => Math.min(MAX_COLUMN, Math.max(h.length, ...rows.map((r) => [...cellText(r[i])].length))));
}

/** A plain text table with a header row; long cells wrap instead of being cut. */
export function table(headers: string[], rows: Cell[][]): string {
  const writer = tableWriter(headers, columnWidths(headers, rows));
  return [writer.header, ...rows.map(writer.row)].join('\n');
}
