import type { Redaction } from '../contract/redaction';
import type { RecordSpec } from '../records/RecordSpec';

/**
 * How redaction rows are stored (0100-redactions). Not searchable: the values are exactly what a
 * public search must not surface. Every column but the common ones is writable by the service in
 * this folder; users reach them only through scan, add, accept and reject.
 */
export const redactionSpec: RecordSpec<Redaction> = {
  kind: 'redaction',
  table: 'redaction',
  writable: [
    'evidence_id', 'source', 'category', 'rule', 'page', 'span_start', 'span_end', 'box', 'value', 'kept', 'context',
    'status', 'decided_by', 'decided_at', 'reason',
  ],
  // box is JSON text or NULL, which the generic codec (arrays, never null) does not express: see redactionOf.
  jsonColumns: [],
  sortable: { place: 'evidence_id, page, span_start', created: 'created_at' },
  filterColumns: ['category', 'status'],
  title: (row) => `${row.category} ${row.kept}`,
  subtitle: (row) => row.rule,
  searchText: () => null,
};

/** A stored row as the contract's Redaction: its box parsed (the generic codec leaves it as text). */
export function redactionOf(row: Redaction | Record<string, unknown>): Redaction {
  const box = (row as { box: unknown }).box;
  return { ...(row as Redaction), box: typeof box === 'string' ? (JSON.parse(box) as Redaction['box']) : (box as Redaction['box']) };
}
