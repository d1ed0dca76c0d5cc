import { useState } from 'react';
import type { FilingCaption } from '../../../src-main/contract/filingCaption';
import { CaptionDialog } from '../caption/CaptionDialog';
import { CLASSIFICATIONS, ITEM_KINDS, SITE_STATUSES, type SiteStatus } from '../../../src-main/contract/enums';
import { call } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { Icon, type IconName } from '../../components/Icon';
import { enumLabel, formatBytes, formatCount, formatDate, KIND_PLURAL } from '../../components/labels';
import type { FieldSpec } from '../../components/RecordForm';
import { QueryError } from '../../components/QueryError';
import { StatusBadge, TlpBadge } from '../../components/StatusBadge';
import { UntrustedCell } from '../../components/UntrustedCell';
import { UntrustedText } from '../../components/UntrustedText';
import { useQuery } from '../../data/useQuery';
import { useApp, VIEW_OF_KIND } from '../app/appStore';
import { itemLists } from '../items/itemStores';

const KIND_ICON: Record<(typeof ITEM_KINDS)[number], IconName> = {
  evidence: 'evidence',
  website: 'website',
  order: 'order',
  stakeholder: 'stakeholder',
  note: 'note',
};

const CASE_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
  { name: 'code_name', label: 'Code name', type: 'text' },
  { name: 'classification', label: 'Classification (TLP)', type: 'select', required: true, options: CLASSIFICATIONS },
  { name: 'matter_number', label: 'Matter number', type: 'text', mono: true },
  { name: 'docket_number', label: 'Docket number', type: 'text', mono: true },
  { name: 'jurisdiction', label: 'Jurisdiction', type: 'text' },
  { name: 'status', label: 'Status', type: 'select', required: true, options: ['open', 'closed', 'archived'] },
  { name: 'summary', label: 'Summary', type: 'textarea' },
];

const OPEN_STATES: { status: SiteStatus; text: string }[] = [
  { status: 'identified', text: 'domains identified, evidence not yet captured' },
  { status: 'evidence_captured', text: 'domains captured, not yet named in an order' },
  { status: 'named_in_order', text: 'domains named in an order, not yet served' },
  { status: 'served', text: 'domains served, transfer or hold not yet confirmed' },
];

