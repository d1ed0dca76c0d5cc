import type { CaseCheckReport } from '../../../src-main/contract/integrity';
import { displayText } from '../../components/displayText';
import { UntrustedText } from '../../components/UntrustedText';

/**
 * A `dossier check` report in detail: one line per check, then every finding named by table,
 * record and field. Shared by the Audit view and the export and share dialogs, which refuse a
 * failing case and must say why exactly.
 */
export function CheckFindings({ report, limit = Infinity }: { report: CaseCheckReport; limit?: number }) {
  const shown = report.findings.slice(0, limit);
  return (
    <>
      <ul className="banner-detail">
        {report.sections.map((s) => (
          <li key={s.name}>
            <span className={s.ok ? '' : 'strong'}>{s.ok ? 'ok' : 'FAILED'}</span> · {s.name}: {s.summary}
          </li>
        ))}
      </ul>
      {shown.length > 0 ? (
        <ul className="banner-detail" aria-label="Findings">
          {shown.map((f, i) => (
            <li key={i}>
              <UntrustedText text={f.message} what="The finding" />
              {f.table ? <span className="mono faint">{displayText(` ${f.table}${f.id ? ` ${f.id}` : ''}${f.fields?.length ? ` · ${f.fields.join(', ')}` : ''}`)}</span> : null}
            </li>
          ))}
          {report.findings.length > shown.length ? <li>… and {report.findings.length - shown.length} more (Audit log › Run full check lists them all).</li> : null}
        </ul>
      ) : null}
    </>
  );
}
