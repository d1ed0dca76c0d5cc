import type { SiteImportReport } from '../../../src-main/contract/SiteImportReport';
import { formatBytes } from '../../components/labels';

const SHOWN_ERRORS = 500;

/** What a site list import did: counts, the file's hash, and every row that was not taken. */
export function SiteImportReportView({ report }: { report: SiteImportReport }) {
  return (
    <div className="result-summary">
      <dl className="stat-row" aria-label="Import counts">
        <div>
          <dt>Rows read</dt>
          <dd className="tabular">{report.rowsRead.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd className="tabular">{report.imported.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Merged</dt>
          <dd className="tabular">{report.merged.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Not imported</dt>
          <dd className={`tabular ${report.errorCount ? 'text-danger' : ''}`}>{report.errorCount.toLocaleString('en-US')}</dd>
        </div>
      </dl>
      <p className="faint small">
        {report.file.split(/[\\/]/).pop()} · {formatBytes(report.bytes)} · {report.format.toUpperCase()} · SHA-256 <span className="mono break-all">{report.sha256}</span>
      </p>
      {report.cancelled ? <div className="problem tone-warning">Cancelled: the rows imported before it are kept.</div> : null}
      {report.stoppedAt ? (
        <div className="problem tone-danger">
          The file could not be read past {report.stoppedAt.rowNumber !== null ? `row ${report.stoppedAt.rowNumber}` : 'a point'}: {report.stoppedAt.reason}. Rows before it are kept.
        </div>
      ) : null}
      {report.errors.length ? (
        <>
          <h3 className="section-label">Rows not imported</h3>
          <div className="table-scroll">
            <table className="data-table" aria-label="Rows not imported">
              <thead>
                <tr>
                  <th className="num">Row</th>
                  <th>Value</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <tr key={`${e.rowNumber}-${i}`}>
                    <td className="num tabular">{e.rowNumber}</td>
                    <td className="mono break-all">{e.value}</td>
                    <td>
                      {e.field ? <span className="faint">{e.field}: </span> : null}
                      {e.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.errorCount > Math.min(report.errors.length, SHOWN_ERRORS) ? (
            <p className="field-help">
              Showing {Math.min(report.errors.length, SHOWN_ERRORS).toLocaleString('en-US')} of {report.errorCount.toLocaleString('en-US')}; the command line (`dossier site import --json`) lists them all.
            </p>
          ) : null}
        </>
      ) : null}
      {report.notTaken.length ? (
        <>
          <h3 className="section-label">Values not taken ({report.valuesNotTaken.toLocaleString('en-US')})</h3>
          <p className="field-help">The site already held another value: nothing recorded is overwritten. Change one by editing the site.</p>
          <div className="table-scroll">
            <table className="data-table" aria-label="Values not taken">
              <thead>
                <tr>
                  <th className="num">Row</th>
                  <th>Site</th>
                  <th>Column</th>
                  <th>Kept</th>
                  <th>Not taken</th>
                </tr>
              </thead>
              <tbody>
                {report.notTaken.slice(0, SHOWN_ERRORS).map((v, i) => (
                  <tr key={`${v.rowNumber}-${v.field}-${i}`}>
                    <td className="num tabular">{v.rowNumber}</td>
                    <td className="mono break-all">{v.site}</td>
                    <td>{v.column ?? v.field}</td>
                    <td className="break-all">{v.kept}</td>
                    <td className="break-all">{v.offered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
