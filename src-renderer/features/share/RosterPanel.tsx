import { useState } from 'react';
import type { TeamMember } from '../../../src-main/contract/sharing';
import { call, toDossierError } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { displayText } from '../../components/displayText';
import { formatDate } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import { LabeledField } from '../../components/LabeledField';
import { QueryError } from '../../components/QueryError';
import { invalidate } from '../../data/invalidation';
import { useQuery } from '../../data/useQuery';

/** Who this case is shared with: add a teammate from their identity line, remove one. */
export function RosterPanel() {
  const roster = useQuery(['roster'], ['team'], () => call('roster.list', {}));
  const members = roster.data ?? null;
  const [line, setLine] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);

  const load = () => invalidate(['team']);

  async function add() {
    setError(null);
    try {
      await call('roster.add', { identityLine: line, ...(role.trim() ? { role: role.trim() } : {}) });
      setLine('');
      setRole('');
      load();
    } catch (raw) {
      setError(toDossierError(raw).message);
    }
  }

  async function confirm(member: TeamMember) {
    setError(null);
    try {
      await call('roster.trust', { fingerprint: member.fingerprint });
      load();
    } catch (raw) {
      setError(toDossierError(raw).message);
    }
  }

  async function remove(member: TeamMember) {
    setRemoving(null);
    try {
      await call('roster.remove', { fingerprint: member.fingerprint });
      load();
    } catch (raw) {
      setError(toDossierError(raw).message);
    }
  }

  return (
    <section className="panel" aria-labelledby="roster-h">
      <div className="panel-head">
        <h2 id="roster-h">Case roster</h2>
        <span className="muted">{members ? `${members.length} teammate${members.length === 1 ? '' : 's'}` : ''}</span>
      </div>
      {members && members.length === 0 ? <p className="muted small">No teammates yet. Add one from the identity line they send you.</p> : null}
      <QueryError what="the roster" error={roster.error} />
      {members && members.length > 0 ? (
        <ul className="roster-list" aria-label="Teammates">
          {members.map((m) => (
            <li key={m.id} className="roster-item">
              <div className="roster-main">
                <strong>
                  <UntrustedText text={m.name} what="The name" />
                </strong>
                {m.role ? (
                  <span className="faint">
                    {' · '}
                    <UntrustedText text={m.role} what="The role" />
                  </span>
                ) : null}
                <div className="mono small fingerprint-small">{m.fingerprint}</div>
                {m.status === 'pending' ? (
                  <div className="small">
                    <span className="badge tone-warning">Not confirmed</span> Came in with a merge: their shares are not accepted until you compare this
                    fingerprint with them and confirm it.{' '}
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => void confirm(m)} aria-label={`Confirm ${displayText(m.name)}'s key`}>
                      Confirm key
                    </button>
                  </div>
                ) : null}
                <div className="faint small">
                  Added {formatDate(m.created_at)} by <UntrustedText text={m.created_by} what="The name" />
                </div>
              </div>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRemoving(m)} aria-label={`Remove ${displayText(m.name)}`}>
                <Icon name="trash" size={13} /> Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="form-grid roster-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        {error ? (
          <div className="form-error span-2" role="alert">
            {error}
          </div>
        ) : null}
        <LabeledField label="Teammate's identity line" help="They copy it from their Team page; compare the fingerprint with them before adding." wide>
          <textarea className="textarea mono" rows={2} spellCheck={false} value={line} onChange={(e) => setLine(e.target.value)} placeholder="dossier-identity-v1 …" />
        </LabeledField>
        <LabeledField label="Role (optional)">
          <input className="input" value={role} onChange={(e) => setRole(e.target.value)} placeholder="Counsel" />
        </LabeledField>
        <div className="row-end align-end">
          <button type="submit" className="btn" disabled={!line.trim()}>
            <Icon name="plus" size={14} /> Add teammate
          </button>
        </div>
      </form>
      {removing ? (
        <ConfirmDialog
          title={`Remove ${displayText(removing.name)}?`}
          message="Future shares of this case will no longer be encrypted to them. Shares they already have stay readable to them."
          confirmLabel="Remove"
          danger
          onConfirm={() => void remove(removing)}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}
