import { Icon } from '../../components/Icon';
import { CheckFindings } from './CheckFindings';
import type { CaseCheckGate } from './useCaseCheckGate';

/**
 * What an export or share dialog shows of its case check: checking, passed, or refused with every
 * failing check and finding, and the one way past it (the CLI's --force), saying what it leaves
 * on record.
 */
export function CaseCheckGateNotice({ gate, action, forceLabel, command }: { gate: CaseCheckGate; action: string; forceLabel: string; command: string }) {
  if (gate.error) {
    return (
      <div className="banner tone-danger" role="alert" aria-label="Case check">
        <Icon name="alert" size={16} />
        <div>
          <strong>The case could not be checked, so it cannot be used to {action}: </strong>
          {gate.error}
        </div>
      </div>
    );
  }
  if (gate.running || !gate.report) {
    return (
      <div className="problem tone-info" role="status" aria-label="Case check">
        <Icon name="info" size={14} /> Checking the case (integrity, audit chain, records, custody, evidence) before you {action}…
      </div>
    );
  }
  if (gate.report.ok) {
    return (
      <div className="problem tone-success" role="status" aria-label="Case check">
        <Icon name="check" size={14} /> The case passes every check (the same as <span className="mono">dossier check</span>).
      </div>
    );
  }
  return (
    <div className="banner tone-danger" role="alert" aria-label="Case check">
      <Icon name="alert" size={16} />
      <div>
        <strong>Refused: this case fails its checks, so it cannot be used to {action} as it is.</strong>
        <CheckFindings report={gate.report} limit={20} />
        <label className="check-label">
          <input type="checkbox" checked={gate.forced} onChange={(e) => gate.setForced(e.target.checked)} /> {forceLabel} (the same as{' '}
          <span className="mono" style={{ whiteSpace: 'nowrap' }}>{command} --force</span>)
        </label>
      </div>
    </div>
  );
}
