import type { PacketExportSummary } from '../../../src-main/contract/DossierApi';
import { displayText } from '../../components/displayText';
import { formatBytes } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';

/** What an export produced: volumes with their hashes, each exhibit's Bates range, warnings. */
export function PacketSummary({ summary }: { summary: PacketExportSummary }) {
  return (
    <div className="result-summary">
      <p className="result-lead">
        <strong>{summary.totalPages.toLocaleString('en-US')} pages</strong> in {summary.volumes.length} volume{summary.volumes.length === 1 ? '' : 's'}
        {summary.pdfA ? ', PDF/A' : ''}.
      </p>
      <h3 className="section-label">Volumes</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th>File</th>
            <th className="num">Pages</th>
            <th className="num">Size</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {summary.volumes.map((v) => (
            <tr key={v.path}>
              <td className="mono break-all">{displayText(v.path.split(/[\\/]/).pop() ?? '')}</td>
              <td className="num tabular">{v.pages}</td>
              <td className="num tabular">{formatBytes(v.bytes)}</td>
              <td className="mono hash-cell">{v.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="section-label">Exhibits</h3>
      {summary.exhibits.length === 0 ? (
        <p className="muted small">No exhibits in this packet.</p>
      ) : (
        <table className="data-table" aria-label="Exhibits and Bates ranges">
          <thead>
            <tr>
              <th>Exhibit</th>
              <th>Bates range</th>
              <th>Reproduced as</th>
            </tr>
          </thead>
          <tbody>
            {summary.exhibits.map((e) => (
              <tr key={e.evidenceId}>
                <td>{displayText(e.label)}</td>
                <td className="mono">
                  {e.batesFirst === e.batesLast ? e.batesFirst : `${e.batesFirst} – ${e.batesLast}`}
                </td>
                <td className="muted">{e.rendering.replace(/_/g, ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.warnings.length ? (
        <>
          <h3 className="section-label">Warnings</h3>
          <ul className="problem-list">
            {summary.warnings.map((w, i) => (
              <li key={i} className="problem tone-warning">
                <UntrustedText text={w} what="The warning" />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
