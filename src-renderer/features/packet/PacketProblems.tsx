import { Icon } from '../../components/Icon';
import { UntrustedText } from '../../components/UntrustedText';

export interface Problem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const TONE = { error: 'tone-danger', warning: 'tone-warning', info: 'tone-info' } as const;

/** packet.check's findings, errors first. */
export function PacketProblems({ problems, blocking }: { problems: Problem[]; blocking: boolean }) {
  if (problems.length === 0) {
    return (
      <div className="problem tone-success" role="status">
        <Icon name="check" size={14} /> No problems found: the packet is ready to export.
      </div>
    );
  }
  const sorted = [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <div role="status">
      <ul className="problem-list" aria-label="Packet check">
        {sorted.map((p, i) => (
          <li key={`${p.code}-${i}`} className={`problem ${TONE[p.severity]}`}>
            <Icon name={p.severity === 'info' ? 'info' : 'alert'} size={14} />
            <span>
              <strong className="problem-severity">{p.severity}</strong> <UntrustedText text={p.message} what="The message" />
            </span>
          </li>
        ))}
      </ul>
      {blocking ? <p className="field-help">Export stops on these errors (as the check and the command line do): fix them first. A draft is checked the same way.</p> : null}
    </div>
  );
}
