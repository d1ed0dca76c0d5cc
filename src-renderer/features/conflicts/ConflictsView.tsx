import { useState } from 'react';
import type { ConflictListing } from '../../../src-main/contract/conflicts';
import { call, toDossierError } from '../../api';
import { displayText } from '../../components/displayText';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../components/labels';
import { ALL_TOPICS } from '../../data/invalidation';
import { UntrustedText } from '../../components/UntrustedText';
import { useQuery } from '../../data/useQuery';
import { useApp } from '../app/appStore';

const KIND_LABEL: Record<ConflictListing['kind'], string> = {
  edit_edit: 'Edited on two copies',
  delete_edit: 'Deleted on one copy, edited on another',
  duplicate: 'Added on two copies',
  exhibit_number: 'Two exhibits, one number',
  same_content: 'Identical exhibits',
  bates_overlap: 'Two productions, one Bates range',
};

/** Open merge conflicts: what the badge in the sidebar counts. Every change may add or settle one. */
export function useOpenConflicts() {
  return useQuery(['conflicts', 'open'], ALL_TOPICS, () => call('conflicts.list', {}));
}

/**
 * Everything a conflict quotes (values, the names of who wrote them, the summary that repeats
 * both) came from other copies of the case, which may hold what this copy's checks refuse (an
 * older version, a hostile copy): shown as text, never markup, with hidden characters spelled
 * out (UntrustedText); buttons name a person with displayText, the flag stays on the heading.
 */
