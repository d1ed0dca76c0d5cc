import type { CaseFile } from '../casefile/CaseFile';
import { prepareCached } from '../casefile/prepareCached';
import { DossierError } from '../contract/errors';
import type { Page } from '../contract/records';
import { decodeCursor, encodeCursor } from '../casefile/pageCursor';
import type { RecordSpec } from './RecordSpec';
import { decodeRow } from './rowCodec';

export interface ListOptions {
  sort?: string | undefined;
  direction?: 'asc' | 'desc' | undefined;
  after?: string | null | undefined;
  limit?: number | undefined;
  /** Extra WHERE conditions with positional parameters, from the feature's own filters. */
  where?: { sql: string; params: unknown[] }[];
  /** Substring the spec's filter columns must contain (matched literally, case-insensitive). */
  filter?: string | undefined;
  includeDeleted?: boolean | undefined;
  /** Count every matching row too (Page.total). */
  withTotal?: boolean | undefined;
  /** Skip this many rows (ignored with `after`): jumps into a huge list without walking its cursors. */
  offset?: number | undefined;
}

/**
 * One page of records in a stable order (sort column, then id), found by keyset: the next page
 * starts after the last row seen, so page 1,000 costs what page 1 costs and no table is loaded.
 */
export function listRecords<Row extends { id: string }>(caseFile: CaseFile, spec: RecordSpec<Row>, options: ListOptions = {}): Page<Row> {
  const { sql, params, limit, count } = listQuery(spec, options);
  const rows = prepareCached(caseFile.db, sql).all(...params) as Record<string, unknown>[];
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  const items = pageRows.map(({ _sort, ...raw }) => decodeRow(spec, raw));
  const page: Page<Row> = { items, next: hasMore && last ? encodeCursor([last._sort, String(last.id)]) : null };
  if (options.withTotal) page.total = (prepareCached(caseFile.db, count.sql).get(...count.params) as { n: number }).n;
  return page;
}

/**
 * The SELECT listRecords runs for `options` (one row more than the page, to know if another
 * follows), with its parameters: also what the query-plan tests EXPLAIN. `count` counts every
 * matching row (Page.total), whatever the cursor.
 */
export function listQuery<Row extends { id: string }>(
  spec: RecordSpec<Row>,
  options: ListOptions = {},
): { sql: string; params: unknown[]; limit: number; count: { sql: string; params: unknown[] } } {
  const sortKey = options.sort ?? Object.keys(spec.sortable)[0]!;
  const sortExpr = spec.sortable[sortKey];
  if (!sortExpr) {
    throw new DossierError('INVALID_REQUEST', `Cannot sort ${spec.kind} by "${sortKey}"; use one of: ${Object.keys(spec.sortable).join(', ')}.`);
  }
  const descending = options.direction === 'desc';
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (!options.includeDeleted) conditions.push('deleted_at IS NULL');
  for (const clause of options.where ?? []) {
    conditions.push(`(${clause.sql})`);
    params.push(...clause.params);
  }
  if (options.filter && options.filter.trim()) {
    conditions.push(`(${spec.filterColumns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...spec.filterColumns.map(() => likePattern(options.filter!.trim())));
  }
  // The total counts what the query matches, not what is left after the cursor.
  const matching = [...conditions];
  const matchingParams = [...params];
  if (options.after) {
    const [value, id] = decodeCursor(options.after, 2, 'page');
    conditions.push(`(${sortExpr}, id) ${descending ? '<' : '>'} (?, ?)`);
    params.push(value, id);
  }
  const order = descending ? 'DESC' : 'ASC';
  const sql = `SELECT *, ${sortExpr} AS _sort FROM ${spec.table}
    ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
    ORDER BY ${sortExpr} ${order}, id ${order} LIMIT ? OFFSET ?`;
  const offset = options.after ? 0 : (options.offset ?? 0);
  const count = {
    sql: `SELECT count(*) AS n FROM ${spec.table} ${matching.length ? `WHERE ${matching.join(' AND ')}` : ''}`,
    params: matchingParams,
  };
  return { sql, params: [...params, limit + 1, offset], limit, count };
}

/** LIKE pattern for a user's substring: %, _ and \ in the text are matched literally. */
export function likePattern(text: string, mode: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}
