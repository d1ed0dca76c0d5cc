import { useId, useState } from 'react';
import { SITE_STATUSES, type SiteStatus } from '../../../src-main/contract/enums';
import type { Website } from '../../../src-main/contract/records';
import { call, fieldErrors, toDossierError } from '../../api';
import { enumLabel, formatDate } from '../../components/labels';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';
import { itemLists } from '../items/itemStores';

/** The domain's legal lifecycle: move it to the next state (dated, with a note) and see every step. */
export function WebsiteStatusPanel({ item, reload }: { item: Website; reload: () => void }) {
  const changed = useApp((s) => s.changed);
  const history = useQuery(['statusHistory', item.id, item.hlc], ['website'], () => call('websites.statusHistory', { id: item.id }));
  const events = history.data ?? [];
  const [status, setStatus] = useState<SiteStatus>(item.status);
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  const current = SITE_STATUSES.indexOf(item.status);


  async function save() {
    setError(null);
    setNotice(null);
    try {
      const updated = await call('websites.setStatus', { id: item.id, status, ...(at ? { at } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      // An event dated before one already recorded joins the history without moving the site back.
      if (updated.status !== status) {
        setNotice(`${enumLabel(status)} is recorded in the history; the status stays ${enumLabel(updated.status)}, which a later-dated event set.`);
      }
      itemLists.website.getState().patchRow((row) => row.id === item.id, updated);
      setNote('');
      setAt('');
      reload();
      changed(['website']);
    } catch (raw) {
      const e = toDossierError(raw);
      const fields = fieldErrors(e);
      setError(Object.values(fields)[0] ? `${Object.keys(fields)[0]}: ${Object.values(fields)[0]}` : e.message);
    }
  }

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <div className="detail-section-head">
        <h3 id={`${id}-h`}>Lifecycle</h3>
      </div>
      <ol className="lifecycle" aria-label={`Lifecycle: ${enumLabel(item.status)}, step ${current + 1} of ${SITE_STATUSES.length}`}>
        {SITE_STATUSES.map((s, index) => {
          const reached = events.some((e) => e.status === s);
          return (
            <li
              key={s}
              className={`lifecycle-step ${s === item.status ? 'is-current' : ''} ${reached || index < current ? 'is-reached' : ''}`}
              title={`${enumLabel(s)}${reached ? ' (reached)' : ''}`}
            />
          );
        })}
      </ol>
      <div className="lifecycle-caption">
        <span>
          <strong>{enumLabel(item.status)}</strong> <span className="faint">· step {current + 1} of {SITE_STATUSES.length}</span>
        </span>
        {item.status_at ? <span className="faint">since {formatDate(item.status_at)}</span> : null}
      </div>
      <div className="status-form" role="group" aria-label="Record a lifecycle change">
        <select className="select" aria-label="New lifecycle state" value={status} onChange={(e) => setStatus(e.target.value as SiteStatus)}>
          {SITE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {enumLabel(s)}
            </option>
          ))}
        </select>
        <input className="input" type="date" aria-label="Date of the change" value={at} onChange={(e) => setAt(e.target.value)} />
        <input className="input status-note" aria-label="Note on the change" placeholder="Note (optional), e.g. registrar confirmed hold" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="btn btn-sm" onClick={() => void save()} disabled={status === item.status && !note.trim()}>
          Record change
        </button>
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      {notice ? (
        <div className="faint" role="status">
          {notice}
        </div>
      ) : null}
      <QueryError what="the lifecycle history" error={history.error} />
      <ol className="event-list" aria-label="Lifecycle history">
        {[...events].reverse().map((event) => (
          <li key={event.id} className="event-item">
            <StatusBadge value={event.status} />
            <span className="faint">{formatDate(event.at)}</span>
            {/* Who and why may come from a teammate's merged copy: spelled out and flagged. */}
            <span className="faint">
              by <UntrustedText text={event.created_by} what="The name" />
            </span>
            {event.note ? (
              <span className="event-note">
                <UntrustedText text={event.note} what="The note" />
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
