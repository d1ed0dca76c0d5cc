import { hasBidiControl } from '../contract/controlCharacters';
import { DomainInputError, type DomainInputErrorCode } from './DomainInputError';
import type { NormalizeSiteOptions, NormalizedSite } from './NormalizedSite';
import { normalizeSiteInput } from './normalizeSiteInput';
import { SiteFieldError, type SiteFieldErrorCode } from './SiteFieldError';
import { emptySiteFields, readSiteFields, type SiteFields, type SiteListField } from './siteFields';
import type { SiteListColumns } from './siteListColumns';

/** One good row of a site list. */
export interface SiteListRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  rowNumber: number;
  normalized: NormalizedSite;
  fields: SiteFields;
  /** Row number of an earlier row for the same site (same `identity_key`), for the DB to merge. */
  duplicateOf: number | null;
}

export type SiteListRowErrorCode =
  | DomainInputErrorCode
  | SiteFieldErrorCode
  | 'INVALID_UTF8'
  | 'COLUMN_COUNT';

/**
 * Orders rows by site identity (`identity_key`). The writer inserts each batch in this order, so
 * index inserts land next to each other instead of all over the B-trees; used with a stable sort,
 * repeated sites keep their file order (the first one's values win).
 */
export function bySiteIdentity(a: SiteListRow, b: SiteListRow): number {
  const x = a.normalized.identity_key;
  const y = b.normalized.identity_key;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One row that was not taken, with the reason. The rest of the file goes on. */
export interface SiteListRowError {
  rowNumber: number;
  /** The offending cell (or the row, for COLUMN_COUNT), cut to 500 characters. */
  value: string;
  code: SiteListRowErrorCode;
  reason: string;
  /** The field whose cell was bad, or null when the row as a whole was. */
  field: SiteListField | null;
}

const HIGH_BYTE = /[\x80-\xff]/;
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const MAX_VALUE = 500;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function cut(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
}

/**
 * Turns the cells of one line (read as latin1, one char per byte) into a row or a row error, and
 * remembers sites already seen in this file. Cells arrive as bytes so that invalid UTF-8 is found
 * exactly, per row, instead of being replaced by U+FFFD by a decoder upstream.
 */
export class SiteRowReader {
  private readonly seen = new Map<string, number>();

  /** `trackRepeats`: false where another place sets `duplicateOf` (the worker pool, across threads). */
  constructor(
    private readonly columns: SiteListColumns | null,
    private readonly normalizeOptions: NormalizeSiteOptions = {},
    private readonly trackRepeats = true,
  ) {}

  /** `byteCells` is this row's own array: non-ASCII cells are replaced by their decoded text. */
  read(rowNumber: number, byteCells: string[]): SiteListRow | SiteListRowError {
    const columns = this.columns;
    if (columns !== null && byteCells.length !== columns.names.length) {
      const extraCellsEmpty = byteCells.slice(columns.names.length).every((c) => /^[ \t]*$/.test(c));
      if (byteCells.length < columns.names.length || !extraCellsEmpty) {
        return {
          rowNumber,
          value: cut(Buffer.from(byteCells.join(','), 'latin1').toString('utf8')),
          code: 'COLUMN_COUNT',
          reason: `row ${rowNumber} has ${byteCells.length} cells but the header has ${columns.names.length}; is a comma unquoted?`,
          field: null,
        };
      }
    }

    // Decoded in place when a cell has non-ASCII bytes; ASCII cells are already their text.
    const cells = byteCells;
    for (let i = 0; i < cells.length; i++) {
      const bytes = cells[i]!;
      let cell = bytes;
      if (HIGH_BYTE.test(bytes)) {
        try {
          cell = utf8.decode(Buffer.from(bytes, 'latin1'));
        } catch {
          return {
            rowNumber,
            value: cut(Buffer.from(bytes, 'latin1').toString('utf8')),
            code: 'INVALID_UTF8',
            reason: `row ${rowNumber}${columnName(columns, i)} is not valid UTF-8 (a Windows-1252 or Latin-1 file?); save the file as "CSV UTF-8" and import again.`,
            field: fieldAt(columns, i),
          };
        }
      }
      const control = CONTROL.exec(cell);
      if (control) {
        const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        return {
          rowNumber,
          value: cut(cell),
          code: 'CONTROL_CHARACTER',
          reason: `row ${rowNumber}${columnName(columns, i)} contains the control character U+${code}${code === '0000' ? ' (NUL)' : ''}; remove it.`,
          field: fieldAt(columns, i),
        };
      }
      const broken = columns === null ? null : lineBreakInOneLineField(cell, fieldAt(columns, i));
      if (broken) {
        return {
          rowNumber,
          value: cut(cell),
          code: 'CONTROL_CHARACTER',
          reason: `row ${rowNumber}${columnName(columns, i)} holds ${broken}, but ${fieldAt(columns, i)} is one line (printed as such in Appendix A); put the value on one line and import the row again.`,
          field: fieldAt(columns, i),
        };
      }
      cells[i] = cell;
    }

    const siteIndex = columns === null ? 0 : columns.site;
    const siteCell = cells[siteIndex] ?? '';
    let normalized: NormalizedSite;
    try {
      normalized = normalizeSiteInput(siteCell, this.normalizeOptions);
    } catch (error) {
      if (!(error instanceof DomainInputError)) throw error;
      return { rowNumber, value: cut(siteCell), code: error.code, reason: `row ${rowNumber}: ${error.message}`, field: 'site' };
    }

    let fields: SiteFields;
    try {
      fields = columns === null ? emptySiteFields() : readSiteFields(...this.cellsByField(columns, cells));
    } catch (error) {
      if (!(error instanceof SiteFieldError)) throw error;
      return {
        rowNumber,
        value: cut(error.value),
        code: error.code,
        reason: `row ${rowNumber}: ${error.message}`,
        field: error.field as SiteListField,
      };
    }

    if (!this.trackRepeats) return { rowNumber, normalized, fields, duplicateOf: null };
    const key = normalized.identity_key;
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, rowNumber);
    return { rowNumber, normalized, fields, duplicateOf: first ?? null };
  }

  private cellsByField(
    columns: SiteListColumns,
    cells: readonly string[],
  ): [Partial<Record<SiteListField, string>>, Record<string, string>] {
    const byField: Partial<Record<SiteListField, string>> = {};
    for (const [index, field] of columns.fields) byField[field] = cells[index] ?? '';
    const extra: Record<string, string> = {};
    for (const { index, name } of columns.extra) {
      const value = cells[index] ?? '';
      if (value.trim() !== '') extra[name] = value;
    }
    return [byField, extra];
  }
}

/**
 * Fields this check leaves alone: notes are prose; list cells are split on whitespace anyway; the
 * site cell is normalizeSiteInput's to judge; unmapped columns are kept as written.
 */
const MULTI_LINE_FIELDS: ReadonlySet<SiteListField | null> = new Set(['notes', 'name_servers', 'ips', 'site', null]);
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** What breaks the line in a cell of a one-line field (a line break, a tab, a bidi control), or null. */
function lineBreakInOneLineField(cell: string, field: SiteListField | null): string | null {
  if (MULTI_LINE_FIELDS.has(field)) return null;
  const found = LINE_BREAK_OR_TAB.exec(cell)?.[0];
  if (found !== undefined) return found === '\t' ? 'a tab' : 'a line break';
  return hasBidiControl(cell) ? 'a bidirectional override character (it reorders how the value is shown)' : null;
}

function fieldAt(columns: SiteListColumns | null, index: number): SiteListField | null {
  return columns === null || index === columns.site ? 'site' : (columns.fields.get(index) ?? null);
}

function columnName(columns: SiteListColumns | null, index: number): string {
  return columns === null ? '' : `, column ${JSON.stringify(columns.names[index] ?? `#${index + 1}`)},`;
}
