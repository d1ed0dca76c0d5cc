import { useLayoutEffect, useState } from 'react';
import type { CaseCheckReport } from '../../../src-main/contract/integrity';
import { Icon } from '../../components/Icon';
import { call, toDossierError } from '../../api';
import { ALL_TOPICS, useTopicsVersion } from '../../data/invalidation';
import { CheckFindings } from './CheckFindings';
import { InterruptedImports } from './InterruptedImports';

/**
 * "Run full check": the same report as `dossier check` (SQLite integrity, schema, audit chains,
 * records against their audit seals, custody, evidence bytes, unfinished imports), one line per
 * check and every finding named by table, record and field; an unfinished import can be rolled
 * back from here. Packet export and sharing refuse a case that fails it (the main side enforces
 * that; their dialogs run the check too and show the same detail).
 */
export function CaseCheckPanel() {
  const revision = useTopicsVersion(ALL_TOPICS);
  const [report, setReport] = useState<CaseCheckReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A result describes the case as it was; any change makes it stale.
  useLayoutEffect(() => {
    setReport(null);
    setError(null);
  }, [revision]);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setReport(await call('case.check', {}));
    } catch (raw) {
      setError(toDossierError(raw).message);
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <button type="button" className="btn" onClick={() => void run()} disabled={running}>
        <Icon name="check" size={14} /> {running ? 'Checking…' : 'Run full check'}
      </button>
      {error ? (
        <div className="banner tone-danger" role="alert">
          {error}
        </div>
      ) : null}
      {report ? (
        <div className={`banner ${report.ok ? 'tone-success' : 'tone-danger'}`} role="status" aria-label="Full check">
          <Icon name={report.ok ? 'check' : 'alert'} size={16} />
          <div>
            <strong>{report.ok ? 'Every check holds.' : 'The case fails its checks: packet export and sharing are refused until this is resolved.'}</strong>
            {/* Unfinished imports are listed below with their own actions, not twice. */}
            <CheckFindings report={{ ...report, findings: report.findings.filter((f) => f.check !== 'imports') }} />
            {report.interruptedImports.length > 0 ? <InterruptedImports imports={report.interruptedImports} /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