/** The case at a glance: what is in it, where the domains stand, what needs doing, what expires. */
export function OverviewView() {
  const summary = useApp((s) => s.summary)!;
  const setView = useApp((s) => s.setView);
  const openItem = useApp((s) => s.openItem);
  const changed = useApp((s) => s.changed);
  // Counted by the case file with the list's own rule, so the figures hold past any page size.
  const overview = useQuery(['overview'], ['order', 'website'], () => call('case.overview', {}));
  const expiries = overview.data?.expiring ?? [];
  const ordersAwaitingService = overview.data?.awaitingService ?? [];
  const [editing, setEditing] = useState(false);
  const [caption, setCaption] = useState<FilingCaption | null>(null);

  const info = summary.info;
  const caseMeta = [info.matter_number && `Matter ${info.matter_number}`, info.docket_number && `Docket ${info.docket_number}`, info.jurisdiction].filter(Boolean).join(' · ');
  const sites = summary.counts.website;
  const openDomainItems = OPEN_STATES.map((s) => ({ ...s, count: summary.sitesByStatus[s.status] ?? 0 })).filter((s) => s.count > 0);
  const showSites = (status: SiteStatus) => {
    itemLists.website.getState().setQuery({ status });
    setView('websites');
  };

  return (
    <div className="overview scroll-view">
      <header className="case-header">
        <div className="case-header-main">
          <div className="case-header-badges">
            <TlpBadge value={info.classification} />
            <StatusBadge value={info.status} />
            {info.code_name ? (
              <span className="badge">
                <UntrustedText text={info.code_name} what="The code name" flag="icon" />
              </span>
            ) : null}
          </div>
          <h1 className="case-title">
            <UntrustedText text={info.title} what="The case title" />
          </h1>
          <div className="case-meta muted">
            {caseMeta ? <UntrustedText text={caseMeta} what="The matter, docket or jurisdiction" flag="icon" /> : 'No matter, docket or jurisdiction recorded yet.'}
          </div>
          {info.summary ? (
            <p className="case-summary">
              <UntrustedText text={info.summary} what="The summary" multiline />
            </p>
          ) : null}
        </div>
        <button type="button" className="btn" onClick={() => setEditing(true)}>
          <Icon name="edit" size={14} /> Edit case details
        </button>
        <button type="button" className="btn" onClick={() => void call('caption.get', {}).then(setCaption)}>
          <Icon name="edit" size={14} /> Filing caption
        </button>
      </header>

      <section className="stat-grid" aria-label="Items in this case">
        {ITEM_KINDS.map((kind) => (
          <button key={kind} type="button" className="stat-card" onClick={() => setView(VIEW_OF_KIND[kind])}>
            <span className={`stat-icon kind-fg-${kind}`}>
              <Icon name={KIND_ICON[kind]} size={18} />
            </span>
            <span className="stat-value">{formatCount(summary.counts[kind])}</span>
            <span className="stat-label">{KIND_PLURAL[kind]}</span>
          </button>
        ))}
      </section>

      <div className="overview-grid">
        <section className="panel" aria-labelledby="lifecycle-h">
          <div className="panel-head">
            <h2 id="lifecycle-h">Domains by lifecycle state</h2>
            <span className="muted">{formatCount(sites)} total</span>
          </div>
          {sites === 0 ? (
            <p className="muted small">No websites recorded yet.</p>
          ) : (
            <>
              <div className="stacked-bar" role="img" aria-label="Share of domains in each lifecycle state">
                {SITE_STATUSES.map((status) => {
                  const n = summary.sitesByStatus[status] ?? 0;
                  return n ? <span key={status} className={`bar-seg seg-${status}`} style={{ flexGrow: n }} title={`${enumLabel(status)}: ${formatCount(n)}`} /> : null;
                })}
              </div>
              <ul className="status-table">
                {SITE_STATUSES.map((status) => {
                  const n = summary.sitesByStatus[status] ?? 0;
                  return (
                    <li key={status}>
                      <button type="button" className="status-row" onClick={() => showSites(status)} disabled={n === 0}>
                        <span className={`seg-swatch seg-${status}`} aria-hidden="true" />
                        <span className="status-name">{enumLabel(status)}</span>
                        <span className="status-count tabular">{formatCount(n)}</span>
                        <span className="status-pct faint tabular">{sites ? `${Math.round((n / sites) * 100)}%` : ''}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>

        <section className="panel" aria-labelledby="open-h">
          <div className="panel-head">
            <h2 id="open-h">Open items</h2>
          </div>
          <QueryError what="the orders awaiting service" error={overview.error} />
          {openDomainItems.length === 0 && ordersAwaitingService.length === 0 ? (
            <p className="muted small">Nothing waiting. Domains and orders that need a next step show here.</p>
          ) : (
            <ul className="todo-list">
              {openDomainItems.map((item) => (
                <li key={item.status}>
                  <button type="button" className="todo-row" onClick={() => showSites(item.status)}>
                    <span className="todo-count tabular">{formatCount(item.count)}</span>
                    <span>{item.text}</span>
                    <Icon name="chevronRight" size={14} />
                  </button>
                </li>
              ))}
              {ordersAwaitingService.map((order) => (
                <li key={order.id}>
                  <button type="button" className="todo-row" onClick={() => openItem('order', order.id)}>
                    <span className="todo-count" aria-hidden="true">
                      <span className="kind-dot kind-order" />
                    </span>
                    <span className="truncate">
                      <UntrustedText text={order.title} what="The order's title" flag="icon" flagFirst /> <span className="faint">· {enumLabel(order.status)}, not yet served</span>
                    </span>
                    <Icon name="chevronRight" size={14} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby="expiry-h">
          <div className="panel-head">
            <h2 id="expiry-h">Expiring soon</h2>
            {overview.data && overview.data.expiringTotal > expiries.length ? (
              <span className="muted">
                {formatCount(expiries.length)} of {formatCount(overview.data.expiringTotal)}
              </span>
            ) : null}
          </div>
          <QueryError what="the expiries" error={overview.error} />
          {expiries.length === 0 ? (
            <p className="muted small">
              Nothing expires within {overview.data?.withinDays ?? 30} days: no order in force and no confirmed domain registration.
            </p>
          ) : (
            <ul className="todo-list">
              {expiries.map((e) => (
                <li key={`${e.kind}-${e.id}`}>
                  <button type="button" className="todo-row" onClick={() => openItem(e.kind, e.id)}>
                    <span className="expiry-date tabular">{formatDate(e.date)}</span>
                    <span className={`kind-dot kind-${e.kind}`} aria-hidden="true" />
                    <UntrustedCell text={e.title} what="The title" />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="panel" aria-labelledby="file-h">
          <div className="panel-head">
            <h2 id="file-h">Case file</h2>
          </div>
          <dl className="field-list compact">
            <div className="field-row wide">
              <dt>Location</dt>
              <dd className="mono break-all">
                <UntrustedText text={summary.path} what="The path" />
              </dd>
            </div>
            <div className="field-row">
              <dt>Size</dt>
              <dd>{formatBytes(summary.fileBytes)}</dd>
            </div>
            <div className="field-row">
              <dt>Schema</dt>
              <dd>version {summary.schemaVersion}</dd>
            </div>
            <div className="field-row">
              <dt>Created</dt>
              <dd>
                {formatDate(info.created_at)} by <UntrustedText text={info.created_by} what="The name" />
              </dd>
            </div>
            <div className="field-row">
              <dt>Last changed</dt>
              <dd>
                {formatDate(info.updated_at)} by <UntrustedText text={info.updated_by} what="The name" />
              </dd>
            </div>
          </dl>
        </section>
      </div>

      {caption ? <CaptionDialog caption={caption} onSaved={() => setCaption(null)} onClose={() => setCaption(null)} /> : null}
      {editing ? (
        <FormDialog
          title="Case details"
          fields={CASE_FIELDS}
          initial={info as unknown as Record<string, unknown>}
          mode="edit"
          submitLabel="Save changes"
          onSubmit={(patch) => call('case.update', { patch, expectedHlc: info.hlc })}
          onSaved={() => {
            setEditing(false);
            changed(['case']);
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </div>
  );
}
