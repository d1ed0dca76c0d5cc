import { type ReactNode, useEffect, useState } from 'react';
import type { ItemKind, SiteStatus } from '../../../src-main/contract/enums';
import { SITE_STATUSES } from '../../../src-main/contract/enums';
import type { ItemByKind } from '../../../src-main/contract/records';
import { FormDialog } from '../../components/FormDialog';
import { Icon } from '../../components/Icon';
import { enumLabel, formatCount } from '../../components/labels';
import { VirtualTable } from '../../components/VirtualTable';
import { useApp } from '../app/appStore';
import { DetailPane } from './DetailPane';
import type { ItemKindConfig } from './ItemKindConfig';
import { itemLists, useSelection } from './itemStores';

/** How long typing pauses before the filter asks the case file (one query per pause, not per key). */
const FILTER_DELAY_MS = 250;

/**
 * A list view: toolbar (filter, sort, new), a virtualised table of the whole kind read page by
 * page, and the selected item's details. Used for evidence, websites, orders, people and notes.
 */
export function ItemsView<K extends ItemKind>({ config, actions, banner }: { config: ItemKindConfig<K>; actions?: ReactNode; banner?: ReactNode }) {
  const store = itemLists[config.kind];
  const query = store((s) => s.query);
  const setQuery = store((s) => s.setQuery);
  const selectedId = useSelection((s) => s.selected[config.kind]);
  const select = useSelection((s) => s.select);
  const total = useApp((s) => s.summary?.counts[config.kind] ?? null);
  const byStatus = useApp((s) => s.summary?.sitesByStatus);
  const changed = useApp((s) => s.changed);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState(query.filter);
  const createRequest = useApp((s) => s.createRequest);
  const requestCreate = useApp((s) => s.requestCreate);
  useEffect(() => {
    if (createRequest === config.kind) {
      requestCreate(null);
      setCreating(true);
    }
  }, [createRequest, config.kind, requestCreate]);

  // The filter applies as the user types (after a pause), not only on Enter.
  useEffect(() => {
    if (filter.trim() === query.filter.trim()) return;
    const timer = setTimeout(() => setQuery({ filter }), FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filter, query.filter, setQuery]);
  const matching = store((s) => s.total);

  const filtered = query.filter.trim() !== '' || query.status !== '';
  const shownTotal = query.status && byStatus ? (byStatus[query.status as SiteStatus] ?? 0) : total;

  return (
    <div className="items-view">
      <div className="items-main">
        <header className="view-header">
          <div className="view-title">
            <h1>{config.title}</h1>
            {shownTotal !== null && !query.filter.trim() ? <span className="count">{formatCount(shownTotal)}</span> : null}
            {query.filter.trim() && matching !== null && shownTotal !== null ? (
              <span className="count">
                {formatCount(matching)} of {formatCount(shownTotal)}
              </span>
            ) : null}
            <span className="visually-hidden" role="status" aria-live="polite">
              {filtered && matching !== null ? `${formatCount(matching)} ${matching === 1 ? config.singular.toLowerCase() : config.title.toLowerCase()} match` : ''}
            </span>
          </div>
          <div className="view-tools">
            <form
              className="filter-box"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                setQuery({ filter });
              }}
            >
              <Icon name="filter" size={14} />
              <input
                className="filter-input"
                aria-label={`Filter ${config.title.toLowerCase()}`}
                placeholder={config.filterPlaceholder}
                value={filter}
                onChange={(e) => {
                  setFilter(e.target.value);
                  if (e.target.value === '') setQuery({ filter: '' });
                }}
                onBlur={() => filter !== query.filter && setQuery({ filter })}
              />
              {filter ? (
                <button
                  type="button"
                  className="btn btn-ghost btn-icon btn-sm"
                  aria-label="Clear filter"
                  onClick={() => {
                    setFilter('');
                    setQuery({ filter: '' });
                  }}
                >
                  <Icon name="close" size={12} />
                </button>
              ) : null}
            </form>
            {config.kind === 'website' ? (
              <select className="select select-compact" aria-label="Lifecycle state" value={query.status} onChange={(e) => setQuery({ status: e.target.value })}>
                <option value="">All states</option>
                {SITE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {enumLabel(s)}
                  </option>
                ))}
              </select>
            ) : null}
            {actions}
            {(config.create && config.createFields) || config.Editor ? (
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                <Icon name="plus" size={14} /> {config.createLabel ?? `New ${config.singular.toLowerCase()}`}
              </button>
            ) : null}
          </div>
        </header>
        {banner}
        <VirtualTable<ItemByKind[K], typeof query>
          store={store as never}
          columns={config.columns}
          rowId={(row) => row.id}
          selectedId={selectedId}
          onSelect={(row) => select(config.kind, row.id)}
          sort={{ key: query.sort, direction: query.direction }}
          onSort={(key) => setQuery(key === query.sort ? { direction: query.direction === 'asc' ? 'desc' : 'asc' } : { sort: key, direction: 'asc' })}
          label={config.title}
          empty={
            <div className="empty-state">
              <Icon name={config.icon} size={28} strokeWidth={1.4} />
              <h2>{filtered ? 'Nothing matches' : config.emptyTitle}</h2>
              <p className="muted">{filtered ? 'Change or clear the filter to see more.' : config.emptyHint}</p>
            </div>
          }
        />
      </div>
      {selectedId ? <DetailPane config={config} id={selectedId} /> : null}
      {creating && config.Editor ? (
        <config.Editor
          item={null}
          onSaved={(saved) => {
            setCreating(false);
            changed([config.kind, 'links'], { rows: true });
            select(config.kind, saved.id);
          }}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {creating && !config.Editor && config.create && config.createFields ? (
        <FormDialog
          title={config.createLabel ?? `New ${config.singular.toLowerCase()}`}
          fields={config.createFields}
          mode="create"
          submitLabel={`Add ${config.singular.toLowerCase()}`}
          onSubmit={(values) => config.create!(values)}
          onSaved={(saved) => {
            setCreating(false);
            changed([config.kind, 'links'], { rows: true });
            select(config.kind, (saved as { id: string }).id);
          }}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </div>
  );
}
