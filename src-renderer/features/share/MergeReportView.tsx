import type { ItemKind } from '../../../src-main/contract/enums';
import type { MergeReport } from '../../../src-main/contract/MergeReport';
import { enumLabel } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';

/** Tables whose rows the app can open (others, e.g. links or roster entries, are listed only). */
const KIND_OF_TABLE: Record<string, ItemKind> = {
  evidence: 'evidence',
  website: 'website',
  court_order: 'order',
  stakeholder: 'stakeholder',
  note: 'note',
};

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function breakdown(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`)
    .join(', ');
}

/** What a merge brought in and the conflicts a person should review. */
export function MergeReportView({ report, onOpen }: { report: MergeReport; onOpen: (kind: ItemKind, id: string) => void }) {
  return (
    <div className="result-summary">
      {report.unchanged ? (
        <p className="problem tone-info">Nothing new: this copy had nothing your case did not already have.</p>
      ) : (
        <dl className="stat-row" aria-label="Merge counts">
          <div>
            <dt>New records</dt>
            <dd className="tabular">{total(report.inserted)}</dd>
          </div>
          <div>
            <dt>Updated</dt>
            <dd className="tabular">{total(report.updated)}</dd>
          </div>
          <div>
            <dt>Appended</dt>
            <dd className="tabular">{total(report.appended)}</dd>
          </div>
          <div>
            <dt>Evidence files copied</dt>
            <dd className="tabular">{report.evidenceContentsCopied}</dd>
          </div>
        </dl>
      )}
      {total(report.inserted) ? <p className="faint small">New: {breakdown(report.inserted)}.</p> : null}
      {total(report.updated) ? <p className="faint small">Updated: {breakdown(report.updated)}.</p> : null}
      {report.restored ? <p className="problem tone-info">{report.restored.message}</p> : null}
      {report.rosterRemoved.length ? (
        <p className="problem tone-warning" role="status">
          The other copy removed from this case&apos;s team roster:{' '}
          {report.rosterRemoved.map((k, i) => (
            <span key={k.fingerprint}>
              {i > 0 ? '; ' : ''}
              <UntrustedText text={k.name} what="The name" /> (<span className="mono">{k.fingerprint}</span>)
            </span>
          ))}
          . Their shares are no longer accepted and nothing is shared to them. If one was removed by mistake, compare the fingerprint with them and add them again.
        </p>
      ) : null}
      {report.share ? (
        <p className="faint small">
          Sent by <UntrustedText text={report.share.sender.name} what="The name" /> ({report.share.sender.known ? 'in your roster' : 'accepted by fingerprint'}), <span className="mono">{report.share.sender.fingerprint}</span>
        </p>
      ) : null}
      <h3 className="section-label">Conflicts to review ({report.conflicts.length})</h3>
      {report.conflicts.length === 0 ? (
        <p className="muted small">None: no record was changed on both sides.</p>
      ) : (
        <table className="data-table" aria-label="Conflicts to review">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Record</th>
              <th>What happened</th>
            </tr>
          </thead>
          <tbody>
            {report.conflicts.map((c, i) => {
              const kind = KIND_OF_TABLE[c.table];
              return (
                <tr key={`${c.record_id}-${i}`}>
                  <td className="nowrap">{enumLabel(c.kind)}</td>
                  <td>
                    {kind ? (
                      <button type="button" className="link-button" onClick={() => onOpen(kind, c.record_id)} title={c.record_id}>
                        Open {enumLabel(c.table).toLowerCase()} …{c.record_id.slice(-6)}
                      </button>
                    ) : (
                      <span className="faint">
                        {enumLabel(c.table)} {c.record_id.slice(-8)}
                      </span>
                    )}
                  </td>
                  <td>{c.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
