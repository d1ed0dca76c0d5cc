import type { Evidence } from '../contract/records';
import type { RecordSpec } from '../records/RecordSpec';

export const evidenceSpec: RecordSpec<Evidence> = {
  kind: 'evidence',
  table: 'evidence',
  writable: ['exhibit_number', 'exhibit_label', 'title', 'kind', 'original_name', 'media_type', 'size_bytes', 'sha256',
    'sha1', 'md5', 'content_sha256', 'acquired_at', 'acquired_by', 'source_url', 'source_device', 'source_person',
    'method', 'description', 'tags'],
  jsonColumns: ['tags'],
  sortable: { exhibit: 'exhibit_number', title: 'title', acquired: "coalesce(acquired_at, '')", size: 'size_bytes', created: 'created_at' },
  filterColumns: ['title', 'exhibit_label', 'original_name', 'sha256'],
  title: (row) => `${row.exhibit_label}: ${row.title}`,
  subtitle: (row) => [row.original_name, row.media_type].filter(Boolean).join(' · '),
  searchText: (row) => ({
    title: `${row.exhibit_label} ${row.title}`,
    body: [row.original_name, row.kind.replace(/_/g, ' '), row.media_type, row.sha256, row.sha1, row.md5, row.acquired_by,
      row.source_url, row.source_device, row.source_person, row.method, row.description, row.tags.join(' ')]
      .filter(Boolean)
      .join('\n'),
  }),
};
