import { EVIDENCE_KINDS } from '../../../src-main/contract/enums';
import { call } from '../../api';
import type { FieldSpec } from '../../components/RecordForm';
import { enumLabel, formatBytes, formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import type { ItemKindConfig } from '../items/ItemKindConfig';
import { EvidenceExtras, EvidenceIntegrity } from './EvidenceExtras';
import { HashValue } from './HashValue';
import { OriginalName } from './OriginalName';
import { UntrustedCell } from '../../components/UntrustedCell';

const editFields: FieldSpec[] = [
  { name: 'exhibit_label', label: 'Exhibit label', type: 'text', required: true, mono: true },
  { name: 'kind', label: 'Kind', type: 'select', required: true, options: EVIDENCE_KINDS },
  { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
  { name: 'acquired_at', label: 'Acquired', type: 'date' },
  { name: 'acquired_by', label: 'Acquired by', type: 'text' },
  { name: 'source_url', label: 'Source URL', type: 'text', mono: true, wide: true, help: 'Where it was captured. Shown as text, never opened.' },
  { name: 'source_device', label: 'Source device', type: 'text' },
  { name: 'source_person', label: 'Source person', type: 'text' },
  { name: 'method', label: 'Method', type: 'text', wide: true, placeholder: 'e.g. full-page capture with headless browser, SHA-256 at capture' },
  { name: 'description', label: 'Description', type: 'textarea' },
  { name: 'tags', label: 'Tags', type: 'list', help: 'One per line or comma-separated.' },
];

export const evidenceConfig: ItemKindConfig<'evidence'> = {
  kind: 'evidence',
  title: 'Evidence',
  singular: 'Exhibit',
  icon: 'evidence',
  filterPlaceholder: 'Filter by title, exhibit, file name, SHA-256…',
  emptyTitle: 'No evidence yet',
  emptyHint: 'Drop files anywhere on this window, or use Import files. Each file is stored byte-exact, hashed, and gets a custody record.',
  columns: [
    { key: 'exhibit', label: 'Exhibit', width: '90px', sortKey: 'exhibit', render: (e) => <UntrustedCell text={e.exhibit_label} what="The exhibit label" className="truncate mono cell-strong" /> },
    { key: 'title', label: 'Title', width: 'minmax(200px, 2fr)', sortKey: 'title', render: (e) => <UntrustedCell text={e.title} what="The title" /> },
    { key: 'kind', priority: 3, label: 'Kind', width: 'minmax(100px, 0.8fr)', render: (e) => <span className="truncate">{enumLabel(e.kind)}</span> },
    { key: 'size', priority: 2, label: 'Size', width: '90px', sortKey: 'size', align: 'right', render: (e) => <span className="tabular">{formatBytes(e.size_bytes)}</span> },
    { key: 'acquired', priority: 2, label: 'Acquired', width: '110px', sortKey: 'acquired', render: (e) => <span className="faint-date">{formatDate(e.acquired_at, false)}</span> },
    { key: 'sha256', priority: 3, label: 'SHA-256', width: '130px', render: (e) => <span className="mono faint">{e.sha256 ? `${e.sha256.slice(0, 12)}…` : ''}</span> },
  ],
  titleOf: (e) => `${e.exhibit_label}: ${e.title}`,
  // The raw file name may carry controls that reorder it (invoice\u202Efdp.exe): the detail pane spells titles and subtitles out.
  subtitleOf: (e) => [e.original_name, e.media_type, formatBytes(e.size_bytes)].filter(Boolean).join(' · '),
  detailFields: [
    { label: 'Kind', render: (e) => enumLabel(e.kind) },
    { label: 'Media type', render: (e) => <span className="mono"><UntrustedText text={e.media_type} what="The media type" /></span> },
    { label: 'Original name', render: (e) => (e.original_name ? <OriginalName name={e.original_name} /> : null) },
    { label: 'Size', render: (e) => `${formatBytes(e.size_bytes)} (${e.size_bytes.toLocaleString('en-US')} bytes)` },
    { label: 'SHA-256', render: (e) => (e.sha256 ? <HashValue value={e.sha256} algorithm="SHA-256" /> : null), wide: true },
    { label: 'SHA-1', render: (e) => (e.sha1 ? <HashValue value={e.sha1} algorithm="SHA-1" /> : null), wide: true },
    { label: 'MD5', render: (e) => (e.md5 ? <HashValue value={e.md5} algorithm="MD5" /> : null), wide: true },
    { label: 'Acquired', render: (e) => formatDate(e.acquired_at) },
    // Provenance fields may come from the evidence itself (a capture's URL, a share's import): shown through UntrustedText.
    { label: 'Acquired by', render: (e) => (e.acquired_by ? <UntrustedText text={e.acquired_by} /> : null) },
    { label: 'Source URL', render: (e) => (e.source_url ? <span className="mono break-all"><UntrustedText text={e.source_url} what="The address" /></span> : null), wide: true },
    { label: 'Source device', render: (e) => (e.source_device ? <UntrustedText text={e.source_device} /> : null) },
    { label: 'Source person', render: (e) => (e.source_person ? <UntrustedText text={e.source_person} /> : null) },
    { label: 'Method', render: (e) => (e.method ? <UntrustedText text={e.method} /> : null), wide: true },
    { label: 'Description', render: (e) => (e.description ? <span className="pre-wrap"><UntrustedText text={e.description} multiline /></span> : null), wide: true },
    { label: 'Tags', render: (e) => (e.tags.length ? <span className="tag-list">{e.tags.map((t) => <span key={t} className="badge"><UntrustedText text={t} what="The tag" /></span>)}</span> : null), wide: true },
  ],
  editFields,
  update: (id, patch, expectedHlc) => call('evidence.update', { id, patch, expectedHlc }),
  ExtrasTop: EvidenceIntegrity,
  Extras: EvidenceExtras,
};
