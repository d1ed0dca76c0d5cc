import { useEffect, useState } from 'react';
import type { IdentityStatus, ShareCreated, TeamMember } from '../../../src-main/contract/sharing';
import { call, shellCall, toDossierError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { displayText } from '../../components/displayText';
import { formatBytes } from '../../components/labels';
import { UntrustedText } from '../../components/UntrustedText';
import { LabeledField } from '../../components/LabeledField';
import { TaskProgress } from '../../components/TaskProgress';
import { useApp } from '../app/appStore';
import { useDialogTask } from '../tasks/useDialogTask';
import { CaseCheckGateNotice } from '../audit/CaseCheckGateNotice';
import { useCaseCheckGate } from '../audit/useCaseCheckGate';

type Step = { at: 'form' } | { at: 'sharing' } | { at: 'done'; result: ShareCreated };

/** Share case: encrypt a signed copy to chosen teammates or to a passphrase, as a .dossier.age file. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const summary = useApp((s) => s.summary)!;
  const setView = useApp((s) => s.setView);
  const changed = useApp((s) => s.changed);
  const [identity, setIdentity] = useState<IdentityStatus | null>(null);
  const [members, setMembers] = useState<TeamMember[]>([]);
  const [mode, setMode] = useState<'people' | 'passphrase'>('people');
  const [chosen, setChosen] = useState<string[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [identityPassphrase, setIdentityPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ at: 'form' });
  const task = useDialogTask();
  // A share carries the case's audit checkpoint to teammates: refused here when the case fails its checks.
  const gate = useCaseCheckGate();

  useEffect(() => {
    void call('identity.status', {}).then(setIdentity, (raw) => setError(toDossierError(raw).message));
    void call('roster.list', {}).then((list) => {
      // A key a merge brought and nobody here confirmed is not offered (the roster panel confirms it).
      const trusted = list.filter((m) => m.status === 'trusted');
      setMembers(trusted);
      setChosen(trusted.map((m) => m.fingerprint));
    });
  }, []);

  async function share() {
    setError(null);
    if (mode === 'people' && chosen.length === 0) return setError('Choose at least one teammate, or share with a passphrase.');
    if (mode === 'passphrase' && passphrase !== confirm) return setError('The two passphrases differ; type the same one twice.');
    try {
      const base = (summary.info.code_name ?? summary.info.title).replace(/[^A-Za-z0-9 _.-]+/g, '').trim().replace(/\s+/g, '-') || 'case';
      const outPath = await shellCall((s) => s.chooseSavePath({ purpose: 'share', suggestedName: `${base}.dossier.age` }));
      if (!outPath) return;
      setStep({ at: 'sharing' });
      const result = await task.run('Sharing case', (taskId) =>
        call('share.create', {
          outPath,
          taskId,
          recipients: mode === 'people' ? chosen : [],
          ...(mode === 'passphrase' ? { passphrase } : {}),
          ...(identityPassphrase ? { identityPassphrase } : {}),
          ...(gate.forced ? { force: true } : {}),
        }),
      );
      setStep({ at: 'done', result });
      changed(['evidence']);
    } catch (raw) {
      const e = toDossierError(raw);
      setStep({ at: 'form' });
      setError(e.code === 'CANCELLED' ? 'Sharing cancelled; no share was written.' : e.message);
      if (e.code === 'CASE_CHECK_FAILED') gate.rerun();
    }
  }

  if (step.at === 'done') {
    const r = step.result;
    return (
      <Dialog
        title="Case shared"
        onClose={onClose}
        width={620}
        footer={
          <>
            <button type="button" className="btn" onClick={() => void shellCall((s) => s.showInFolder({ path: r.path }))}>
              <Icon name="folder" size={14} /> Show in folder
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </>
        }
      >
        <dl className="field-list compact">
          <div className="field-row wide">
            <dt>File</dt>
            <dd className="mono break-all">{displayText(r.path)}</dd>
          </div>
          <div className="field-row">
            <dt>Size</dt>
            <dd>{formatBytes(r.size)}</dd>
          </div>
          <div className="field-row">
            <dt>Exhibits</dt>
            <dd>{r.exhibits} transfer{r.exhibits === 1 ? '' : 's'} recorded in custody</dd>
          </div>
          <div className="field-row wide">
            <dt>Readable by</dt>
            <dd>{r.passphrase ? 'Anyone with the passphrase' : r.recipients.map((x) => x.name ?? x.ageRecipient).join(', ')}</dd>
          </div>
          <div className="field-row wide">
            <dt>Manifest SHA-256</dt>
            <dd className="mono break-all">{r.manifestSha256}</dd>
          </div>
        </dl>
      </Dialog>
    );
  }

  const noIdentity = identity !== null && !identity.exists;
  return (
    <Dialog
      title="Share case"
      description="An encrypted, signed copy of this case file that teammates open in Dossier (or with the age tool)."
      onClose={step.at === 'sharing' ? () => {} : onClose}
      width={600}
      footer={
        step.at === 'sharing' ? null : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void share()} disabled={noIdentity || identity === null || !gate.allowed}>
              <Icon name="share" size={14} /> Share…
            </button>
          </>
        )
      }
    >
      {step.at === 'sharing' ? (
        <TaskProgress taskId={task.taskId} label="Sharing case" />
      ) : noIdentity ? (
        <div className="empty-note">
          <p>You need an identity to sign shares. Create it on the Team page, then share again.</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              onClose();
              setView('team');
            }}
          >
            Go to Team
          </button>
        </div>
      ) : (
        <div className="share-form">
          <CaseCheckGateNotice gate={gate} action="share the case" forceLabel="Share anyway: the audit log records that the case failed its checks when it was shared" command="dossier share" />
          {error ? (
            <div className="form-error" role="alert">
              {error}
            </div>
          ) : null}
          <fieldset className="choice-group">
            <legend className="field-label">Who can open it</legend>
            <label className="check-label">
              <input type="radio" name="share-mode" checked={mode === 'people'} onChange={() => setMode('people')} /> Teammates in the roster
            </label>
            <label className="check-label">
              <input type="radio" name="share-mode" checked={mode === 'passphrase'} onChange={() => setMode('passphrase')} /> Anyone with a passphrase
            </label>
            <p className="field-help">
              One or the other: the age format encrypts a file either to people&apos;s keys or to a passphrase, never both.
            </p>
          </fieldset>
          {mode === 'people' ? (
            members.length === 0 ? (
              <p className="muted small">The roster is empty. Add teammates on the Team page, or share with a passphrase.</p>
            ) : (
              <ul className="check-list" aria-label="Teammates to share with">
                {members.map((m) => (
                  <li key={m.fingerprint}>
                    <label className="check-label">
                      <input
                        type="checkbox"
                        checked={chosen.includes(m.fingerprint)}
                        onChange={(e) => setChosen((list) => (e.target.checked ? [...list, m.fingerprint] : list.filter((f) => f !== m.fingerprint)))}
                      />
                      <strong>
                        <UntrustedText text={m.name} what="The name" />
                      </strong>{' '}
                      <span className="mono faint small">{m.fingerprint}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )
          ) : (
            <div className="form-grid">
              <LabeledField label="Share passphrase" help="Tell it to the recipient another way than the file.">
                <input className="input" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
              </LabeledField>
              <LabeledField label="Passphrase again">
                <input className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
              </LabeledField>
            </div>
          )}
          {identity?.protection === 'passphrase' ? (
            <LabeledField label="Your identity passphrase" help="Unlocks your identity to sign the share.">
              <input className="input" type="password" autoComplete="current-password" value={identityPassphrase} onChange={(e) => setIdentityPassphrase(e.target.value)} />
            </LabeledField>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
