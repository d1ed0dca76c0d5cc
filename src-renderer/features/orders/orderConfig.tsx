import { ORDER_STATUSES, ORDER_TYPES } from '../../../src-main/contract/enums';
import { call } from '../../api';
import type { FieldSpec } from '../../components/RecordForm';
import { enumLabel, formatDate } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedCell } from '../../components/UntrustedCell';
import { UntrustedText } from '../../components/UntrustedText';
import type { ItemKindConfig } from '../items/ItemKindConfig';
import { AppendixSection } from './AppendixSection';
import { CoveredWebsites } from './CoveredWebsites';

const fields: FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', required: true, wide: true, placeholder: 'Order granting ex parte TRO' },
  { name: 'docket', label: 'Docket', type: 'text', required: true, mono: true, placeholder: '1:23-cv-10685' },
  { name: 'court', label: 'Court', type: 'text', required: true, placeholder: 'S.D.N.Y.' },
  { name: 'order_type', label: 'Type', type: 'select', required: true, options: ORDER_TYPES },
  { name: 'status', label: 'Status', type: 'select', options: ORDER_STATUSES },
  { name: 'judge', label: 'Judge', type: 'text' },
  { name: 'ecf_number', label: 'ECF number', type: 'text', mono: true },
  { name: 'filed_at', label: 'Filed', type: 'date' },
  { name: 'granted_at', label: 'Granted', type: 'date' },
  { name: 'served_at', label: 'Served', type: 'date' },
  { name: 'expires_at', label: 'Expires', type: 'date' },
  { name: 'caption', label: 'Caption', type: 'textarea' },
  { name: 'summary', label: 'Summary', type: 'textarea' },
];

export const orderConfig: ItemKindConfig<'order'> = {
  kind: 'order',
  title: 'Court orders',
  singular: 'Court order',
  icon: 'order',
  createLabel: 'New court order',
  filterPlaceholder: 'Filter by title, docket, court, judge…',
  emptyTitle: 'No court orders yet',
  emptyHint: 'Record TROs, injunctions, seizure orders and warrants, then link each to the websites it covers.',
  columns: [
    { key: 'title', label: 'Title', width: 'minmax(220px, 2fr)', sortKey: 'title', render: (o) => <UntrustedCell text={o.title} what="The title" className="truncate cell-strong" /> },
    { key: 'docket', priority: 2, label: 'Docket', width: 'minmax(120px, 1fr)', sortKey: 'docket', render: (o) => <UntrustedCell text={o.docket} what="The docket" className="truncate mono" /> },
    { key: 'court', priority: 3, label: 'Court', width: 'minmax(100px, 0.9fr)', render: (o) => <UntrustedCell text={o.court} what="The court" /> },
    { key: 'type', priority: 3, label: 'Type', width: 'minmax(120px, 1fr)', render: (o) => <span className="truncate">{enumLabel(o.order_type)}</span> },
    { key: 'status', label: 'Status', width: '110px', render: (o) => <StatusBadge value={o.status} /> },
    { key: 'granted', priority: 2, label: 'Granted', width: '110px', sortKey: 'granted', render: (o) => <span className="faint-date">{formatDate(o.granted_at ?? o.filed_at)}</span> },
    { key: 'expires', priority: 2, label: 'Expires', width: '110px', sortKey: 'expires', render: (o) => <span className="faint-date">{formatDate(o.expires_at)}</span> },
  ],
  titleOf: (o) => o.title,
  subtitleOf: (o) => `${o.docket} · ${o.court}`,
  // Stored text (maybe from a merged copy) through UntrustedText; FieldList does it for plain strings.
  detailFields: [
    { label: 'Type', render: (o) => enumLabel(o.order_type) },
    { label: 'Status', render: (o) => <StatusBadge value={o.status} /> },
    { label: 'Docket', render: (o) => <span className="mono"><UntrustedText text={o.docket} what="The docket" /></span> },
    { label: 'Court', render: (o) => o.court },
    { label: 'Judge', render: (o) => o.judge },
    { label: 'ECF number', render: (o) => o.ecf_number },
    { label: 'Filed', render: (o) => formatDate(o.filed_at) },
    { label: 'Granted', render: (o) => formatDate(o.granted_at) },
    { label: 'Served', render: (o) => formatDate(o.served_at) },
    { label: 'Expires', render: (o) => formatDate(o.expires_at) },
    { label: 'Caption', render: (o) => (o.caption ? <span className="pre-wrap"><UntrustedText text={o.caption} multiline what="The caption" /></span> : null), wide: true },
    { label: 'Summary', render: (o) => (o.summary ? <span className="pre-wrap"><UntrustedText text={o.summary} multiline what="The summary" /></span> : null), wide: true },
  ],
  createFields: fields,
  editFields: fields,
  create: (values) => call('orders.create', values as never),
  update: (id, patch, expectedHlc) => call('orders.update', { id, patch, expectedHlc }),
  Extras: ({ item }) => (
    <>
      <AppendixSection item={item} />
      <CoveredWebsites item={item} />
    </>
  ),
};
