import { useLayoutEffect } from 'react';
import type { TimelineEntry } from '../../../src-main/contract/records';
import { formatDate, KIND_LABEL } from '../../components/labels';
import { UntrustedCell } from '../../components/UntrustedCell';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { ITEM_KINDS } from '../../../src-main/contract/enums';
import { useTopicsVersion } from '../../data/invalidation';
import { useApp } from '../app/appStore';
import { timelineList } from './timelineStore';

const KIND_TEXT: Record<TimelineEntry['kind'], string> = { ...KIND_LABEL, custody: 'Custody', status: 'Lifecycle' };

/**
 * A column of stored text: the event names who wrote a note, the item is a title or host, text
 * from anyone whose copy was merged in. Hidden characters are spelled out, the flag first where
 * the cell cuts text off.
 */
function untrustedColumn(key: string, label: string, width: string, text: (e: TimelineEntry) => string, what: string, className: string): Column<TimelineEntry> {
  return {
    key,
    label,
    width,
    render: (e) => <UntrustedCell text={text(e)} what={what} className={className} />,
  };
}

const columns: Column<TimelineEntry>[] = [
  {
    key: 'at',
    label: 'When',
    width: '170px',
    render: (e) => <span className="tabular">{formatDate(e.at)}</span>,
  },
  {
    key: 'kind',
      priority: 2,
    label: 'Type',
    width: '120px',
    render: (e) => (
      <span className="cell-main">
        <span className={`kind-dot kind-${e.record_kind}`} aria-hidden="true" /> {KIND_TEXT[e.kind]}
      </span>
    ),
  },
  untrustedColumn('what', 'Event', 'minmax(160px, 1fr)', (e) => e.what, 'The event', 'truncate'),
  untrustedColumn('title', 'Item', 'minmax(220px, 2fr)', (e) => e.title, "The item's name", 'truncate cell-strong'),
];

/** Every dated fact of the case in order: evidence, custody, lifecycle steps, court dates, notes. */
export function TimelineView() {
  const query = timelineList((s) => s.query);
  const setQuery = timelineList((s) => s.setQuery);
  const reload = timelineList((s) => s.reload);
  const revision = useTopicsVersion(ITEM_KINDS);
  const openItem = useApp((s) => s.openItem);
  // Before paint: never show a moment of another case's rows (these lists outlive a case).
  useLayoutEffect(() => {
    reload();
  }, [revision, reload]);

  return (
    <div className="items-view">
      <div className="items-main">
        <header className="view-header">
          <div className="view-title">
            <h1>Timeline</h1>
            <span className="muted small">Oldest first. Court dates without a time sort at the start of their day.</span>
          </div>
          <div className="view-tools">
            <label className="inline-field">
              <span className="muted">From</span>
              <input className="input" type="date" value={query.from} onChange={(e) => setQuery({ from: e.target.value })} />
            </label>
            <label className="inline-field">
              <span className="muted">To</span>
              <input className="input" type="date" value={query.to} onChange={(e) => setQuery({ to: e.target.value })} />
            </label>
          </div>
        </header>
        <VirtualTable
          store={timelineList}
          columns={columns}
          rowId={(e) => `${e.record_id}|${e.kind}|${e.at}|${e.what}`}
          selectedId={null}
          onSelect={(e) => openItem(e.record_kind, e.record_id)}
          label="Timeline"
          empty={
            <div className="empty-state">
              <h2>No dated events</h2>
              <p className="muted">Acquisition dates, custody events, lifecycle steps, court dates and notes appear here.</p>
            </div>
          }
        />
      </div>
    </div>
  );
}
