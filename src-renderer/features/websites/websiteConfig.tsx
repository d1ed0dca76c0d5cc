import { SITE_ROLES, SITE_STATUSES } from '../../../src-main/contract/enums';
import type { Website } from '../../../src-main/contract/records';
import { call } from '../../api';
import type { FieldSpec } from '../../components/RecordForm';
import { enumLabel, formatDate } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedCell } from '../../components/UntrustedCell';
import { UntrustedText } from '../../components/UntrustedText';
import type { ItemKindConfig } from '../items/ItemKindConfig';
import { FlagBadges } from './FlagBadges';
import { WebsiteExtras } from './WebsiteExtras';

const commonFields: FieldSpec[] = [
  { name: 'role', label: 'Role', type: 'select', options: SITE_ROLES },
  { name: 'registrar', label: 'Registrar', type: 'text' },
  { name: 'registrar_iana_id', label: 'Registrar IANA id', type: 'text', mono: true, placeholder: 'e.g. 1068' },
  { name: 'registry', label: 'Registry', type: 'text' },
  { name: 'registrant', label: 'Registrant', type: 'text' },
  { name: 'hosting_provider', label: 'Hosting provider', type: 'text' },
  { name: 'asn', label: 'ASN', type: 'text', mono: true, placeholder: 'AS13335' },
  { name: 'expires_at', label: 'Registration expires', type: 'date' },
  { name: 'first_seen', label: 'First seen', type: 'date' },
  { name: 'last_seen', label: 'Last seen', type: 'date' },
  { name: 'ips', label: 'IP addresses', type: 'list', mono: true, help: 'One per line or comma-separated.' },
  { name: 'name_servers', label: 'Name servers', type: 'list', mono: true, help: 'One per line or comma-separated.' },
  { name: 'notes', label: 'Notes', type: 'textarea' },
];

export const websiteConfig: ItemKindConfig<'website'> = {
  kind: 'website',
  title: 'Websites',
  singular: 'Website',
  icon: 'website',
  createLabel: 'Add website',
  filterPlaceholder: 'Filter by host…',
  emptyTitle: 'No websites yet',
  emptyHint: 'Add the domains and URLs this case is about. Each keeps its legal lifecycle from identified to taken down.',
  columns: [
    {
      key: 'host',
      label: 'Host',
      width: 'minmax(220px, 2.2fr)',
      sortKey: 'host',
      render: (w) => (
        <span className="cell-main">
          <UntrustedCell text={w.url_path ? `${w.host_unicode}${w.url_path}` : w.host_unicode} what="The host" className="truncate mono-host" />
          {w.host_ascii !== w.host_unicode ? <span className="truncate mono faint" title="ASCII form (A-label)"><UntrustedText text={w.host_ascii} what="The ASCII form" flagFirst /></span> : null}
          {w.flags.length ? <FlagBadges flags={w.flags} compact /> : null}
        </span>
      ),
    },
    { key: 'role', priority: 2, label: 'Role', width: 'minmax(110px, 0.9fr)', render: (w) => <span className="truncate">{enumLabel(w.role)}</span> },
    { key: 'status', label: 'Lifecycle', width: '150px', sortKey: 'status', render: (w) => <StatusBadge value={w.status} /> },
    { key: 'registrar', priority: 3, label: 'Registrar', width: 'minmax(120px, 1fr)', sortKey: 'registrar', render: (w) => <UntrustedCell text={w.registrar} what="The registrar" /> },
    { key: 'expires', priority: 2, label: 'Expires', width: '110px', sortKey: 'expires', render: (w) => <span className="faint-date">{formatDate(w.expires_at)}</span> },
  ],
  titleOf: (w) => (w.url_path ? `${w.host_unicode}${w.url_path}` : w.host_unicode),
  subtitleOf: (w) => [enumLabel(w.role), w.registrable_domain].filter(Boolean).join(' · '),
  // As entered, from a CSV or from a merged copy: stored text is shown through UntrustedText (FieldList does it for plain strings).
  detailFields: [
    { label: 'Entered as', render: (w) => <span className="mono break-all"><UntrustedText text={w.raw_input} what="The input" /></span>, wide: true },
    { label: 'Unicode (U-label)', render: (w) => <span className="mono break-all"><UntrustedText text={w.host_unicode} what="The host" /></span> },
    { label: 'ASCII (A-label)', render: (w) => <span className="mono break-all"><UntrustedText text={w.host_ascii} what="The host" /></span> },
    { label: 'Registrable domain', render: (w) => w.registrable_domain },
    { label: 'Public suffix', render: (w) => w.public_suffix },
    { label: 'Path', render: (w) => (w.url_path ? <span className="mono break-all"><UntrustedText text={w.url_path} what="The path" /></span> : null) },
    // "No warnings" is a finding, not a gap: say so instead of listing it as not recorded.
    { label: 'Warnings', render: (w) => (w.flags.length ? <FlagBadges flags={w.flags} /> : <span className="faint">None</span>), wide: true },
    { label: 'Role', render: (w) => enumLabel(w.role) },
    { label: 'Lifecycle', render: (w) => <StatusBadge value={w.status} /> },
    { label: 'Registrar', render: (w) => (w.registrar ? `${w.registrar}${w.registrar_iana_id ? ` (IANA ${w.registrar_iana_id})` : ''}` : null) },
    { label: 'Registry', render: (w) => w.registry },
    { label: 'Registrant', render: (w) => w.registrant },
    { label: 'Hosting', render: (w) => [w.hosting_provider, w.asn].filter(Boolean).join(' · ') },
    { label: 'IP addresses', render: (w) => (w.ips.length ? <span className="mono"><UntrustedText text={w.ips.join(', ')} what="The addresses" /></span> : null), wide: true },
    { label: 'Name servers', render: (w) => (w.name_servers.length ? <span className="mono"><UntrustedText text={w.name_servers.join(', ')} what="The name servers" /></span> : null), wide: true },
    { label: 'Expires', render: (w) => formatDate(w.expires_at) },
    { label: 'First / last seen', render: (w) => [formatDate(w.first_seen), formatDate(w.last_seen)].filter(Boolean).join(' → ') },
    { label: 'Notes', render: (w) => (w.notes ? <span className="pre-wrap"><UntrustedText text={w.notes} multiline what="The notes" /></span> : null), wide: true },
  ],
  createFields: [
    { name: 'input', label: 'URL or domain', type: 'text', required: true, mono: true, wide: true, placeholder: 'https://example.com/shop or example.com', createOnly: true },
    { name: 'status', label: 'Lifecycle state', type: 'select', options: SITE_STATUSES, createOnly: true },
    ...commonFields,
  ],
  editFields: commonFields,
  create: (values) => call('websites.add', values as { input: string }),
  update: (id, patch, expectedHlc) => call('websites.update', { id, patch, expectedHlc }),
  Extras: WebsiteExtras,
};
