import { STAKEHOLDER_KINDS } from '../../../src-main/contract/enums';
import { call } from '../../api';
import type { FieldSpec } from '../../components/RecordForm';
import { enumLabel } from '../../components/labels';
import { UntrustedCell } from '../../components/UntrustedCell';
import { UntrustedText } from '../../components/UntrustedText';
import type { ItemKindConfig } from '../items/ItemKindConfig';

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text', required: true, placeholder: 'Person or organisation' },
  { name: 'organization', label: 'Organisation', type: 'text' },
  { name: 'kind', label: 'Kind', type: 'select', options: STAKEHOLDER_KINDS },
  { name: 'role', label: 'Role in the case', type: 'text', placeholder: 'e.g. abuse contact, lead counsel' },
  { name: 'email', label: 'E-mail', type: 'email' },
  { name: 'phone', label: 'Phone', type: 'text' },
  { name: 'address', label: 'Address', type: 'textarea' },
  { name: 'notes', label: 'Notes', type: 'textarea' },
];

export const stakeholderConfig: ItemKindConfig<'stakeholder'> = {
  kind: 'stakeholder',
  title: 'Stakeholders',
  singular: 'Stakeholder',
  icon: 'stakeholder',
  createLabel: 'New stakeholder',
  filterPlaceholder: 'Filter by name, organisation, e-mail…',
  emptyTitle: 'No stakeholders yet',
  emptyHint: 'Registries, registrars, hosts, law enforcement, counsel, partners, victims and defendants.',
  columns: [
    { key: 'name', label: 'Name', width: 'minmax(180px, 1.6fr)', sortKey: 'name', render: (s) => <UntrustedCell text={s.name} what="The name" className="truncate cell-strong" /> },
    { key: 'organization', priority: 2, label: 'Organisation', width: 'minmax(140px, 1.2fr)', sortKey: 'organization', render: (s) => <UntrustedCell text={s.organization} what="The organisation" /> },
    { key: 'kind', priority: 2, label: 'Kind', width: '150px', sortKey: 'kind', render: (s) => <span className="truncate">{enumLabel(s.kind)}</span> },
    { key: 'role', priority: 3, label: 'Role', width: 'minmax(120px, 1fr)', render: (s) => <UntrustedCell text={s.role} what="The role" /> },
    { key: 'email', priority: 3, label: 'E-mail', width: 'minmax(160px, 1.2fr)', render: (s) => <UntrustedCell text={s.email} what="The e-mail address" /> },
  ],
  titleOf: (s) => s.name,
  subtitleOf: (s) => [s.organization, enumLabel(s.kind)].filter(Boolean).join(' · '),
  // Stored text (maybe from a merged copy) through UntrustedText; FieldList does it for plain strings.
  detailFields: [
    { label: 'Organisation', render: (s) => s.organization },
    { label: 'Kind', render: (s) => enumLabel(s.kind) },
    { label: 'Role', render: (s) => s.role },
    { label: 'E-mail', render: (s) => (s.email ? <span className="break-all"><UntrustedText text={s.email} what="The e-mail address" /></span> : null) },
    { label: 'Phone', render: (s) => s.phone },
    { label: 'Address', render: (s) => (s.address ? <span className="pre-wrap"><UntrustedText text={s.address} multiline what="The address" /></span> : null), wide: true },
    { label: 'Notes', render: (s) => (s.notes ? <span className="pre-wrap"><UntrustedText text={s.notes} multiline what="The notes" /></span> : null), wide: true },
  ],
  createFields: fields,
  editFields: fields,
  create: (values) => call('stakeholders.create', values as never),
  update: (id, patch, expectedHlc) => call('stakeholders.update', { id, patch, expectedHlc }),
};
