import { DossierError } from '../contract/errors';
import type { CourtOrder } from '../contract/records';
import { orderCreateSchema, orderUpdateSchema } from '../contract/schemas';
import type { RecordSpec } from '../records/RecordSpec';
import { recordService } from '../records/recordService';
import { orderChronologyProblems } from './orderChronology';

const DATE_FIELDS = ['filed_at', 'granted_at', 'served_at', 'expires_at'];

export const orderSpec: RecordSpec<CourtOrder> = {
  kind: 'order',
  table: 'court_order',
  writable: ['title', 'caption', 'docket', 'court', 'judge', 'order_type', 'status', 'ecf_number', 'filed_at',
    'granted_at', 'served_at', 'expires_at', 'summary', 'document_evidence_id'],
  jsonColumns: [],
  sortable: { granted: "coalesce(granted_at, filed_at, '')", title: 'title', docket: 'docket', created: 'created_at', expires: "coalesce(expires_at, '')" },
  filterColumns: ['title', 'docket', 'court', 'judge'],
  title: (row) => row.title,
  subtitle: (row) => `${row.docket} · ${row.court}`,
  searchText: (row) => ({
    title: row.title,
    body: [row.caption, row.docket, row.court, row.judge, row.order_type.replace(/_/g, ' '), row.ecf_number && `ECF ${row.ecf_number}`, row.summary]
      .filter(Boolean)
      .join('\n'),
  }),
  validate: (row, changed) => {
    if (!changed.some((c) => DATE_FIELDS.includes(c))) return;
    const problems = orderChronologyProblems(row);
    if (problems.length) throw new DossierError('INVALID_REQUEST', `The order's dates contradict one another: ${problems.join('; ')}. Nothing was changed.`);
  },
};

export const orderService = recordService(orderSpec, orderCreateSchema, orderUpdateSchema);
