import type { RecordKind } from '../contract/enums';

/**
 * How one kind of record is stored: the generic create/update/delete/list functions in this folder
 * read it, so every kind gets the same history, audit, search and paging behaviour.
 */
export interface RecordSpec<Row extends { id: string }> {
  kind: RecordKind;
  table: string;
  /** Columns the user may write (everything but the common record columns). */
  writable: readonly string[];
  /** Columns stored as JSON text and exposed as arrays. */
  jsonColumns: readonly string[];
  /** Sort keys the list accepts, mapped to columns. The first is the default. */
  sortable: Readonly<Record<string, string>>;
  /** Columns a list filter matches by prefix/substring (indexed ones first). */
  filterColumns: readonly string[];
  title(row: Row): string;
  subtitle(row: Row): string | null;
  /** Text indexed for full-text search. */
  searchText(row: Row): { title: string; body: string } | null;
  /**
   * Rules across fields, checked on the row as it would be stored, inside the write's transaction
   * (a throw rolls it back). `changed`: the columns this write changes (all, for a new record), so
   * a rule can leave alone an older contradiction the write does not touch.
   */
  validate?(row: Row, changed: readonly string[]): void;
}
