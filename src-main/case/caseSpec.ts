import type { CaseInfo } from '../contract/records';
import type { RecordSpec } from '../records/RecordSpec';

export const caseSpec: RecordSpec<CaseInfo> = {
  kind: 'case',
  table: 'case_info',
  writable: ['title', 'code_name', 'matter_number', 'docket_number', 'jurisdiction', 'classification', 'status', 'summary'],
  jsonColumns: [],
  sortable: { created: 'created_at' },
  filterColumns: ['title'],
  title: (row) => row.title,
  subtitle: (row) => row.code_name,
  searchText: (row) => ({
    title: row.title,
    body: [row.code_name, row.matter_number, row.docket_number, row.jurisdiction, row.summary].filter(Boolean).join('\n'),
  }),
};