function ValueList({ values }: { values: Record<string, unknown> }) {
  return (
    <dl className="conflict-values">
      {Object.entries(values).map(([field, value]) => (
        <div key={field}>
          <dt className="mono faint">{field}</dt>
          <dd className="pre-wrap">{value === null ? '(empty)' : <UntrustedText text={typeof value === 'string' ? value : JSON.stringify(value)} multiline what="The value" />}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who wrote a side (an actor name from another copy); the flag first, so the date can follow the name. */
function Author({ name }: { name: string | null }) {
  return name === null ? <>—</> : <UntrustedText text={name} what="The name" flagFirst />;
}

/**
 * A conflict row its seal does not vouch for (inserted or changed behind the app's back): its values
 * and names are not what any merge wrote, so it must not read as a teammate's work, and it offers no
 * resolve (the main process refuses it, CASE_CHECK_FAILED) but the check that names what was altered.
 * The reason quotes ids from the file: shown as untrusted text.
 */
function NotVerified({ reason }: { reason: string | null }) {
  const setView = useApp((s) => s.setView);
  return (
    <div className="banner tone-danger conflict-unverified" role="alert">
      <p>
        <strong>Not verified:</strong> <UntrustedText text={reason ?? 'it differs from its seal'} oneLine what="The reason" />. No merge wrote this conflict as shown: do not
        trust its values or names, and do not act on it. Run full check in the Audit log (or <span className="mono">dossier check</span>), then restore the case file
        from a backup or a teammate&apos;s copy.
      </p>
      <button type="button" className="btn" onClick={() => setView('audit')}>
        Open the Audit log
      </button>
    </div>
  );
}

function ConflictCard({ conflict, onResolved }: { conflict: ConflictListing; onResolved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolve = async (keep: string) => {
    setBusy(true);
    setError(null);
    try {
      await call('conflicts.resolve', { id: conflict.id, keep });
      onResolved();
    } catch (raw) {
      setError(toDossierError(raw).message);
    } finally {
      setBusy(false);
    }
  };
  const versions = conflict.kind === 'edit_edit' || conflict.kind === 'delete_edit';
  return (
    <article className="card conflict-card" aria-labelledby={`conflict-${conflict.id}`}>
      <header className="conflict-head">
        <h2 id={`conflict-${conflict.id}`} className="small">
          {KIND_LABEL[conflict.kind]} <span className="mono faint">{conflict.record_table} {conflict.record_id.slice(-8)}</span>
        </h2>
        {conflict.resolution ? (
          <span className="faint small">
            Resolved ({conflict.resolution}) by <Author name={conflict.resolved_by} />, {formatDate(conflict.resolved_at ?? '')}
          </span>
        ) : null}
      </header>
      {conflict.verified ? null : <NotVerified reason={conflict.unverifiedReason} />}
      <p>
        <UntrustedText text={conflict.summary} oneLine what="The summary" />
      </p>
      <div className="conflict-sides">
        <section>
          <h3 className="small">{conflict.kind === 'bates_overlap' ? 'Production' : 'Kept'} · <Author name={conflict.kept_by} />{conflict.kept_at && versions ? `, ${formatDate(conflict.kept_at)}` : ''}</h3>
          <ValueList values={conflict.kept_value} />
        </section>
        <section>
          <h3 className="small">{versions ? 'Overwritten' : 'Other'} · <Author name={conflict.lost_by} />{conflict.lost_at && versions ? `, ${formatDate(conflict.lost_at)}` : ''}</h3>
          <ValueList values={conflict.lost_value} />
        </section>
      </div>
      {conflict.kind === 'exhibit_number' && conflict.proposal && !conflict.resolution && conflict.verified ? <p className="faint small">Proposed: <UntrustedText text={conflict.proposal} what="The proposal" /></p> : null}
      {error ? (
        <div className="banner tone-danger" role="alert">
          {error}
        </div>
      ) : null}
      {conflict.resolution || !conflict.verified ? null : (
        <div className="conflict-actions">
          {versions && conflict.mineTellsApart ? (
            <>
              <button type="button" className="btn" disabled={busy} onClick={() => void resolve('mine')}>
                Keep mine
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => void resolve('theirs')}>
                Keep theirs
              </button>
            </>
          ) : versions ? (
            // Both sides by one person (two computers), or by neither of them: named by what the merge did.
            <>
              <button type="button" className="btn" disabled={busy} onClick={() => void resolve('kept')}>
                Keep the kept version ({displayText(conflict.kept_by)})
              </button>
              <button type="button" className="btn" disabled={busy} onClick={() => void resolve('overwritten')}>
                Keep the overwritten version ({displayText(conflict.lost_by ?? '—')})
              </button>
            </>
          ) : conflict.kind === 'duplicate' || conflict.kind === 'bates_overlap' ? (
            // By id, not mine/theirs: the same person may have added both (two laptops).
            <>
              {[
                [conflict.record_id, displayText(conflict.kept_by)],
                [conflict.other_record_id ?? '', displayText(conflict.lost_by ?? '—')],
              ].map(([id, by]) => (
                <button key={id} type="button" className="btn" disabled={busy} onClick={() => void resolve(id!)}>
                  {conflict.kind === 'bates_overlap' ? `${by}'s production keeps the numbers` : `Keep ${by}'s`} <span className="mono faint">{id!.slice(-8)}</span>
                </button>
              ))}
            </>
          ) : conflict.kind === 'exhibit_number' ? (
            // By id: the first exhibit keeps its number, whoever added either.
            <button type="button" className="btn" disabled={busy} onClick={() => void resolve(conflict.record_id)}>
              Renumber the other exhibit
            </button>
          ) : (
            <button type="button" className="btn" disabled={busy} onClick={() => void resolve('mine')}>
              Acknowledge
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** Conflicts merges found, kept until someone resolves them (issue 17): both values, who, when. */
export function ConflictsView() {
  const [showResolved, setShowResolved] = useState(false);
  const changed = useApp((s) => s.changed);
  const { data, error, loading } = useQuery(['conflicts', showResolved], ALL_TOPICS, () => call('conflicts.list', { includeResolved: showResolved }));
  const open = (data ?? []).filter((c) => !c.resolution).length;
  return (
    <div className="items-view">
      <div className="items-main conflicts-main">
        <header className="view-header">
          <div className="view-title">
            <h1>Conflicts</h1>
            <span className="muted small">What merges overwrote or found twice. Nothing was lost: overwritten versions are in each record&apos;s history.</span>
          </div>
          <div className="view-tools">
            <label className="small">
              <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
            </label>
          </div>
        </header>
        {error ? (
          <div className="banner tone-danger" role="alert">
            {error}
          </div>
        ) : null}
        {!loading && data && open === 0 ? (
          <div className="banner tone-success" role="status">
            <Icon name="check" size={16} /> No conflicts to review.
          </div>
        ) : null}
        {(data ?? []).map((c) => (
          <ConflictCard key={c.id} conflict={c} onResolved={() => changed(ALL_TOPICS, { rows: true })} />
        ))}
      </div>
    </div>
  );
}
