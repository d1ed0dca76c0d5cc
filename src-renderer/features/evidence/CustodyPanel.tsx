import { useId, useState } from 'react';
import { CUSTODY_ACTIONS, type CustodyAction } from '../../../src-main/contract/enums';
import type { Evidence } from '../../../src-main/contract/records';
import { call, fieldErrors, toDossierError } from '../../api';
import { enumLabel, formatDate } from '../../components/labels';
import { QueryError } from '../../components/QueryError';
import { StatusBadge } from '../../components/StatusBadge';
import { UntrustedText } from '../../components/UntrustedText';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';

/** The exhibit's chain of custody, oldest first, and a form to record the next hand-over. */
export function CustodyPanel({ item }: { item: Evidence }) {
  const changed = useApp((s) => s.changed);
  const custody = useQuery(['custody', item.id], ['evidence'], () => call('evidence.custody', { id: item.id }));
  const events = custody.data ?? [];
  const [action, setAction] = useState<CustodyAction>('transferred');
  const [toParty, setToParty] = useState('');
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();


  async function record() {
    setError(null);
    try {
      await call('evidence.addCustody', {
        evidence_id: item.id,
        action,
        ...(toParty.trim() ? { to_party: toParty.trim() } : {}),
        ...(details.trim() ? { details: details.trim() } : {}),
      });
      setToParty('');
      setDetails('');
      changed(['evidence']);
    } catch (raw) {
      const e = toDossierError(raw);
      setError(Object.values(fieldErrors(e))[0] ?? e.message);
    }
  }

  return (
    <section className="detail-section" aria-labelledby={`${id}-h`}>
      <div className="detail-section-head">
        <h3 id={`${id}-h`}>
          Chain of custody <span className="count">{events.length}</span>
        </h3>
      </div>
      <QueryError what="the chain of custody" error={custody.error} />
      <ol className="custody-list">
        {events.map((event) => (
          <li key={event.id} className="custody-item">
            <div className="custody-head">
              <strong>{enumLabel(event.action)}</strong>
              <StatusBadge value={event.result} />
              <span className="faint">{formatDate(event.at)}</span>
            </div>
            <div className="custody-body muted">
              {/* Paths and details quote file names as found on disk: their controls are spelled out and flagged. */}
              <UntrustedText
                text={[event.actor, event.from_party ? `from ${event.from_party}` : '', event.to_party ? `to ${event.to_party}` : '', event.location ?? '', event.details ?? '']
                  .filter(Boolean)
                  .join(' · ')}
                multiline
                what="This entry"
              />
            </div>
            {event.hash_seen ? <div className="mono faint break-all">{event.hash_seen}</div> : null}
          </li>
        ))}
      </ol>
      <div className="status-form" role="group" aria-label="Record a custody event">
        <select className="select" aria-label="Custody action" value={action} onChange={(e) => setAction(e.target.value as CustodyAction)}>
          {CUSTODY_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {enumLabel(a)}
            </option>
          ))}
        </select>
        <input className="input" aria-label="To (person or place)" placeholder="To…" value={toParty} onChange={(e) => setToParty(e.target.value)} />
        <input className="input status-note" aria-label="Custody details" placeholder="Details (purpose, seal number…)" value={details} onChange={(e) => setDetails(e.target.value)} />
        <button type="button" className="btn btn-sm" onClick={() => void record()}>
          Record event
        </button>
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
